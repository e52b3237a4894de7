import { describe, expect, it } from "vitest";
import { signRequest } from "../sigv4";
import { NOW, TEMPORARY } from "../../sandbox/sigv4/test-support";
import { REDACTED, redactHeaders, redactJson, redactText, redactUrl } from "./index";
import { b64url, encodeBearerSubprotocol, encodeRealtimeHeader } from "./test-support/secrets";

const HEADER = b64url(JSON.stringify({ kid: "k1", alg: "RS256" }));
const PAYLOAD = b64url(JSON.stringify({ sub: "1", token_use: "access", client_id: "abc" }));
const JWT = `${HEADER}.${PAYLOAD}.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmUtc2ln`;
const CLAIMS_KEPT = `${HEADER}.${PAYLOAD}.${REDACTED}`;
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("redactText: what is redacted, and how much is kept", () => {
  it.each([
    ["bare JWT keeps header and claims", `token ${JWT} end`, `token ${CLAIMS_KEPT} end`],
    ["Bearer JWT", `Authorization: Bearer ${JWT}`, `Authorization: Bearer ${CLAIMS_KEPT}`],
    ["raw JWT (AppSync style)", `authorization: ${JWT}\r\nhost: x`, `authorization: ${CLAIMS_KEPT}\r\nhost: x`],
    ["opaque bearer", "Authorization: Bearer abc.def-ghi", `Authorization: Bearer ${REDACTED}`],
    ["Lambda authorizer string", "Authorization: custom secret value\nx: 1", `Authorization: ${REDACTED}\nx: 1`],
    ["Basic credentials", `"Authorization":"Basic YWxpY2U6cHc="`, `"Authorization":"Basic ${REDACTED}"`],
    [
      "Cognito refresh token (JWE)",
      `"RefreshToken":"eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.a2V5.aXY.Y2lwaGVy.dGFn"`,
      `"RefreshToken":"${REDACTED}"`,
    ],
    ["ini secret key", `aws_secret_access_key = ${SECRET_KEY}`, `aws_secret_access_key = ${REDACTED}`],
    ["env secret key", `AWS_SECRET_ACCESS_KEY=${SECRET_KEY}\n`, `AWS_SECRET_ACCESS_KEY=${REDACTED}\n`],
    ["bare secret key", `key ${SECRET_KEY}.`, `key ${REDACTED}.`],
    ["Cognito identity SecretKey", `{"SecretKey":"abc","SessionToken":"def"}`, `{"SecretKey":"${REDACTED}","SessionToken":"${REDACTED}"}`],
    ["STS XML", "<SecretAccessKey>abc</SecretAccessKey><SessionToken>t</SessionToken>", `<SecretAccessKey>${REDACTED}</SecretAccessKey><SessionToken>${REDACTED}</SessionToken>`],
    ["security token header", "-H 'X-Amz-Security-Token: IQoJb3JpZ2luX2VjEXAMPLE'", `-H 'X-Amz-Security-Token: ${REDACTED}'`],
    ["session token by shape", "t=IQoJb3JpZ2luX2VjEXAMPLE//+= ok", `t=${REDACTED} ok`],
    ["access key id shortened", "AKIAIOSFODNN7EXAMPLE", "AKIA…MPLE"],
    ["AppSync API key shortened", "x-api-key: da2-abcdefghijklmnopqrstuvwxyz", "x-api-key: da2-…wxyz"],
    ["a UUID holding da2- left alone", "request 5dc2bf32-08e7-4bd5-ada2-3f0c5e7a9d10 failed", "request 5dc2bf32-08e7-4bd5-ada2-3f0c5e7a9d10 failed"],
    ["other x-api-key", "x-api-key: gateway-key-123", `x-api-key: ${REDACTED}`],
    ["Cognito PASSWORD", `{"USERNAME":"alice","PASSWORD":"p\\"w d"}`, `{"USERNAME":"alice","PASSWORD":"${REDACTED}"}`],
    ["NEW_PASSWORD", `"NEW_PASSWORD": "x"`, `"NEW_PASSWORD": "${REDACTED}"`],
    ["numeric password stays JSON", `{"password": 1234}`, `{"password": "${REDACTED}"}`],
    ["null password untouched", `{"password": null}`, `{"password": null}`],
    ["form password", "USERNAME=alice&PASSWORD=p%40ss&x=1", `USERNAME=alice&PASSWORD=${REDACTED}&x=1`],
    ["JSON inside a JSON string", `{"body":"{\\"PASSWORD\\":\\"a\\\\\\"b\\"}"}`, `{"body":"{\\"PASSWORD\\":\\"${REDACTED}\\"}"}`],
    ["SECRET_HASH", `"SECRET_HASH":"abc="`, `"SECRET_HASH":"${REDACTED}"`],
    // Error names that end like a secret's name, followed by their message: words, not a token.
    ["aws-amplify's NoApiKey error", "aws-amplify sent nothing: NoApiKey: No api-key configured", "aws-amplify sent nothing: NoApiKey: No api-key configured"],
    ["STS ExpiredToken error", "ExpiredToken: The security token included in the request is expired", "ExpiredToken: The security token included in the request is expired"],
    ["a JWT inside such a sentence still loses its signature", `InvalidToken: the token ${JWT} was refused`, `InvalidToken: the token ${CLAIMS_KEPT} was refused`],
    ["a token followed by words is still a token", "token: abc123XYZopaque is invalid", `token: ${REDACTED}`],
    ["a passphrase is still a password", `password: correct horse battery staple`, `password: ${REDACTED}`],
    ["a cookie of words is still a cookie", `Cookie: a b c`, `Cookie: ${REDACTED}`],
  ])("%s", (_label, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("keeps SigV4 scope, signed headers and key id (shortened); drops the signature", () => {
    const auth =
      "AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7EXAMPLE/20240501/us-east-1/appsync/aws4_request, " +
      "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=" + "ab".repeat(32);
    expect(redactText(`Authorization: ${auth}`)).toBe(
      "Authorization: AWS4-HMAC-SHA256 Credential=ASIA…MPLE/20240501/us-east-1/appsync/aws4_request, " +
        `SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=${REDACTED}`,
    );
  });

  it("redacts inside the AppSync realtime header subprotocol and re-encodes it", () => {
    const out = redactText(`graphql-ws, ${encodeRealtimeHeader({ host: "h", "x-api-key": "da2-abcdefghijklmnopqrstuvwxyz" })}`);
    const encoded = /header-([A-Za-z0-9_-]+)/.exec(out)![1]!;
    expect(JSON.parse(Buffer.from(encoded, "base64url").toString())).toEqual({ host: "h", "x-api-key": "da2-…wxyz" });
  });

  it("keeps the claims of an AgentCore bearer subprotocol", () => {
    const out = redactText(`${encodeBearerSubprotocol(JWT)}, base64UrlBearerAuthorization`);
    const encoded = /base64UrlBearerAuthorization\.([A-Za-z0-9_-]+)/.exec(out)![1]!;
    expect(Buffer.from(encoded, "base64url").toString()).toBe(CLAIMS_KEPT);
    expect(redactText(encodeBearerSubprotocol("opaque-token"))).toBe(`base64UrlBearerAuthorization.${REDACTED}`);
  });

  it.each([
    ["a UUID", "sub 6f1c2a4e-9b1d-4c3e-8f7a-2b5d6e7f8a9b"],
    ["a SHA-1 and a SHA-256", "da39a3ee5e6b4b0d3255bfef95601890afd80709 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["an ARN", "arn:aws:iam::123456789012:role/service-role/MyRole"],
    ["AppSync's error", `{"errors":[{"errorType":"UnauthorizedException","message":"Valid authorization header not provided."}]}`],
    ["a STS identity", "<Arn>arn:aws:sts::123456789012:assumed-role/R/CognitoIdentityCredentials</Arn><UserId>AROAEXAMPLEID:Cognito</UserId>"],
    ["SRP values", `{"SRP_A":"abc123","USERNAME":"alice"}`],
    ["a 40-letter GraphQL type name", `{"name":"ModelSubscriptionStringInputFilterInputX"}`],
    ["prose about tokens", "The token is not from a supported provider of this identity pool."],
    ["a URL", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab/.well-known/jwks.json"],
  ])("leaves %s alone", (_label, input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe("redactHeaders", () => {
  it("redacts a signed request's headers by name and shape", async () => {
    const signed = await signRequest(
      { method: "POST", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql", body: "{}" },
      { credentials: TEMPORARY, region: "us-east-1", service: "appsync", signingDate: NOW },
    );
    const out = redactHeaders(signed.headers);
    expect(out["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA…MPLE\/20240501\/us-east-1\/appsync\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=…redacted…$/);
    expect(out["x-amz-security-token"]).toBe(REDACTED);
    expect(out["x-amz-date"]).toBe("20240501T120000Z");
    expect(out["host"]).toBe(signed.headers.host);
  });

  it("accepts Headers and keeps names as given", () => {
    const out = redactHeaders(new Headers({ "X-Api-Key": "da2-abcdefghijklmnopqrstuvwxyz", Cookie: "a=b", "Set-Cookie": "c=d" }));
    expect(out).toEqual({ "x-api-key": "da2-…wxyz", cookie: REDACTED, "set-cookie": REDACTED });
    expect(redactHeaders({ "X-Custom": JWT })).toEqual({ "X-Custom": CLAIMS_KEPT });
  });
});

describe("redactUrl", () => {
  it("redacts a presigned AgentCore URL but keeps its scope", () => {
    const url =
      "wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Ax/ws?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
      "&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20240501%2Fus-east-1%2Fbedrock-agentcore%2Faws4_request" +
      "&X-Amz-Security-Token=IQoJb3JpZ2lu%2Fabc%3D&X-Amz-Signature=" + "0f".repeat(32) + "&qualifier=DEFAULT";
    expect(redactUrl(url)).toBe(
      "wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Ax/ws?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
        "&X-Amz-Credential=ASIA…MPLE%2F20240501%2Fus-east-1%2Fbedrock-agentcore%2Faws4_request" +
        `&X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED}&qualifier=DEFAULT`,
    );
  });

  it("redacts tokens in a hosted-UI redirect fragment", () => {
    expect(redactUrl(`https://app.example/#id_token=${JWT}&access_token=opaque123&expires_in=3600`)).toBe(
      `https://app.example/#id_token=${CLAIMS_KEPT}&access_token=${REDACTED}&expires_in=3600`,
    );
  });
});

describe("redactJson", () => {
  it("redacts by name, then by shape, at any depth, without touching the input", () => {
    const input = {
      Credentials: { AccessKeyId: "ASIAIOSFODNN7EXAMPLE", SecretKey: SECRET_KEY, SessionToken: "tok", Expiration: 1714564800 },
      AuthenticationResult: { IdToken: JWT, RefreshToken: "opaque-refresh" },
      list: [{ password: 1234 }, { note: `Bearer ${JWT}` }],
      Cookie: ["a=1", "b=2"],
    };
    const copy = structuredClone(input);
    expect(redactJson(input)).toEqual({
      Credentials: { AccessKeyId: "ASIA…MPLE", SecretKey: REDACTED, SessionToken: REDACTED, Expiration: 1714564800 },
      AuthenticationResult: { IdToken: CLAIMS_KEPT, RefreshToken: REDACTED },
      list: [{ password: REDACTED }, { note: `Bearer ${CLAIMS_KEPT}` }],
      Cookie: [REDACTED, REDACTED],
    });
    expect(input).toEqual(copy);
  });

  it("survives cycles", () => {
    const a: Record<string, unknown> = { password: "x" };
    a.self = a;
    expect(redactJson(a)).toEqual({ password: REDACTED, self: "[circular]" });
  });
});

describe("redactText on large and hostile input", () => {
  it.each([
    ["one long word", "x".repeat(1 << 20)],
    ["a base64 blob", Buffer.from(new Uint8Array(768 * 1024).map((_, i) => (i * 7919) % 251)).toString("base64")],
    ["JWT-like starts", "eyJ".repeat(300_000)],
    ["dotted runs", "eyJab.".repeat(150_000)],
    ["scheme-like runs", "a+b.c-".repeat(150_000)],
    ["names without values", "password".repeat(100_000)],
    ["many quotes", '"password":"'.repeat(50_000)],
  ])("finishes quickly on %s", (_label, input) => {
    const started = performance.now();
    redactText(input);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe("idempotence edge", () => {
  it("does not take a redacted JWT's 40-character header for a secret key", () => {
    const header = "eyJraWQiOiJafENiQGgiLCJhbGciOiJSUzI1NiJ9";
    expect(header).toHaveLength(40);
    const once = redactText(`${header}.${PAYLOAD}.c2lnbmF0dXJlc2ln`);
    expect(once).toBe(`${header}.${PAYLOAD}.${REDACTED}`);
    expect(redactText(once)).toBe(once);
  });
});

describe("copied commands", () => {
  it("keeps the shell variables a command reads its secrets from", () => {
    for (const text of ['-H "x-api-key: $API_KEY"', '-H "authorization: Bearer ${ACCESS_TOKEN}"', `printf '{"x-api-key":"%s","Authorization":"%s"}'`]) {
      expect(redactText(text)).toBe(text);
    }
    expect(redactText("x-api-key: $api_key_value")).toBe(`x-api-key: ${REDACTED}`);
  });
});
