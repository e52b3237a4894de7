import { describe, expect, it, vi } from "vitest";
import { clientCredentialsBody, parseScopes, requestClientCredentials, tokenEndpointOf } from "./client-credentials";

describe("tokenEndpointOf", () => {
  it("prefers the Cognito domain endpoint, else the OAuth domain", () => {
    expect(tokenEndpointOf({ endpoints: { cognitoDomain: "http://127.0.0.1:4577/cognito-domain/x/" }, oauth: undefined })).toBe("http://127.0.0.1:4577/cognito-domain/x/oauth2/token");
    expect(tokenEndpointOf({ endpoints: {}, oauth: { domain: "a.auth.us-east-1.amazoncognito.com", scopes: [], redirectSignIn: [], redirectSignOut: [], responseType: "code", identityProviders: [] } })).toBe(
      "https://a.auth.us-east-1.amazoncognito.com/oauth2/token",
    );
    expect(tokenEndpointOf({ endpoints: {}, oauth: undefined })).toBeUndefined();
  });
});

describe("the request", () => {
  it("puts the secret in the body for client_secret_post and only in the header for client_secret_basic", async () => {
    expect(new URLSearchParams(clientCredentialsBody({ clientId: "c", clientSecret: "s", scopes: ["a/b", "a/c"] })).toString()).toBe("grant_type=client_credentials&client_id=c&client_secret=s&scope=a%2Fb+a%2Fc");
    expect(clientCredentialsBody({ clientId: "c", clientSecret: "s", scopes: [], auth: "basic" })).toBe("grant_type=client_credentials");
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response('{"error":"invalid_client"}', { status: 400 }));
    const result = await requestClientCredentials({ tokenEndpoint: "https://x.example/oauth2/token", clientId: "id:1", clientSecret: "sé cret", scopes: [], auth: "basic", fetchImpl });
    expect(result).toEqual({ ok: false, status: 400, error: "invalid_client" });
    const headers = fetchImpl.mock.calls[0]![1]!.headers as Record<string, string>;
    // RFC 6749 §2.3.1: form-encoded, then Base64 of the UTF-8 bytes.
    expect(Buffer.from(headers["authorization"]!.replace("Basic ", ""), "base64").toString("utf8")).toBe("id%3A1:s%C3%A9+cret");
  });

  it("names an endpoint that gives no answer", async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      throw new TypeError("Failed to fetch");
    });
    const result = await requestClientCredentials({ tokenEndpoint: "https://x.example/oauth2/token", clientId: "c", clientSecret: "s", scopes: [], fetchImpl });
    expect(result).toMatchObject({ ok: false, unreachable: true });
    expect(!result.ok && result.error).toContain("x.example");
  });

  it("reads scopes typed with spaces or commas", () => {
    expect(parseScopes(" a/b, a/c  a/b\n")).toEqual(["a/b", "a/c"]);
  });
});
