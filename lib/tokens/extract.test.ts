import { base64url } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { extractTokens, MAX_CANDIDATES } from "./extract";
import { APPSYNC_API_KEY, createFakePool, JWE_LIKE } from "./test-support/cognito-tokens";

let id: string;
let access: string;
beforeAll(async () => {
  const pool = await createFakePool();
  [id, access] = await Promise.all([pool.id(), pool.access()]);
});

const sources = (text: string) => extractTokens(text).map((c) => [c.token, c.source, c.scheme]);

describe("extractTokens", () => {
  it("takes a bare JWT as is", () => {
    expect(sources(`  ${id}\n`)).toEqual([[id, "pasted token", undefined]]);
  });

  it("takes a bare opaque value too, so decode can name it", () => {
    expect(sources(APPSYNC_API_KEY)).toEqual([[APPSYNC_API_KEY, "pasted token", undefined]]);
  });

  it("reads a Bearer Authorization header line", () => {
    expect(sources(`Authorization: Bearer ${access}`)).toEqual([[access, "Authorization header", "bearer"]]);
  });

  it("reads AppSync's raw Authorization header (no Bearer)", () => {
    expect(sources(`authorization: ${id}`)).toEqual([[id, "Authorization header (raw, no Bearer)", "raw"]]);
  });

  it("reads a whole HTTP request, header and JSON body", () => {
    const request = [
      "POST /graphql HTTP/1.1",
      "Host: abc.appsync-api.ap-northeast-1.amazonaws.com",
      `Authorization: ${access}`,
      `x-api-key: ${APPSYNC_API_KEY}`,
      "",
      JSON.stringify({ query: "{ me }", variables: { idToken: id } }),
    ].join("\r\n");
    expect(sources(request)).toEqual([
      [access, "Authorization header (raw, no Bearer)", "raw"],
      [APPSYNC_API_KEY, "x-api-key header", undefined],
      [id, "request body JSON field variables.idToken", undefined],
    ]);
  });

  it("reads a curl command line", () => {
    const curl = `curl -X POST 'https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/x/invocations' -H 'Authorization: Bearer ${access}' -H 'Content-Type: application/json' -d '{"prompt":"hi"}'`;
    expect(sources(curl)).toEqual([[access, "curl -H Authorization header", "bearer"]]);
  });

  it.each([
    ["idToken", { idToken: "ID" }, "JSON field idToken"],
    ["accessToken", { accessToken: "AC" }, "JSON field accessToken"],
    ["id_token", { id_token: "ID" }, "JSON field id_token"],
    ["access_token", { access_token: "AC" }, "JSON field access_token"],
    ["InitiateAuth result", { AuthenticationResult: { IdToken: "ID", AccessToken: "AC" } }, "JSON field AuthenticationResult.IdToken"],
    ["Amplify storage key", { "CognitoIdentityServiceProvider.abc.demo.idToken": "ID" }, "JSON field CognitoIdentityServiceProvider.abc.demo.idToken"],
  ])("reads JSON: %s", (_label, shape, source) => {
    const text = JSON.stringify(shape).replaceAll('"ID"', JSON.stringify(id)).replaceAll('"AC"', JSON.stringify(access));
    expect(extractTokens(text)[0]?.source).toBe(source);
  });

  it("reads HAR headers", () => {
    const har = { log: { entries: [{ request: { headers: [{ name: "authorization", value: `Bearer ${access}` }] } }] } };
    expect(sources(JSON.stringify(har))).toEqual([[access, "Authorization header (HAR)", "bearer"]]);
  });

  it("reads AppSync realtime and AgentCore WebSocket handshakes", () => {
    const header = base64url.encode(JSON.stringify({ host: "x", Authorization: id }));
    const legacy = btoa(JSON.stringify({ host: "x", Authorization: access }));
    const text = [
      `wss://x.appsync-realtime-api.us-east-1.amazonaws.com/graphql?header=${encodeURIComponent(legacy)}&payload=e30=`,
      `Sec-WebSocket-Protocol: graphql-ws, header-${header}`,
    ].join("\n");
    expect(sources(text).map(([, source]) => source)).toEqual([
      "AppSync realtime URL ?header= (Authorization)",
      "AppSync realtime subprotocol header-… (Authorization)",
    ]);
    const agentcore = `Sec-WebSocket-Protocol: base64UrlBearerAuthorization.${base64url.encode(access)}, base64UrlBearerAuthorization`;
    expect(sources(agentcore)).toEqual([[access, "AgentCore WebSocket subprotocol base64UrlBearerAuthorization", "bearer"]]);
  });

  it("finds JWTs and JWEs loose in text, once each", () => {
    const text = `the app logged ${id} and then ${id} and the refresh token ${JWE_LIKE}.`;
    expect(sources(text)).toEqual([
      [id, "pasted text", undefined],
      [JWE_LIKE, "pasted text", undefined],
    ]);
  });

  it(`returns at most ${MAX_CANDIDATES} candidates`, () => {
    const many = Array.from({ length: 25 }, (_, i) => `eyJhbGciOiJSUzI1NiJ9.eyJpIjo${i}fQ.c2ln${i}`).join(" ");
    expect(extractTokens(many)).toHaveLength(MAX_CANDIDATES);
  });

  it("ignores SigV4 and Basic Authorization headers", () => {
    const sigv4 = "Authorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20250101/us-east-1/appsync/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123";
    expect(extractTokens(`POST /graphql HTTP/1.1\n${sigv4}\nAuthorization: Basic dXNlcjpwYXNzd29yZA==\n`)).toEqual([]);
  });

  it("returns nothing for empty or tokenless text", () => {
    expect(extractTokens("")).toEqual([]);
    expect(extractTokens("hello there, nothing here")).toEqual([]);
  });
});
