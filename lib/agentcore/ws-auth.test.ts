import { describe, expect, it } from "vitest";
import { verifySignature } from "../../sandbox/sigv4/verify";
import { AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS } from "../sigv4/presign";
import { BEARER_SUBPROTOCOL, bearerSubprotocols, presignRuntimeWebSocketUrl, tokenFromSubprotocols } from "./ws-auth";

const ARN = "arn:aws:bedrock-agentcore:ap-northeast-1:310000000002:runtime/iam_echo_agent-Im4nR8sT2v";
const CREDENTIALS = { accessKeyId: "ASIAEXAMPLEEXAMPLE01", secretAccessKey: "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNl", sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE" };
const SESSION = "session-0123456789abcdef0123456789abcdef";
const SIGNED_AT = new Date("2026-05-01T10:00:00Z");

describe("bearer subprotocols", () => {
  it.each(["eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "token with spaces and ünïcode ✓", "a"])("round-trips %s", (token) => {
    const protocols = bearerSubprotocols(token);
    expect(protocols[1]).toBe(BEARER_SUBPROTOCOL);
    expect(protocols[0]).toMatch(/^base64UrlBearerAuthorization\.[A-Za-z0-9_-]+$/);
    expect(tokenFromSubprotocols(protocols)).toEqual({ kind: "token", token: token.trim(), sentinel: true });
  });

  it("tells a missing, an unreadable and a sentinel-less token apart", () => {
    expect(tokenFromSubprotocols(["graphql-ws"])).toEqual({ kind: "none" });
    expect(tokenFromSubprotocols(["base64UrlBearerAuthorization.not+base64", BEARER_SUBPROTOCOL])).toEqual({ kind: "unreadable" });
    expect(tokenFromSubprotocols([bearerSubprotocols("abc")[0]])).toEqual({ kind: "token", token: "abc", sentinel: false });
  });
});

describe("presigned WebSocket URL", () => {
  const presign = () =>
    presignRuntimeWebSocketUrl({ endpoint: "http://127.0.0.1:4577/agentcore", runtimeArn: ARN, sessionId: SESSION, credentials: CREDENTIALS, region: "ap-northeast-1", signingDate: SIGNED_AT });
  const verify = (url: string) =>
    verifySignature(
      { method: "GET", url: url.replace(/^ws:/, "http:"), headers: { host: "127.0.0.1:4577" }, body: "" },
      {
        lookupCredentials: (id) => (id === CREDENTIALS.accessKeyId ? { secretAccessKey: CREDENTIALS.secretAccessKey, sessionToken: CREDENTIALS.sessionToken } : undefined),
        now: new Date(SIGNED_AT.getTime() + 60_000),
        expectedService: "bedrock-agentcore",
        expectedRegion: "ap-northeast-1",
        maxPresignExpiresSeconds: AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS,
      },
    );

  it("signs the qualifier and the session id, valid 300 s, and the sandbox's verifier accepts it", async () => {
    const url = new URL(await presign());
    expect(url.protocol).toBe("ws:");
    expect(url.searchParams.get("qualifier")).toBe("DEFAULT");
    expect(url.searchParams.get("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).toBe(SESSION);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/\/ap-northeast-1\/bedrock-agentcore\/aws4_request$/);
    expect(await verify(url.href)).toMatchObject({ ok: true, mode: "query", service: "bedrock-agentcore" });
  });

  it("is refused when any byte changes after signing", async () => {
    const url = await presign();
    const changed = url.replace(`Session-Id=${SESSION}`, `Session-Id=${SESSION.slice(0, -1)}0`);
    expect(changed).not.toBe(url);
    expect(await verify(changed)).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });

  it("is refused after five minutes", async () => {
    const result = await verifySignature(
      { method: "GET", url: (await presign()).replace(/^ws:/, "http:"), headers: { host: "127.0.0.1:4577" }, body: "" },
      { lookupCredentials: () => ({ secretAccessKey: CREDENTIALS.secretAccessKey, sessionToken: CREDENTIALS.sessionToken }), now: new Date(SIGNED_AT.getTime() + 301_000) },
    );
    expect(result).toMatchObject({ ok: false, code: "RequestExpired" });
  });
});
