import { base64url } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeToken } from "./decode";
import { TokenDecodeError, type TokenDecodeErrorCode } from "./errors";
import { APPSYNC_API_KEY, createFakePool, ISSUER, JWE_LIKE, type FakePool } from "./test-support/cognito-tokens";

const b64 = (value: unknown) => base64url.encode(typeof value === "string" ? value : JSON.stringify(value));
const HEADER = b64({ kid: "k", alg: "RS256" });
const PAYLOAD = b64({ sub: "x" });

function decodeError(text: string): TokenDecodeError {
  try {
    decodeToken(text);
  } catch (error) {
    if (error instanceof TokenDecodeError) return error;
    throw error;
  }
  throw new Error(`decoded without error: ${text}`);
}

let pool: FakePool;
beforeAll(async () => {
  pool = await createFakePool();
});

describe("decodeToken on Cognito tokens", () => {
  it("reads an ID token: header, claims, raw signature, kind and use", async () => {
    const token = await pool.id();
    const decoded = decodeToken(token);
    expect(decoded.header).toEqual({ kid: pool.idKey.kid, alg: "RS256" });
    expect(decoded.claims["cognito:username"]).toBe("demo");
    expect(decoded.tokenUse).toBe("id");
    expect(decoded.issuer).toBe(ISSUER);
    expect(decoded.kind).toBe("cognito");
    expect(decoded.signature).toBe(token.split(".")[2]);
    expect(decoded.raw).toBe(token);
  });

  it("reads an access token", async () => {
    const decoded = decodeToken(await pool.access());
    expect(decoded.tokenUse).toBe("access");
    expect(decoded.claims["client_id"]).toBeDefined();
    expect(decoded.claims.aud).toBeUndefined();
  });

  it("recognises the sandbox's issuer as Cognito and a foreign one as OIDC", async () => {
    const sandbox = await createFakePool("http://127.0.0.1:4577/ap-northeast-1_AbCd1234");
    expect(decodeToken(await sandbox.id()).kind).toBe("cognito");
    expect(decodeToken(await pool.id({ iss: "https://example.auth0.com/" })).kind).toBe("oidc");
    expect(decodeToken(await pool.id({ token_use: "refresh" })).tokenUse).toBe("unknown");
  });

  it.each([
    // Both issuer forms of a pool (IssuerConfigurationType ORIGINAL / UPDATED), on AWS and on the sandbox.
    ["https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbCd1234", "cognito"],
    ["http://127.0.0.1:4577/issuer-cognito-idp/ap-northeast-1_AbCd1234", "cognito"],
    // The UPDATED host names the pool's own Region.
    ["https://issuer-cognito-idp.us-west-2.amazonaws.com/ap-northeast-1_AbCd1234", "oidc"],
  ])("reads %s as %s", async (iss, kind) => {
    expect(decodeToken(await pool.id({ iss })).kind).toBe(kind);
  });

  it("accepts a Bearer prefix, surrounding space and line wrapping", async () => {
    const token = await pool.access();
    const wrapped = `  Bearer ${token.slice(0, 40)}\n${token.slice(40)}  `;
    expect(decodeToken(wrapped).raw).toBe(token);
  });
});

