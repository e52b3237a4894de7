import { describe, expect, it } from "vitest";
import { redactText } from "../redact";
import { runInShell } from "../../sandbox/test-support";
import { appSyncEndpoints } from "./endpoints";
import { realtimeCommand } from "./realtime-command";
import { bearerSubprotocols } from "../agentcore/ws-auth";
import { runtimeWsCommand } from "../agentcore/ws-command";

const JWT = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1c2VyLTEiLCJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2lnbmF0dXJlLWJ5dGVzLWFyZS1oZXJl";
const endpoints = appSyncEndpoints("https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql");
const subscription = { query: "subscription { onCreateNote { id } }" };

/** What the command's assignments leave in the shell, with `node` replaced by printing its arguments. */
function assignments(command: string, env: string): string[] {
  const shown = command.replace(/node -e '[^']*'/, "printf '%s\\0'");
  return runInShell(`${env}\n${shown}`).split("\0").slice(0, -1);
}

describe("realtimeCommand", () => {
  it("builds the header subprotocol in the shell, from the exported token, as the dashboard encodes it", () => {
    const { command } = realtimeCommand("access-token", endpoints, subscription, "us-east-1");
    expect(command).not.toContain(JWT);
    const [url, protocol, auth, data] = assignments(command!, `ACCESS_TOKEN='${JWT}'`);
    expect(url).toBe(endpoints.realtimeUrl);
    expect(JSON.parse(auth!)).toEqual({ host: endpoints.host, Authorization: JWT });
    expect(protocol).toBe(`header-${Buffer.from(auth!).toString("base64url")}`);
    expect(JSON.parse(data!)).toEqual({ query: subscription.query, variables: {} });
  });

  it("dates an API-key header and reads the key from the shell", () => {
    const [, , auth] = assignments(realtimeCommand("api-key", endpoints, subscription, "us-east-1").command!, "API_KEY=da2-abcdefghijklmnopqrstuvwxyz");
    expect(JSON.parse(auth!)).toMatchObject({ host: endpoints.host, "x-api-key": "da2-abcdefghijklmnopqrstuvwxyz", "x-amz-date": expect.stringMatching(/^\d{8}T\d{6}Z$/) });
  });

  it("puts a Lambda authorizer's token, from $LAMBDA_TOKEN, beside host as aws-amplify does", () => {
    const { command } = realtimeCommand("lambda-token", endpoints, subscription, "us-east-1");
    expect(command).toContain("$LAMBDA_TOKEN");
    const [, protocol, auth] = assignments(command!, "LAMBDA_TOKEN='custom token-1'");
    expect(JSON.parse(auth!)).toEqual({ host: endpoints.host, Authorization: "custom token-1" });
    expect(protocol).toBe(`header-${Buffer.from(auth!).toString("base64url")}`);
  });

  it("signs IAM in the script, from credentials handed over as node's environment, not its arguments", () => {
    const { command, notes } = realtimeCommand("iam", endpoints, subscription, "us-east-1");
    const [, , , region] = assignments(command!, "");
    expect(region).toBe("us-east-1");
    expect(command).toMatch(/^AWS_ACCESS_KEY_ID="\$AWS_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="\$AWS_SECRET_ACCESS_KEY" AWS_SESSION_TOKEN="\$AWS_SESSION_TOKEN" node -e/);
    expect(notes.join(" ")).toContain("npm install ws @smithy/signature-v4 @aws-crypto/sha256-js");
  });

  it("is left as it is by the redaction reports apply", () => {
    for (const variant of ["api-key", "id-token", "access-token", "iam", "lambda-token"] as const) {
      const { command } = realtimeCommand(variant, endpoints, subscription, "us-east-1");
      expect(redactText(command!)).toBe(command);
    }
  });
});

describe("runtimeWsCommand", () => {
  const url = "wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fa-1/ws?qualifier=DEFAULT";
  it("builds the bearer subprotocol in the shell, as ws-auth encodes it", () => {
    const { command } = runtimeWsCommand("id-token", url, "s".repeat(33), '{"prompt":"hi"}', "us-east-1");
    const [sent, protocol, message] = assignments(command!, `ID_TOKEN='${JWT}'`);
    expect(sent).toBe(url);
    expect(protocol).toBe(bearerSubprotocols(JWT)[0]);
    expect(message).toBe('{"prompt":"hi"}');
    expect(redactText(command!)).toBe(command);
  });

  it("sends the access token as an Authorization header in the header column", () => {
    const { command } = runtimeWsCommand("bearer-header", url, "s".repeat(33), "{}", "us-east-1");
    const [, header, session] = assignments(command!, `ACCESS_TOKEN='${JWT}'`);
    expect(header).toBe(`Bearer ${JWT}`);
    expect(session).toBe("s".repeat(33));
    const sigv4 = runtimeWsCommand("sigv4", url, "s".repeat(33), "{}", "us-east-1").command!;
    expect(assignments(sigv4, "")).toEqual([url, "us-east-1", "{}"]);
    expect(redactText(sigv4)).toBe(sigv4);
  });
});
