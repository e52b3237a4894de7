import { describe, expect, it } from "vitest";
import { apiIdFromUrl, gatewayIdFromUrl, requiredCalls } from "./required-calls";

const appSync = [{ name: "api", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql", region: "eu-west-1", defaultAuthMode: "AWS_IAM" as const, additionalAuthModes: [] }];

describe("requiredCalls", () => {
  it("names one field ARN per top-level field, following fragments and skipping introspection", () => {
    const [call] = requiredCalls({
      environment: { region: "eu-west-1", appSync },
      account: "123456789012",
      query: "query Q { a: listNotes { id } ...F __typename } fragment F on Query { whoami }",
    });
    expect(call!.resources).toEqual([
      "arn:aws:appsync:eu-west-1:123456789012:apis/abcdefghijklmnopqrstuvwxyz/types/Query/fields/listNotes",
      "arn:aws:appsync:eu-west-1:123456789012:apis/abcdefghijklmnopqrstuvwxyz/types/Query/fields/whoami",
    ]);
  });

  it("does not evaluate an introspection-only operation, and says why", () => {
    const [call] = requiredCalls({ environment: { region: "eu-west-1", appSync }, query: "{ __typename }" });
    expect(call!.resources).toEqual([]);
    expect(call!.problem).toContain("not confirmed");
  });

  it("keeps the account a placeholder when it is not known, and takes a typed API id over the URL's", () => {
    const [call] = requiredCalls({ environment: { region: "eu-west-1", appSync }, appSyncApiId: "realapiid", subscription: "subscription { onCreateNote { id } }" });
    expect(call!.resources).toEqual(["arn:aws:appsync:eu-west-1:<account>:apis/realapiid/types/Subscription/fields/onCreateNote"]);
  });

  it("asks for the gateway's InvokeGateway on its ARN", () => {
    const calls = requiredCalls({ environment: { region: "us-east-1", appSync: [], agentCore: { qualifier: "DEFAULT", gatewayUrl: "https://my-gw-abc123.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp" } }, account: "123456789012" });
    expect(calls).toMatchObject([{ action: "bedrock-agentcore:InvokeGateway", resources: ["arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/my-gw-abc123"] }]);
  });
});

describe("ids read from URLs", () => {
  it("marks an API id read from an AWS host as read from the host", () => {
    expect(apiIdFromUrl(appSync[0]!.url)).toEqual({ apiId: "abcdefghijklmnopqrstuvwxyz", fromHost: true });
    expect(apiIdFromUrl("http://127.0.0.1:4577/appsync/demoapi/graphql")).toEqual({ apiId: "demoapi", fromHost: false });
    expect(gatewayIdFromUrl("http://127.0.0.1:4577/agentcore-gateway/gw1/mcp")).toBe("gw1");
  });
});
