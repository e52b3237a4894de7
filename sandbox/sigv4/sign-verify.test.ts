import { describe, expect, it } from "vitest";
import { presignUrl, presignWebSocketUrl, signRequest, SigV4InputError } from "../../lib/sigv4/index";
import { verifySignature } from "./index";
import { LONG_TERM, NOW, received, store, TEMPORARY, upgrade } from "./test-support";

const APPSYNC_HOST = "abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com";
const RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/demo_agent-AbC123";
const AGENTCORE = "https://bedrock-agentcore.us-east-1.amazonaws.com";
const options = { lookupCredentials: store(), now: NOW };

describe("signRequest", () => {
  it("matches the AWS SigV4 test suite's get-vanilla vector", async () => {
    const signed = await signRequest(
      { method: "GET", url: "https://example.amazonaws.com/" },
      {
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
        region: "us-east-1",
        service: "service",
        signingDate: new Date("2015-08-30T12:36:00Z"),
      },
    );
    expect(signed.headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, " +
        "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("returns lower-case headers with date and token, and no content hash for AppSync", async () => {
    const signed = await signRequest(
      { method: "post", url: `https://${APPSYNC_HOST}/graphql`, headers: { "Content-Type": "application/json" }, body: "{}" },
      { credentials: TEMPORARY, region: "us-east-1", service: "appsync", signingDate: NOW },
    );
    expect(signed.method).toBe("POST");
    expect(Object.keys(signed.headers).sort()).toEqual(
      ["authorization", "content-type", "host", "x-amz-date", "x-amz-security-token"].sort(),
    );
    expect(signed.headers["x-amz-date"]).toBe("20240501T120000Z");
    expect(signed.headers["x-amz-security-token"]).toBe(TEMPORARY.sessionToken);
    expect(signed.headers.host).toBe(APPSYNC_HOST);
  });

  it("adds x-amz-content-sha256 for S3 or when asked", async () => {
    const base = { credentials: LONG_TERM, region: "us-east-1", signingDate: NOW };
    const s3 = await signRequest({ method: "GET", url: "https://b.s3.amazonaws.com/k" }, { ...base, service: "s3" });
    const forced = await signRequest(
      { method: "GET", url: "https://x.amazonaws.com/" },
      { ...base, service: "execute-api", includeContentSha256: true },
    );
    expect(s3.headers["x-amz-content-sha256"]).toBeDefined();
    expect(forced.headers["x-amz-content-sha256"]).toBeDefined();
  });

  it("re-signing a signed request replaces the old signature instead of signing it", async () => {
    const opts = { credentials: TEMPORARY, region: "us-east-1", service: "appsync", signingDate: NOW };
    const once = await signRequest({ method: "POST", url: `https://${APPSYNC_HOST}/graphql`, body: "{}" }, opts);
    const twice = await signRequest({ ...once, body: "{}" }, opts);
    expect(twice.headers.authorization).toBe(once.headers.authorization);
  });
});

describe("sign → verify round trips (header)", () => {
  const cases = [
    ["long-term key", LONG_TERM],
    ["temporary key with session token", TEMPORARY],
  ] as const;
  for (const [name, credentials] of cases) {
    it(`POST JSON with a query string verifies: ${name}`, async () => {
      const signed = await signRequest(
        {
          method: "POST",
          url: `${AGENTCORE}/runtimes/${encodeURIComponent(RUNTIME_ARN)}/invocations?qualifier=DEFAULT&a=b%20c`,
          headers: { "content-type": "application/json", "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": "s".repeat(40) },
          body: JSON.stringify({ prompt: "héllo ✓" }),
        },
        { credentials, region: "us-east-1", service: "bedrock-agentcore", signingDate: NOW },
      );
      const result = await verifySignature(received(signed), {
        ...options,
        expectedRegion: "us-east-1",
        expectedService: "bedrock-agentcore",
      });
      expect(result).toMatchObject({ ok: true, accessKeyId: credentials.accessKeyId, mode: "header" });
    });
  }

  it("AppSync-style: signed for the API host, received by the sandbox on loopback", async () => {
    const signed = await signRequest(
      {
        method: "POST",
        url: "http://127.0.0.1:4577/graphql",
        headers: { host: APPSYNC_HOST, "content-type": "application/json" },
        body: '{"query":"{ me { id } }"}',
      },
      { credentials: TEMPORARY, region: "us-east-1", service: "appsync", signingDate: NOW },
    );
    const result = await verifySignature(received(signed), { ...options, expectedService: "appsync" });
    expect(result).toMatchObject({ ok: true, service: "appsync", region: "us-east-1" });
    if (result.ok) expect(result.signedHeaders).toEqual(["content-type", "host", "x-amz-date", "x-amz-security-token"]);
  });

  it("signs the realtime /graphql/connect handshake with body {}", async () => {
    const signed = await signRequest(
      { method: "POST", url: `https://${APPSYNC_HOST}/graphql/connect`, body: "{}", headers: { accept: "application/json, text/javascript", "content-encoding": "amz-1.0", "content-type": "application/json; charset=UTF-8" } },
      { credentials: TEMPORARY, region: "us-east-1", service: "appsync", signingDate: NOW },
    );
    expect(await verifySignature(received(signed), options)).toMatchObject({ ok: true });
  });

  it("ignores headers added after signing (user-agent, proxies)", async () => {
    const signed = await signRequest(
      { method: "GET", url: "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15" },
      { credentials: LONG_TERM, region: "us-east-1", service: "sts", signingDate: NOW },
    );
    const incoming = received(signed);
    incoming.headers = { ...incoming.headers, "User-Agent": "curl/8", "X-Forwarded-For": "10.0.0.1" };
    expect(await verifySignature(incoming, options)).toMatchObject({ ok: true });
  });
});

describe("presign → verify round trips (query)", () => {
  const wsUrl = `wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/${encodeURIComponent(RUNTIME_ARN)}/ws?qualifier=DEFAULT&X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=${"a".repeat(36)}`;

  for (const credentials of [LONG_TERM, TEMPORARY]) {
    it(`AgentCore WebSocket URL, signed as https and opened as wss (${credentials.accessKeyId})`, async () => {
      const url = await presignWebSocketUrl(
        { url: wsUrl },
        { credentials, region: "us-east-1", service: "bedrock-agentcore", expiresIn: 300, signingDate: NOW },
      );
      expect(url.startsWith("wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3A")).toBe(true);
      const query = new URL(url).searchParams;
      expect(query.get("qualifier")).toBe("DEFAULT");
      expect(query.get("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).toBe("a".repeat(36));
      expect(query.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
      expect(query.get("X-Amz-Credential")).toBe(`${credentials.accessKeyId}/20240501/us-east-1/bedrock-agentcore/aws4_request`);
      expect(query.get("X-Amz-Date")).toBe("20240501T120000Z");
      expect(query.get("X-Amz-Expires")).toBe("300");
      expect(query.get("X-Amz-SignedHeaders")).toBe("host");
      expect(query.get("X-Amz-Security-Token")).toBe("sessionToken" in credentials ? credentials.sessionToken : null);
      const result = await verifySignature(upgrade(url), {
        ...options,
        now: new Date(NOW.getTime() + 299_000),
        expectedService: "bedrock-agentcore",
        maxPresignExpiresSeconds: 300,
      });
      expect(result).toMatchObject({ ok: true, mode: "query" });
    });
  }

  it("presignUrl keeps https and signs GET with a query string", async () => {
    const url = await presignUrl(
      { method: "GET", url: "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15" },
      { credentials: TEMPORARY, region: "us-east-1", service: "sts", expiresIn: 900, signingDate: NOW },
    );
    expect(url.startsWith("https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&")).toBe(true);
    expect(await verifySignature(upgrade(url), options)).toMatchObject({ ok: true, service: "sts" });
  });

  it("refuses AgentCore expiries above 300 s before signing", async () => {
    const attempt = presignWebSocketUrl(
      { url: wsUrl },
      { credentials: LONG_TERM, region: "us-east-1", service: "bedrock-agentcore", expiresIn: 301 },
    );
    await expect(attempt).rejects.toBeInstanceOf(SigV4InputError);
    await expect(attempt).rejects.toMatchObject({ code: "invalid:sigv4:expires" });
  });
});
