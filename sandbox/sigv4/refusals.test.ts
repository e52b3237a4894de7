import { describe, expect, it } from "vitest";
import { presignWebSocketUrl, signRequest } from "../../lib/sigv4/index";
import { awsErrorFor, verifySignature } from "./index";
import type { AwsCredentials } from "../../lib/sigv4/index";
import type { IncomingRequest, SigV4ErrorCode, VerifyOptions } from "./index";
import { LONG_TERM, NOW, received, store, TEMPORARY, upgrade } from "./test-support";

const URL_WITH_QUERY = "https://api.example.amazonaws.com/graphql?x=1&y=two";
const BODY = '{"query":"{ me { id } }"}';
const MIN = 60_000;

async function signed(
  credentials: AwsCredentials = TEMPORARY,
  at: Date = NOW,
  extra: Record<string, string> = {},
): Promise<IncomingRequest> {
  const request = await signRequest(
    { method: "POST", url: URL_WITH_QUERY, headers: { "content-type": "application/json", ...extra }, body: BODY },
    { credentials, region: "us-east-1", service: "appsync", signingDate: at },
  );
  return received(request);
}

async function presigned(expiresIn: number, service = "bedrock-agentcore"): Promise<IncomingRequest> {
  const url = await presignWebSocketUrl(
    { url: "wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/abc/ws?qualifier=DEFAULT" },
    { credentials: TEMPORARY, region: "us-east-1", service, expiresIn, signingDate: NOW },
  );
  return upgrade(url);
}

const flipLastHex = (text: string) => text.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
const withHeader = (r: IncomingRequest, name: string, value: string | undefined): IncomingRequest => {
  const headers = { ...r.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...r, headers };
};

interface Case {
  name: string;
  request: () => Promise<IncomingRequest>;
  options?: Partial<VerifyOptions>;
  code: SigV4ErrorCode;
  message?: RegExp;
}

const cases: Case[] = [
  {
    name: "tampered signature",
    request: async () => {
      const r = await signed();
      return withHeader(r, "authorization", flipLastHex(r.headers.authorization!));
    },
    code: "SignatureDoesNotMatch",
    message: /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.$/,
  },
  {
    name: "one body byte changed",
    request: async () => ({ ...(await signed()), body: BODY.replace("me", "mE") }),
    code: "SignatureDoesNotMatch",
  },
  {
    name: "a signed header value changed",
    request: async () => withHeader(await signed(), "content-type", "text/plain"),
    code: "SignatureDoesNotMatch",
  },
  {
    name: "a query parameter changed",
    request: async () => {
      const r = await signed();
      return { ...r, url: r.url.replace("y=two", "y=three") };
    },
    code: "SignatureDoesNotMatch",
  },
  {
    name: "the path changed",
    request: async () => {
      const r = await signed();
      return { ...r, url: r.url.replace("/graphql", "/graphql/connect") };
    },
    code: "SignatureDoesNotMatch",
  },
  {
    name: "stale date (10 min old)",
    request: () => signed(TEMPORARY, new Date(NOW.getTime() - 10 * MIN)),
    code: "SignatureExpired",
    message: /^Signature expired: 20240501T115000Z is now earlier than 20240501T115500Z \(20240501T120000Z - 5 min\.\)$/,
  },
  {
    name: "future date (10 min ahead)",
    request: () => signed(TEMPORARY, new Date(NOW.getTime() + 10 * MIN)),
    code: "SignatureNotYetCurrent",
    message: /^Signature not yet current: 20240501T121000Z is still later than 20240501T120500Z \(20240501T120000Z \+ 5 min\.\)$/,
  },
  {
    name: "expired credentials",
    request: () => signed(),
    options: { lookupCredentials: store({ [TEMPORARY.accessKeyId]: { ...TEMPORARY, expiration: new Date(NOW.getTime() - 1) } }) },
    code: "ExpiredToken",
    message: /^The security token included in the request is expired$/,
  },
  {
    name: "presigned URL past X-Amz-Expires",
    request: () => presigned(60),
    options: { now: new Date(NOW.getTime() + 61_000) },
    code: "RequestExpired",
  },
  {
    name: "presigned URL with X-Amz-Expires above the service maximum",
    request: () => presigned(900, "execute-api"),
    options: { maxPresignExpiresSeconds: 300 },
    code: "InvalidExpires",
  },
  {
    name: "tampered presigned signature",
    request: async () => {
      const r = await presigned(300);
      return { ...r, url: r.url.replace(/(X-Amz-Signature=[0-9a-f]+)/, (m) => flipLastHex(m)) };
    },
    code: "SignatureDoesNotMatch",
  },
  {
    name: "presigned query parameter changed",
    request: async () => {
      const r = await presigned(300);
      return { ...r, url: r.url.replace("qualifier=DEFAULT", "qualifier=PROD") };
    },
    code: "SignatureDoesNotMatch",
  },
  {
    name: "wrong secret",
    request: () => signed(LONG_TERM),
    options: { lookupCredentials: store({ [LONG_TERM.accessKeyId]: { secretAccessKey: "not-the-secret" } }) },
    code: "SignatureDoesNotMatch",
  },
  {
    name: "unknown key id",
    request: () => signed({ accessKeyId: "AKIANOTKNOWNEXAMPLE1", secretAccessKey: "x" }),
    code: "InvalidClientTokenId",
    message: /^The security token included in the request is invalid\.$/,
  },
  {
    name: "temporary key without its session token",
    request: () => signed({ accessKeyId: TEMPORARY.accessKeyId, secretAccessKey: TEMPORARY.secretAccessKey }),
    code: "InvalidClientTokenId",
  },
  {
    name: "session token of another session",
    request: () => signed({ ...TEMPORARY, sessionToken: "IQoJb3JpZ2luX2VjEOTHER" }),
    code: "InvalidClientTokenId",
  },
  {
    name: "long-term key sent with a session token",
    request: () => signed({ ...LONG_TERM, sessionToken: "IQoJb3JpZ2luX2VjEOTHER" }),
    code: "InvalidClientTokenId",
  },
  {
    name: "no authorization at all",
    request: async () => withHeader(await signed(), "authorization", undefined),
    code: "MissingAuthenticationToken",
    message: /^Missing Authentication Token$/,
  },
  {
    name: "a JWT where SigV4 was expected",
    request: async () => withHeader(await signed(), "authorization", "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.e30.c2ln"),
    code: "IncompleteSignature",
    message: /^Authorization header requires 'Credential' parameter\. Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\. Authorization=…redacted…$/,
  },
  {
    name: "malformed Authorization (space in the key id)",
    request: async () => {
      const r = await signed();
      return withHeader(r, "authorization", r.headers.authorization!.replace("Credential=ASIA", "Credential=ASIA "));
    },
    code: "IncompleteSignature",
    message: /not a valid key=value pair \(missing equal-sign\) in Authorization header/,
  },
  {
    name: "Authorization without SignedHeaders",
    request: async () => {
      const r = await signed();
      return withHeader(r, "authorization", r.headers.authorization!.replace(/SignedHeaders=[^,]+, /, ""));
    },
    code: "IncompleteSignature",
    message: /^Authorization header requires 'SignedHeaders' parameter\. Authorization=AWS4-HMAC-SHA256 Credential=/,
  },
  {
    name: "a signed header missing from the request",
    request: async () => withHeader(await signed(), "content-type", undefined),
    code: "IncompleteSignature",
    message: /^'content-type' is named as a SignedHeader, but it does not exist in the HTTP request\.$/,
  },
  {
    name: "credential scoped to another region",
    request: async () => received(await signRequest({ method: "GET", url: URL_WITH_QUERY }, { credentials: LONG_TERM, region: "us-west-2", service: "appsync", signingDate: NOW })),
    options: { expectedRegion: "us-east-1" },
    code: "CredentialScopeMismatch",
    message: /^Credential should be scoped to a valid region, not 'us-west-2'\.$/,
  },
  {
    name: "credential scoped to another service",
    request: async () => received(await signRequest({ method: "GET", url: URL_WITH_QUERY }, { credentials: LONG_TERM, region: "us-east-1", service: "execute-api", signingDate: NOW })),
    options: { expectedService: "appsync" },
    code: "CredentialScopeMismatch",
    message: /^Credential should be scoped to correct service: 'appsync'\.$/,
  },
  {
    name: "x-amz-content-sha256 that does not match the body",
    request: async () => signed(TEMPORARY, NOW, { "x-amz-content-sha256": "0".repeat(64) }),
    code: "ContentSha256Mismatch",
  },
];

