import { beforeAll, describe, expect, it } from "vitest";
import { decodeToken } from "../decode";
import { CLIENT_ID, createFakePool, ISSUER, OTHER_CLIENT_ID, type FakePool } from "../test-support/cognito-tokens";
import { checkAgentCore, type AgentCoreJwtConfig } from "./agentcore";
import type { CustomClaimValidation } from "./agentcore-claims";

const NOW = 1_760_000_000;
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;
const UPDATED = ISSUER.replace("https://cognito-idp.", "https://issuer-cognito-idp.");
let pool: FakePool;
beforeAll(async () => {
  pool = await createFakePool();
});

type Kind = "id" | "access";
async function run(kind: Kind, claims: Record<string, unknown>, config: Partial<AgentCoreJwtConfig>, scheme?: "bearer" | "raw") {
  const token = decodeToken(await pool[kind](claims, { iat: NOW - 60 }));
  return checkAgentCore({ token, now: NOW * 1000, ...(scheme ? { scheme } : {}) }, { discoveryUrl: DISCOVERY, ...config });
}
const status = (r: Awaited<ReturnType<typeof run>>, name: string) => r.checks.find((c) => c.name === name)?.status;

describe("AgentCore CUSTOM_JWT rules", () => {
  const cases: Array<[string, Kind, Record<string, unknown>, Partial<AgentCoreJwtConfig>, string, "pass" | "fail" | "n/a", RegExp | null]> = [
    ["access token, allowedClients has its client_id", "access", {}, { allowedClients: [CLIENT_ID] }, "client_id", "pass", null],
    ["access token of another app client", "access", { client_id: OTHER_CLIENT_ID }, { allowedClients: [CLIENT_ID] }, "client_id", "fail", /^Claim 'client_id' value mismatch with configuration\./],
    // Seed 000: the ID token was sent where allowedClients is checked.
    ["ID token against allowedClients (seed 000)", "id", {}, { allowedClients: [CLIENT_ID] }, "client_id", "fail", /^Claim 'client_id' value mismatch with configuration\..*ID token.*Send the access token/],
    ["allowedClients unset", "id", {}, {}, "client_id", "n/a", null],
    ["ID token, allowedAudience has its aud", "id", {}, { allowedAudience: [CLIENT_ID] }, "aud", "pass", null],
    ["access token against allowedAudience: never passes", "access", {}, { allowedAudience: [CLIENT_ID] }, "aud", "fail", /^Claim 'aud' value mismatch with configuration\..*Cognito access tokens have no aud.*allowedClients/],
    ["both lists set: aud still enforced", "access", {}, { allowedClients: [CLIENT_ID], allowedAudience: [CLIENT_ID] }, "aud", "fail", /Both lists are enforced/],
    ["aud as a list", "access", { aud: ["api://x", "other"] }, { allowedAudience: ["other"] }, "aud", "pass", null],
    ["allowedScopes: any one scope is enough", "access", { scope: "openid mcp/invoke" }, { allowedScopes: ["mcp/invoke", "admin"] }, "scope", "pass", null],
    ["allowedScopes: SRP token has only the admin scope", "access", {}, { allowedScopes: ["mcp/invoke"] }, "scope", "fail", /only aws\.cognito\.signin\.user\.admin/],
    ["allowedScopes: ID token has no scope", "id", {}, { allowedScopes: ["openid"] }, "scope", "fail", /ID tokens carry no scope/],
    ["allowedScopes read from an Okta-style scp list", "access", { scope: undefined, scp: ["read"] }, { allowedScopes: ["read"] }, "scope", "pass", null],
    ["expired token", "access", { exp: NOW - 1 }, {}, "exp", "fail", /Expired/],
    ["issuer differs from the discovery URL's", "access", { iss: "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001" }, {}, "iss", "fail", /must equal the token's iss.*ap-northeast-1_Other0001/],
    ["trailing slash in the discovery issuer", "access", {}, { discoveryUrl: `${ISSUER}//.well-known/openid-configuration` }, "iss", "fail", /trailing slash/],
    // A pool with IssuerConfiguration UPDATED signs iss https://issuer-cognito-idp.{region}…; a
    // discoveryUrl of the ORIGINAL form names the other issuer (and the reverse).
    ["UPDATED-issuer token, ORIGINAL discoveryUrl", "access", { iss: UPDATED }, {}, "iss", "fail",
      /must equal the token's iss exactly\. Same user pool ap-northeast-1_TestPool1, other issuer form: the token carries the UPDATED issuer and the ORIGINAL one.*The discoveryUrl for these tokens is https:\/\/issuer-cognito-idp\.ap-northeast-1\.amazonaws\.com\/ap-northeast-1_TestPool1\/\.well-known\/openid-configuration\./],
    ["ORIGINAL-issuer token, UPDATED discoveryUrl", "access", {}, { discoveryUrl: `${UPDATED}/.well-known/openid-configuration` }, "iss", "fail", /carries the ORIGINAL issuer and the UPDATED one/],
    ["UPDATED-issuer token, UPDATED discoveryUrl", "access", { iss: UPDATED }, { discoveryUrl: `${UPDATED}/.well-known/openid-configuration` }, "iss", "pass", null],
  ];

  it.each(cases)("%s", async (_label, kind, claims, config, name, expected, message) => {
    const result = await run(kind, claims, config);
    const row = result.checks.find((c) => c.name === name);
    expect(row?.status).toBe(expected);
    if (message) expect(row?.message).toMatch(message);
    expect(result.verdict).toBe(result.checks.some((c) => c.status === "fail") ? "fail" : "pass");
  });

  it("answers 401 with AgentCore's own wording for a client_id mismatch at a runtime", async () => {
    const result = await run("id", {}, { allowedClients: [CLIENT_ID] });
    expect(result.verdict).toBe("fail");
    expect(result.response).toMatchObject({ status: 401, message: "Claim 'client_id' value mismatch with configuration.", confirmed: true });
  });

  it("names both issuers in the (unconfirmed) answer to an issuer-form mismatch", async () => {
    const result = await run("access", { iss: UPDATED }, { allowedClients: [CLIENT_ID] });
    expect(result.verdict).toBe("fail");
    expect(result.response).toMatchObject({ status: 401, confirmed: false, message: expect.stringContaining(`iss ${UPDATED} does not match the discovery URL's issuer ${ISSUER}`) });
  });

  it("answers a gateway's claim mismatch as the gateway does: 401 Invalid Bearer token, no claim named", async () => {
    const token = decodeToken(await pool.id({}, { iat: NOW - 60 }));
    const result = checkAgentCore({ token, now: NOW * 1000 }, { discoveryUrl: DISCOVERY, allowedClients: [CLIENT_ID] }, "gateway");
    expect(result.response).toMatchObject({ status: 401, message: "Invalid Bearer token", confirmed: true });
  });

  it("does not claim to know the gateway's answer for a missing scope", async () => {
    const token = decodeToken(await pool.access({}, { iat: NOW - 60 }));
    const result = checkAgentCore({ token, now: NOW * 1000 }, { discoveryUrl: DISCOVERY, allowedScopes: ["mcp/invoke"] }, "gateway");
    expect(result.response).toMatchObject({ status: null, confirmed: false });
  });

  it("refuses at a runtime a token that expires within the next minute (403 Ineffectual token)", async () => {
    const result = await run("access", { exp: NOW + 30 }, { allowedClients: [CLIENT_ID] });
    expect(status(result, "exp")).toBe("pass");
    expect(status(result, "exp margin")).toBe("fail");
    expect(result.response).toMatchObject({
      status: 403,
      message: "OAuth authorization failed: Ineffectual token, will expire within the next minute",
      confirmed: true,
    });
  });

  it("only warns about the last minute at a gateway, where the refusal is not confirmed", async () => {
    const token = decodeToken(await pool.access({ exp: NOW + 30 }, { iat: NOW - 60 }));
    const result = checkAgentCore({ token, now: NOW * 1000 }, { discoveryUrl: DISCOVERY, allowedClients: [CLIENT_ID] }, "gateway");
    expect(status(result, "exp margin")).toBe("n/a");
    expect(result.verdict).toBe("pass");
  });

  it("answers an expired token at a runtime with 401 Token has expired", async () => {
    const result = await run("access", { exp: NOW - 1 }, { allowedClients: [CLIENT_ID] });
    expect(result.response).toMatchObject({ status: 401, message: "Token has expired", confirmed: true });
  });

  it("lints a discovery URL without /.well-known/openid-configuration (seed 000) and gives the fix", async () => {
    const result = await run("access", {}, { discoveryUrl: ISSUER, allowedClients: [CLIENT_ID] });
    const row = result.checks.find((c) => c.name === "config.discoveryUrl");
    expect(row?.status).toBe("fail");
    expect(row?.message).toContain(`Properties validation failed for resource ... DiscoveryUrl: string [${ISSUER}] does not match pattern ^.+/\\.well-known/openid-configuration$`);
    expect(row?.message).toContain(`Fix: use ${ISSUER}/.well-known/openid-configuration`);
    // The issuer meant is still compared, so the rest of the report stays useful.
    expect(status(result, "iss")).toBe("pass");
    expect(result.response?.confirmed).toBe(true);
  });

  it("passes a Cognito access token against a typical Cognito config", async () => {
    const result = await run("access", {}, { allowedClients: [CLIENT_ID] }, "bearer");
    expect(result.verdict).toBe("pass");
    expect(result.response).toBeNull();
  });

  it("wants the Bearer scheme", async () => {
    const result = await run("access", {}, { allowedClients: [CLIENT_ID] }, "raw");
    expect(status(result, "Authorization header")).toBe("fail");
  });
});

describe("AgentCore customClaims", () => {
  const claim = (name: string, type: "STRING" | "STRING_ARRAY", op: "EQUALS" | "CONTAINS" | "CONTAINS_ANY", value: string | string[]): CustomClaimValidation => ({
    inboundTokenClaimName: name,
    inboundTokenClaimValueType: type,
    authorizingClaimMatchValue: {
      claimMatchOperator: op,
      claimMatchValue: Array.isArray(value) ? { matchValueStringList: value } : { matchValueString: value },
    },
  });

  it.each([
    ["EQUALS on a string", { tenant: "acme" }, claim("tenant", "STRING", "EQUALS", "acme"), "claim tenant", "pass"],
    ["EQUALS mismatch", { tenant: "other" }, claim("tenant", "STRING", "EQUALS", "acme"), "claim tenant", "fail"],
    ["CONTAINS on groups", {}, claim("cognito:groups", "STRING_ARRAY", "CONTAINS", "support"), "claim cognito:groups", "pass"],
    ["CONTAINS_ANY on groups", {}, claim("cognito:groups", "STRING_ARRAY", "CONTAINS_ANY", ["admin", "support"]), "claim cognito:groups", "pass"],
    ["CONTAINS_ANY with no groups", { "cognito:groups": undefined }, claim("cognito:groups", "STRING_ARRAY", "CONTAINS_ANY", ["admin"]), "claim cognito:groups", "fail"],
    ["EQUALS on an array type is a config error", {}, claim("cognito:groups", "STRING_ARRAY", "EQUALS", "support"), "config.customClaims cognito:groups", "fail"],
    ["CONTAINS on a string type is a config error", {}, claim("tenant", "STRING", "CONTAINS", "acme"), "config.customClaims tenant", "fail"],
  ] as const)("%s", async (_label, claims, validation, name, expected) => {
    const result = await run("access", claims, { customClaims: [validation] });
    expect(result.checks.find((c) => c.name === name)?.status).toBe(expected);
  });

  it("a claim a V1_0 trigger put only in the ID token: the access token fails, naming the claim, and says where triggers write claims", async () => {
    const rule = claim("tenant_id", "STRING", "EQUALS", "acme");
    const access = await run("access", {}, { customClaims: [rule] });
    const row = access.checks.find((c) => c.name === "claim tenant_id");
    expect(row).toMatchObject({ status: "fail", actual: "(absent)" });
    expect(row?.message).toMatch(/V2_0 or V3_0.*accessTokenGeneration.*V1_0/);
    expect(access.response).toMatchObject({ status: 401, message: "Claim 'tenant_id' value mismatch with configuration.", confirmed: false });
    const id = await run("id", { tenant_id: "acme" }, { customClaims: [rule] });
    expect(id.checks.find((c) => c.name === "claim tenant_id")?.status).toBe("pass");
  });

  it("customClaims that could not be read fail the verdict instead of being skipped", async () => {
    const result = await run("access", {}, { customClaimsError: "customClaims is not JSON" });
    expect(result.verdict).toBe("fail");
    expect(result.checks.find((c) => c.name === "config.customClaims")?.status).toBe("fail");
  });

  it("explains a missing cognito:groups", async () => {
    const result = await run("access", { "cognito:groups": undefined }, { customClaims: [claim("cognito:groups", "STRING_ARRAY", "CONTAINS", "admin")] });
    expect(result.checks.at(-1)?.message).toMatch(/in no group/);
  });
});

describe("allowedScopes with a client credentials token", () => {
  it("names the client credentials grant's rule for scopes when the M2M token lacks the allowed one", () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const raw = `${part({ kid: "k", alg: "RS256" })}.${part({ sub: "svc", client_id: "svc", token_use: "access", scope: "api/read", exp: 4102444800, iat: 1 })}.c2ln`;
    const result = checkAgentCore({ token: decodeToken(raw), now: 2_000_000, scheme: "bearer" }, { discoveryUrl: "", allowedScopes: ["api/invoke"] });
    const scope = result.checks.find((c) => c.name === "scope");
    expect(scope?.status).toBe("fail");
    expect(scope?.message).toContain("AllowedOAuthScopes");
    expect(result.failures.find((f) => f.check.name === "scope")?.response?.confirmed).toBe(false);
  });
});
