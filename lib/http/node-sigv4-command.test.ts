import { describe, expect, it } from "vitest";
import { redactText } from "../redact";
import { runInShell } from "../../sandbox/test-support";
import { curlCannotSign, nodeSigV4Command } from "./node-sigv4-command";

const URL_WITH_ARN = "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fa-1/invocations?qualifier=DEFAULT";
const auth = { kind: "sigv4", region: "us-east-1", service: "bedrock-agentcore", sessionToken: true } as const;
const request = {
  method: "POST",
  url: URL_WITH_ARN,
  headers: { "content-type": "application/json", authorization: "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/…", "x-amz-date": "20261203T000000Z", "x-amz-security-token": "IQoJb3JpZ2luX2VjEXAMPLE" },
  body: '{"prompt":"hi"}',
};

describe("nodeSigV4Command", () => {
  it("is offered only where curl before 8.14.0 would sign the path wrong", () => {
    expect(curlCannotSign(URL_WITH_ARN, auth)).toBe(true);
    expect(curlCannotSign("https://abc.appsync-api.us-east-1.amazonaws.com/graphql", auth)).toBe(false);
    expect(curlCannotSign(URL_WITH_ARN, { kind: "header", name: "authorization", variable: "ACCESS_TOKEN" })).toBe(false);
  });

  it("hands node the request without its old signature, and the credentials only as its environment", () => {
    const { command } = nodeSigV4Command(request, auth);
    expect(command).toMatch(/^AWS_ACCESS_KEY_ID="\$AWS_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="\$AWS_SECRET_ACCESS_KEY" AWS_SESSION_TOKEN="\$AWS_SESSION_TOKEN" node -e/);
    const args = runInShell(command.replace(/^.*node -e '[^']*'/s, "printf '%s\\0'")).split("\0").slice(0, -1);
    expect(args).toEqual([URL_WITH_ARN, "POST", "us-east-1", "bedrock-agentcore", '{"content-type":"application/json"}', '{"prompt":"hi"}']);
    expect(command).not.toContain("ASIAEXAMPLE");
    expect(command).not.toContain("IQoJb3JpZ2luX2VjEXAMPLE");
  });

  it("is left as it is by the redaction reports apply", () => {
    const { command } = nodeSigV4Command(request, auth);
    expect(redactText(command)).toBe(command);
  });
});
