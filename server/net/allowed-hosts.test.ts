import { describe, expect, it } from "vitest";
import { checkOutboundUrl } from "./allowed-hosts";

const sandboxOrigins = ["http://127.0.0.1:4577"];

describe("checkOutboundUrl", () => {
  it.each([
    ["https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC/.well-known/jwks.json", "cognito-idp"],
    ["https://cognito-identity.us-east-1.amazonaws.com/", "cognito-identity"],
    ["https://sts.amazonaws.com/", "sts"],
    ["https://sts.eu-west-1.amazonaws.com/", "sts"],
    ["https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql", "appsync"],
    ["https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/x/invocations", "bedrock-agentcore"],
    ["https://gw-1abc.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp", "agentcore-gateway"],
    ["https://cognito-idp.cn-north-1.amazonaws.com.cn/x", "cognito-idp"],
    ["https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC/.well-known/jwks.json", "cognito-idp-issuer"],
    ["http://127.0.0.1:4577/ap-northeast-1_DemoPool1/.well-known/jwks.json", "sandbox"],
  ])("allows %s", (url, via) => {
    expect(checkOutboundUrl(url, { sandboxOrigins })).toMatchObject({ ok: true, via });
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data/", /not an AWS endpoint|http: is refused/],
    ["http://127.0.0.1:4578/", /http: is refused/],
    ["http://localhost:4577/", /http: is refused/],
    ["https://cognito-idp.us-east-1.amazonaws.com.evil.example/", /not an AWS endpoint/],
    ["https://issuer-cognito-idp.us-east-1.amazonaws.com.evil.example/", /not an AWS endpoint/],
    ["https://evil-issuer-cognito-idp.us-east-1.amazonaws.com/", /not an AWS endpoint/],
    ["https://evil.example/cognito-idp.us-east-1.amazonaws.com", /not an AWS endpoint/],
    ["https://cognito-idp.us-east-1.amazonaws.com@evil.example/", /not an AWS endpoint|credentials/],
    ["https://user:pw@cognito-idp.us-east-1.amazonaws.com/", /credentials/],
    ["http://cognito-idp.us-east-1.amazonaws.com/", /http: is refused/],
    ["https://cognito-idp.us-east-1.amazonaws.com:8443/", /port 8443/],
    ["https://s3.us-east-1.amazonaws.com/bucket", /not an AWS endpoint/],
    ["https://127.0.0.1.nip.io/", /not an AWS endpoint/],
    ["https://[::1]/", /not an AWS endpoint/],
    ["file:///etc/passwd", /file: is refused/],
    ["not a url", /not a URL/],
  ])("refuses %s", (url, reason) => {
    const verdict = checkOutboundUrl(url, { sandboxOrigins });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it("limits a purpose to its own services", () => {
    const url = "https://sts.amazonaws.com/";
    expect(checkOutboundUrl(url, { services: ["cognito-idp"] }).ok).toBe(false);
    // The UPDATED issuer's host serves JWKS and discovery only: not a Cognito API endpoint.
    expect(checkOutboundUrl("https://issuer-cognito-idp.us-east-1.amazonaws.com/", { services: ["cognito-idp"] }).ok).toBe(false);
  });
});
