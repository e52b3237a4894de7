import { beforeAll, describe, expect, it } from "vitest";
import { decodeToken } from "../decode";
import { CLIENT_ID, createFakePool, ISSUER, OTHER_CLIENT_ID, POOL_ID, type FakePool } from "../test-support/cognito-tokens";
import { checkAppSyncUserPool, type AppSyncUserPoolConfig } from "./appsync";
import { checkAppSyncOidc, type AppSyncOidcConfig } from "./appsync-oidc";

const NOW = 1_760_000_000;
let pool: FakePool;
let sandbox: FakePool;
beforeAll(async () => {
  [pool, sandbox] = await Promise.all([createFakePool(), createFakePool(`http://127.0.0.1:4577/${POOL_ID}`)]);
});

type Kind = "id" | "access";
const decoded = async (kind: Kind, claims: Record<string, unknown> = {}, from = pool) =>
  decodeToken(await from[kind](claims, { iat: NOW - 60 }));

describe("AppSync AMAZON_COGNITO_USER_POOLS", () => {
  const base: AppSyncUserPoolConfig = { userPoolId: POOL_ID };
  const cases: Array<[string, Kind, Record<string, unknown>, Partial<AppSyncUserPoolConfig>, string, "pass" | "fail" | "n/a", RegExp | null]> = [
    ["ID token from the pool", "id", {}, {}, "iss", "pass", null],
    ["token from another pool", "id", { iss: "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001" }, {}, "iss", "fail", /ap-northeast-1_Other0001/],
    // AppSync is configured with the pool id, not an issuer URL: the UPDATED form is the pool's too (unconfirmed).
    ["UPDATED issuer of the pool", "id", { iss: `https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/${POOL_ID}` }, {}, "iss", "pass", /UPDATED issuer of user pool.*not confirmed from AWS sources/],
    ["UPDATED issuer of another pool", "id", { iss: "https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001" }, {}, "iss", "fail", /ap-northeast-1_Other0001, expected/],
    ["ID token accepted", "id", {}, {}, "token_use", "pass", /console sends these/],
    ["access token accepted, without user attributes", "access", {}, {}, "token_use", "pass", /Amplify v6 sends these.*no email/],
    ["not a Cognito token", "id", { token_use: undefined }, {}, "token_use", "fail", null],
    ["expired", "access", { exp: NOW - 5 }, {}, "exp", "fail", /Expired 5 s ago/],
    ["appIdClientRegex matches aud of an ID token", "id", {}, { appIdClientRegex: `${CLIENT_ID}|abc` }, "client", "pass", /read from aud/],
    ["appIdClientRegex matches client_id of an access token", "access", {}, { appIdClientRegex: "3n4b.*" }, "client", "pass", /read from client_id/],
    ["appIdClientRegex misses another app client", "access", { client_id: OTHER_CLIENT_ID }, { appIdClientRegex: CLIENT_ID }, "client", "fail", /does not match appIdClientRegex/],
    ["appIdClientRegex is a whole-value match", "access", {}, { appIdClientRegex: "3n4b" }, "client", "fail", null],
    ["invalid appIdClientRegex", "access", {}, { appIdClientRegex: "([" }, "config.appIdClientRegex", "fail", /Not a valid regular expression/],
    ["no appIdClientRegex: no filtering", "access", { client_id: OTHER_CLIENT_ID }, {}, "client", "n/a", /no client filtering/],
    ["field groups: member", "access", {}, { fieldGroups: ["admin", "support"] }, "groups", "pass", /Member of support/],
    ["field groups: not a member", "access", { "cognito:groups": ["readers"] }, { fieldGroups: ["admin"] }, "groups", "fail", /none of the field's groups/],
    ["field groups: user in no group", "access", { "cognito:groups": undefined }, { fieldGroups: ["admin"] }, "groups", "fail", /no cognito:groups/],
    ["no directive, defaultAction ALLOW", "access", {}, { fieldGroups: [] }, "groups", "pass", null],
    ["no directive, defaultAction DENY", "access", {}, { fieldGroups: [], defaultAction: "DENY" }, "groups", "fail", /defaultAction is DENY/],
    ["field directives unknown", "access", {}, {}, "groups", "n/a", /defaultAction ALLOW/],
  ];

  it.each(cases)("%s", async (_label, kind, claims, config, name, expected, message) => {
    const result = checkAppSyncUserPool({ token: await decoded(kind, claims), now: NOW * 1000 }, { ...base, ...config });
    const row = result.checks.find((c) => c.name === name);
    expect(row?.status).toBe(expected);
    if (message) expect(row?.message).toMatch(message);
  });

  it("field denial is a 200 with AppSync's Unauthorized error", async () => {
    const result = checkAppSyncUserPool(
      { token: await decoded("access", { "cognito:groups": ["readers"] }), now: NOW * 1000 },
      { ...base, fieldGroups: ["admin"], field: { typeName: "Mutation", fieldName: "deleteTicket" } },
    );
    expect(result.response).toMatchObject({
      status: 200,
      message: JSON.stringify({ errors: [{ errorType: "Unauthorized", message: "Not Authorized to access deleteTicket on type Mutation" }] }),
    });
  });

  it("expired token answers 401 Token has expired.", async () => {
    const result = checkAppSyncUserPool({ token: await decoded("access", { exp: NOW - 5 }), now: NOW * 1000 }, base);
    expect(result.response).toMatchObject({ status: 401, message: expect.stringContaining('"UnauthorizedException","message":"Token has expired."') });
  });

  it("wants the raw JWT, not Bearer", async () => {
    const bearer = checkAppSyncUserPool({ token: await decoded("access"), now: NOW * 1000, scheme: "bearer" }, base);
    expect(bearer.checks[0]).toMatchObject({ name: "Authorization header", status: "fail" });
    const raw = checkAppSyncUserPool({ token: await decoded("access"), now: NOW * 1000, scheme: "raw" }, base);
    expect(raw.verdict).toBe("pass");
  });

  it("trusts the sandbox's issuer when told its endpoint", async () => {
    const token = await decoded("id", {}, sandbox);
    expect(checkAppSyncUserPool({ token, now: NOW * 1000 }, base).checks.find((c) => c.name === "iss")?.message).toMatch(/sandbox/);
    expect(checkAppSyncUserPool({ token, now: NOW * 1000 }, { ...base, userPoolEndpoint: "http://127.0.0.1:4577" }).verdict).toBe("pass");
  });
});

describe("AppSync OPENID_CONNECT", () => {
  const base: AppSyncOidcConfig = { issuer: ISSUER };
  const cases: Array<[string, Record<string, unknown>, Partial<AppSyncOidcConfig>, string, "pass" | "fail" | "n/a", RegExp | null]> = [
    ["issuer equal", {}, {}, "iss", "pass", null],
    ["issuer with a trailing slash in the config", {}, { issuer: `${ISSUER}/` }, "iss", "fail", /trailing slash/],
    ["clientId regex matches aud", {}, { clientId: `${CLIENT_ID}|other` }, "client", "pass", null],
    ["clientId regex misses", {}, { clientId: OTHER_CLIENT_ID }, "client", "fail", null],
    ["iatTTL in ms, token young enough", {}, { iatTTL: 120_000 }, "iatTTL", "pass", null],
    ["iatTTL exceeded", {}, { iatTTL: 30_000 }, "iatTTL", "fail", /past iatTTL/],
    ["iatTTL written as seconds", {}, { iatTTL: 3600 }, "iatTTL", "fail", /milliseconds.*meant as seconds/],
    ["authTTL exceeded (auth_time counts, not iat)", { auth_time: NOW - 7200 }, { authTTL: 3_600_000 }, "authTTL", "fail", /2 h 0 min old/],
    ["authTTL 0 means off", {}, { authTTL: 0 }, "authTTL", "n/a", null],
    ["expired", { exp: NOW - 1 }, {}, "exp", "fail", null],
  ];

  it.each(cases)("%s", async (_label, claims, config, name, expected, message) => {
    const result = checkAppSyncOidc({ token: await decoded("id", claims), now: NOW * 1000 }, { ...base, ...config });
    const row = result.checks.find((c) => c.name === name);
    expect(row?.status).toBe(expected);
    if (message) expect(row?.message).toMatch(message);
  });
});
