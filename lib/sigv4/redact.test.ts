import { describe, expect, it } from "vitest";
import { presignWebSocketUrl, redactAuthorization, redactHeaders, redactSignedUrl, signRequest } from "./index";
import { NOW, TEMPORARY } from "../../sandbox/sigv4/test-support";

describe("redaction keeps the shape, drops the secrets", () => {
  it("redactAuthorization keeps key id, scope and signed headers", async () => {
    const signed = await signRequest(
      { method: "POST", url: "https://x.appsync-api.us-east-1.amazonaws.com/graphql", body: "{}" },
      { credentials: TEMPORARY, region: "us-east-1", service: "appsync", signingDate: NOW },
    );
    expect(redactAuthorization(signed.headers.authorization!)).toBe(
      `AWS4-HMAC-SHA256 Credential=${TEMPORARY.accessKeyId}/20240501/us-east-1/appsync/aws4_request, ` +
        "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=…redacted…",
    );
    const headers = redactHeaders(signed.headers);
    expect(headers["x-amz-security-token"]).toBe("…redacted…");
    expect(headers["x-amz-date"]).toBe("20240501T120000Z");
  });

  it("non-SigV4 values keep only their scheme", () => {
    expect(redactAuthorization("Bearer eyJhbGciOi.e30.sig")).toBe("Bearer …redacted…");
    expect(redactAuthorization("eyJhbGciOi.e30.sig")).toBe("…redacted…");
  });

  it("redactSignedUrl replaces signature and token, keeps every other parameter verbatim", async () => {
    const url = await presignWebSocketUrl(
      { url: "wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Ax/ws?qualifier=DEFAULT" },
      { credentials: TEMPORARY, region: "us-east-1", service: "bedrock-agentcore", expiresIn: 300, signingDate: NOW },
    );
    const redacted = redactSignedUrl(url);
    expect(redacted).toContain("qualifier=DEFAULT");
    expect(redacted).toContain(`X-Amz-Credential=${TEMPORARY.accessKeyId}%2F20240501%2Fus-east-1%2Fbedrock-agentcore%2Faws4_request`);
    expect(redacted).toContain("X-Amz-SignedHeaders=host");
    expect(redacted).toContain("X-Amz-Signature=…redacted…");
    expect(redacted).toContain("X-Amz-Security-Token=…redacted…");
    expect(redacted).not.toContain(encodeURIComponent(TEMPORARY.sessionToken));
    expect(redactSignedUrl("https://example.com/no-query")).toBe("https://example.com/no-query");
  });
});
