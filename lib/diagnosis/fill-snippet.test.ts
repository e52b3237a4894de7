import { describe, expect, it } from "vitest";
import { environmentSchema } from "../config/environment";
import { fillPlaceholders, knownIdsOf } from "./fill-snippet";
import { RULES } from "./rules";

const environment = environmentSchema.parse({
  id: "c",
  name: "Customer C",
  region: "eu-west-1",
  userPoolId: "eu-west-1_AbC123",
  userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
  identityPoolId: "eu-west-1:11111111-2222-3333-4444-555555555555",
  appSync: [{ name: "data", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql", region: "eu-west-1", defaultAuthMode: "AWS_IAM" }],
});

const policy = RULES.find((r) => r.id === "appsync-unauthorized-iam")!.fix[0]!.snippet!.code;

describe("fix snippets with the environment's own ids", () => {
  it("fills region, account and API id of the AppSync policy", () => {
    const filled = fillPlaceholders(policy, knownIdsOf(environment, "123456789012"));
    expect(filled).toContain("arn:aws:appsync:eu-west-1:123456789012:apis/abcdefghijklmnopqrstuvwxyz/types/Query/fields/*");
    expect(filled).not.toMatch(/<[a-zA-Z]+>/);
  });

  it("leaves what is not known as a placeholder", () => {
    expect(fillPlaceholders(policy, knownIdsOf(environment))).toContain("arn:aws:appsync:eu-west-1:<account>:apis/abcdefghijklmnopqrstuvwxyz/");
    expect(fillPlaceholders(policy, knownIdsOf(undefined))).toBe(policy);
  });

  it("takes the account from the AgentCore runtime ARN when no caller identity proved one", () => {
    const withRuntime = { ...environment, agentCore: { runtimeArn: "arn:aws:bedrock-agentcore:eu-west-1:210987654321:runtime/agent-abc", qualifier: "DEFAULT" } };
    expect(knownIdsOf(withRuntime).account).toBe("210987654321");
    expect(knownIdsOf(withRuntime, "123456789012").account).toBe("123456789012");
  });

  it("fills pool and client only after their option names, and never someone else's account", () => {
    const ids = knownIdsOf(environment, "123456789012");
    expect(fillPlaceholders("aws cognito-idp update-user-pool-client --user-pool-id <pool> --client-id <client>", ids)).toBe(
      "aws cognito-idp update-user-pool-client --user-pool-id eu-west-1_AbC123 --client-id abcdefghijklmnopqrstuvwxyz",
    );
    expect(fillPlaceholders("arn:aws:bedrock-agentcore:<region>:<owner account>:runtime/<id>", ids)).toBe("arn:aws:bedrock-agentcore:eu-west-1:<owner account>:runtime/<id>");
    expect(fillPlaceholders("curl https://<id>.appsync-api.<region>.amazonaws.com/graphql", ids)).toBe("curl https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql");
  });
});