describe("verifySignature refusals", () => {
  for (const c of cases) {
    it(`${c.name} → ${c.code}`, async () => {
      const result = await verifySignature(await c.request(), { lookupCredentials: store(), now: NOW, ...c.options });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(c.code);
      if (c.message) expect(result.message).toMatch(c.message);
      expect(result.status).toBeGreaterThanOrEqual(400);
    });
  }

  it("stays within the 5-minute skew either way", async () => {
    for (const offset of [-4.9 * MIN, 4.9 * MIN]) {
      const result = await verifySignature(await signed(TEMPORARY, new Date(NOW.getTime() + offset)), {
        lookupCredentials: store(),
        now: NOW,
      });
      expect(result.ok).toBe(true);
    }
  });

  it("a declared x-amz-content-sha256 matching the body still verifies", async () => {
    const request = await signRequest(
      { method: "POST", url: URL_WITH_QUERY, body: BODY },
      { credentials: LONG_TERM, region: "us-east-1", service: "appsync", signingDate: NOW, includeContentSha256: true },
    );
    expect(await verifySignature(received(request), { lookupCredentials: store(), now: NOW })).toMatchObject({ ok: true });
    const tampered = { ...received(request), body: `${BODY} ` };
    expect(await verifySignature(tampered, { lookupCredentials: store(), now: NOW })).toMatchObject({
      ok: false,
      code: "ContentSha256Mismatch",
    });
  });
});

describe("awsErrorFor", () => {
  it("spells one failure per protocol family", () => {
    const failure = { code: "SignatureDoesNotMatch" as const, message: "m" };
    expect(awsErrorFor(failure, "query")).toEqual({ errorType: "SignatureDoesNotMatch", status: 403, message: "m" });
    expect(awsErrorFor(failure, "json")).toMatchObject({ errorType: "InvalidSignatureException" });
    expect(awsErrorFor({ code: "InvalidClientTokenId", message: "m" }, "json")).toMatchObject({ errorType: "UnrecognizedClientException" });
    expect(awsErrorFor({ code: "MissingAuthenticationToken", message: "m" }, "appsync")).toEqual({
      errorType: "UnauthorizedException",
      status: 401,
      message: "Valid authorization header not provided.",
    });
    expect(awsErrorFor({ code: "ExpiredToken", message: "m" }, "query").errorType).toBe("ExpiredToken");
  });
});
