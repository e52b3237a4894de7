import { beforeAll, describe, expect, it } from "vitest";
import { decodeToken } from "../decode";
import type { SignatureState } from "../signature-state";
import { CLIENT_ID, createFakePool, ISSUER, POOL_ID, type FakePool } from "../test-support/cognito-tokens";
import { checkAgentCore } from "./agentcore";
import { checkApiGateway } from "./api-gateway";
import { checkAppSyncUserPool } from "./appsync";
import { checkAppSyncOidc } from "./appsync-oidc";

/**
 * What every authorizer prediction shares: every failing rule is reported with its own answer,
 * settings left empty are not checked (never read as a misconfiguration), and a signature the
 * caller checked is a rule of its own.
 */

const NOW = 1_760_000_000;
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;
const VERIFIED: SignatureState = { state: "verified", detail: "Verified with key k (RS256)." };
const FAILED: SignatureState = { state: "failed", detail: "The signature does not match." };
const UNKNOWN: SignatureState = { state: "not verified", detail: "HTTP 404." };
let pool: FakePool;
beforeAll(async () => {
  pool = await createFakePool();
});

const token = async (kind: "id" | "access", claims: Record<string, unknown> = {}) => decodeToken(await pool[kind](claims, { iat: NOW - 60 }));
const statusOf = (checks: readonly { name: string; status: string }[], name: string) => checks.find((c) => c.name === name)?.status;

describe("every failing check, each with its answer", () => {
  it("an expired ID token at a runtime that checks client_id: both the expiry and the client_id", async () => {
    const result = checkAgentCore({ token: await token("id", { exp: NOW - 10 }), now: NOW * 1000 }, { discoveryUrl: DISCOVERY, allowedClients: [CLIENT_ID] });
    expect(result.failures.map((f) => f.check.name)).toEqual(["exp", "client_id"]);
    expect(result.failures.map((f) => f.response?.message)).toEqual(["Token has expired", "Claim 'client_id' value mismatch with configuration."]);
    // The service answers the first one it meets.
    expect(result.response).toBe(result.failures[0]?.response);
  });

  it("a passing token has no failures and no answer", async () => {
    const result = checkAgentCore({ token: await token("access"), now: NOW * 1000 }, { discoveryUrl: DISCOVERY, allowedClients: [CLIENT_ID] });
    expect(result.failures).toEqual([]);
    expect(result.response).toBeNull();
  });
});

describe("settings left empty are not checked", () => {
  it("AgentCore: no discoveryUrl is neither a bare issuer nor an issuer mismatch", async () => {
    const result = checkAgentCore({ token: await token("access"), now: NOW * 1000 }, { discoveryUrl: "", allowedClients: [CLIENT_ID] });
    expect(result.verdict).toBe("pass");
    expect(statusOf(result.checks, "config.discoveryUrl")).toBe("n/a");
    expect(statusOf(result.checks, "iss")).toBe("n/a");
    expect(result.checks.map((c) => c.message).join(" ")).not.toMatch(/bare issuer|Properties validation failed/);
  });

  it("AppSync user pools, AppSync OIDC and API Gateway: no pool or issuer given, iss not checked", async () => {
    const id = await token("id");
    const input = { token: id, now: NOW * 1000 };
    expect(statusOf(checkAppSyncUserPool(input, { userPoolId: "" }).checks, "iss")).toBe("n/a");
    expect(statusOf(checkAppSyncOidc(input, { issuer: "" }).checks, "iss")).toBe("n/a");
    expect(statusOf(checkApiGateway(input, { userPoolIds: [] }).checks, "iss")).toBe("n/a");
    expect(checkApiGateway(input, { userPoolIds: [] }).verdict).toBe("pass");
  });

  it("a given value is still checked", async () => {
    const input = { token: await token("id"), now: NOW * 1000 };
    expect(statusOf(checkAppSyncUserPool(input, { userPoolId: "ap-northeast-1_Other0001" }).checks, "iss")).toBe("fail");
    expect(statusOf(checkApiGateway(input, { userPoolIds: [POOL_ID] }).checks, "iss")).toBe("pass");
  });
});

describe("the signature as a rule", () => {
  it("adds no row when the caller did not check it", async () => {
    const result = checkAppSyncUserPool({ token: await token("id"), now: NOW * 1000 }, { userPoolId: POOL_ID });
    expect(statusOf(result.checks, "signature")).toBeUndefined();
  });

  it("verified: passes; not verified: not checked, the rest assumed", async () => {
    const access = await token("access");
    const verified = checkAgentCore({ token: access, now: NOW * 1000, signature: VERIFIED }, { discoveryUrl: DISCOVERY });
    expect(statusOf(verified.checks, "signature")).toBe("pass");
    const unknown = checkAgentCore({ token: access, now: NOW * 1000, signature: UNKNOWN }, { discoveryUrl: DISCOVERY });
    expect(statusOf(unknown.checks, "signature")).toBe("n/a");
    expect(unknown.verdict).toBe("pass");
  });

  it.each([
    ["AgentCore runtime", (input: Parameters<typeof checkAgentCore>[0]) => checkAgentCore(input, { discoveryUrl: DISCOVERY })],
    ["AgentCore gateway", (input: Parameters<typeof checkAgentCore>[0]) => checkAgentCore(input, { discoveryUrl: DISCOVERY }, "gateway")],
    ["AppSync user pools", (input: Parameters<typeof checkAgentCore>[0]) => checkAppSyncUserPool(input, { userPoolId: POOL_ID })],
    ["AppSync OIDC", (input: Parameters<typeof checkAgentCore>[0]) => checkAppSyncOidc(input, { issuer: ISSUER })],
    ["API Gateway", (input: Parameters<typeof checkAgentCore>[0]) => checkApiGateway(input, { userPoolIds: [POOL_ID] })],
  ])("failed: %s refuses, with an answer marked not confirmed", async (_name, check) => {
    const result = check({ token: await token("id"), now: NOW * 1000, signature: FAILED });
    expect(result.verdict).toBe("fail");
    expect(result.failures[0]?.check.name).toBe("signature");
    expect(result.response?.confirmed).toBe(false);
    expect(result.response?.source).toBeTruthy();
  });
});