describe("decodeToken errors", () => {
  const cases: Array<[string, () => string, TokenDecodeErrorCode, RegExp, number?]> = [
    ["empty", () => "  \n ", "invalid:token:empty", /empty/],
    ["oversize", () => "a".repeat(64 * 1024 + 1), "too-large:token", /65 KB.*64 KB/],
    ["AppSync API key", () => APPSYNC_API_KEY, "invalid:token:opaque", /AppSync API key.*x-api-key/],
    ["access key id", () => "AKIAIOSFODNN7EXAMPLE", "invalid:token:opaque", /access key id/],
    ["random opaque string", () => "sd8f7s6d8f7s6df", "invalid:token:opaque", /no '\.' separators/],
    ["2 segments", () => `${HEADER}.${PAYLOAD}`, "invalid:token:segments", /^2 segments.*has 3.*cut off/],
    ["4 segments", () => `${HEADER}.${PAYLOAD}.c2ln.eA`, "invalid:token:segments", /^4 segments/],
    ["7 segments", () => "a.b.c.d.e.f.g", "invalid:token:segments", /^7 segments/],
    ["JWE (Cognito refresh token)", () => JWE_LIKE, "invalid:token:jwe", /^5 segments: this is an encrypted JWE, which cannot be decoded without the key\..*Cognito refresh tokens/],
    ["JWE with unreadable header", () => "x.y.z.w.v", "invalid:token:jwe", /^5 segments: this is an encrypted JWE/],
    ["standard base64 in header", () => `${HEADER}+/.${PAYLOAD}.c2ln`, "invalid:token:base64url", /segment 1 \(header\) is not valid base64url.*standard base64/, 1],
    ["bad char in payload", () => `${HEADER}.${PAYLOAD}!.c2ln`, "invalid:token:base64url", /segment 2 \(payload\).*'!'/, 2],
    ["bad signature", () => `${HEADER}.${PAYLOAD}.a`, "invalid:token:base64url", /segment 3 \(signature\)/, 3],
    ["empty header", () => `.${PAYLOAD}.c2ln`, "invalid:token:base64url", /segment 1 \(header\) is empty/, 1],
    ["header not JSON", () => `${b64("not json")}.${PAYLOAD}.c2ln`, "invalid:token:not-json", /segment 1 \(header\) decodes, but not to JSON/, 1],
    ["payload not JSON", () => `${HEADER}.${b64("{oops")}.c2ln`, "invalid:token:not-json", /segment 2 \(payload\)/, 2],
    ["payload is an array", () => `${HEADER}.${b64([1, 2])}.c2ln`, "invalid:token:not-object", /segment 2 \(payload\) is JSON an array, not an object/, 2],
    ["header is a number", () => `${b64(5)}.${PAYLOAD}.c2ln`, "invalid:token:not-object", /segment 1 \(header\) is JSON a number/, 1],
    ["alg none", () => `${b64({ alg: "none" })}.${PAYLOAD}.`, "invalid:token:unsigned", /Unsigned token.*"none"/, 1],
    ["alg NONE (case)", () => `${b64({ alg: "NONE" })}.${PAYLOAD}.c2ln`, "invalid:token:unsigned", /Unsigned token/, 1],
    ["empty signature", () => `${HEADER}.${PAYLOAD}.`, "invalid:token:unsigned", /segment 3 \(signature\) is empty/, 3],
  ];

  it.each(cases)("%s", (_label, input, code, message, segment) => {
    const error = decodeError(input());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.segment).toBe(segment);
  });

  it("does not blame Cognito for a JWE whose header is not Cognito's", () => {
    const jwe = `${b64({ alg: "dir", enc: "A128GCM" })}.e.i.c.t`;
    const error = decodeError(jwe);
    expect(error.message).toMatch(/alg dir, enc A128GCM/);
    expect(error.message).toMatch(/If it came from Cognito it is the refresh token/);
  });
});

describe("decodeToken on claims nested past any real token's", () => {
  const nest = (depth: number) => `${'{"a":'.repeat(depth)}"x"${"}".repeat(depth)}`;
  const token = (header: string, payload: string) => `${b64(header)}.${b64(payload)}.c2ln`;

  it("refuses claims that nest thousands of levels, saying how deep", () => {
    const error = decodeError(token('{"alg":"RS256"}', `{"sub":"x","deep":${nest(7000)}}`));
    expect(error.code).toBe("invalid:token:too-deep");
    expect(error.message).toMatch(/^The token's claims nest 7000 levels deep;/);
    expect(error.message).not.toMatch(/\n/);
    expect(error.segment).toBe(2);
  });

  it("refuses a header that nests past the limit too", () => {
    const error = decodeError(token(`{"alg":"RS256","x":${nest(40)}}`, '{"sub":"x"}'));
    expect(error.code).toBe("invalid:token:too-deep");
    expect(error.message).toMatch(/^The token's header nests 40 levels deep;/);
    expect(error.segment).toBe(1);
  });

  it("counts arrays as levels, and reads claims up to the limit", () => {
    expect(decodeError(token('{"alg":"RS256"}', `{"a":${"[".repeat(33)}${"]".repeat(33)}}`)).message).toMatch(/nest 33 levels/);
    expect(decodeToken(token('{"alg":"RS256"}', `{"sub":"x","deep":${nest(32)}}`)).claims["sub"]).toBe("x");
  });
});
