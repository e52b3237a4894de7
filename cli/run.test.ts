import { beforeAll, describe, expect, it } from "vitest";
import { createFakePool, CLIENT_ID, ISSUER, POOL_ID, type FakePool } from "../lib/tokens/test-support/cognito-tokens";
import { runCli } from "./test-support";

/** In-process: every flag and exit path, without paying for a process each (see cli.test.ts for the real launcher). */

const NOW = 1_760_000_000;

async function cli(args: string[], stdin = "") {
  const out = await runCli(args, { stdin, nowMs: NOW * 1000 });
  const { stdout } = out;
  return { ...out, json: () => JSON.parse(stdout) as { checks: Array<{ name: string; status: string; message: string }>; response: unknown; verdict: string } };
}
const statusOf = (out: Awaited<ReturnType<typeof cli>>, name: string) => out.json().checks.find((c) => c.name === name)?.status;

let pool: FakePool;
let id: string;
let access: string;
beforeAll(async () => {
  pool = await createFakePool();
  [id, access] = await Promise.all([pool.id({}, { iat: NOW - 60 }), pool.access({}, { iat: NOW - 60 })]);
});

describe("run: help and usage", () => {
  it("prints the overview for --help (exit 0) and on no arguments (exit 2)", async () => {
    expect(await cli(["--help"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/decode .*\n.*check/) });
    expect(await cli([])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Commands:/) });
  });

  it("prints a command's usage", async () => {
    expect((await cli(["help", "check"])).stdout).toMatch(/--authorizer agentcore/);
    expect((await cli(["decode", "--help"])).stdout).toMatch(/Usage: auth-flow-debugger decode/);
  });

  it("exits 2 on an unknown command or flag", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect(await cli(["decode", id, "--nope"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/nope/) });
  });

  it("exits 2 when --verify is not told what to check", async () => {
    expect(await cli(["check", access, "--verify", "--token-use", "access"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--client-id.*null/) });
    expect(await cli(["check", access, "--verify", "--client-id", "null"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--token-use/) });
  });

  it("exits 2 for a bad --authorizer", async () => {
    expect(await cli(["check", access, "--authorizer", "lambda"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/not "lambda"/) });
    expect(await cli(["check", access, "--authorizer", "agentcore"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--discovery-url/) });
  });

  it("exits 2 with usage when check is not told what to check", async () => {
    expect(await cli(["check", access])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Say what to check/) });
  });

  it("exits 2 for an empty stdin", async () => {
    expect(await cli(["decode", "-"], "  ")).toMatchObject({ code: 2, stderr: "No token: the input is empty.\n" });
  });
});

describe("run: decode", () => {
  it("reads a curl command from stdin and says where the token was", async () => {
    const out = await cli(["decode", "-"], `curl -H 'Authorization: Bearer ${access}' https://example.com`);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Token: access token, Cognito issuer/);
    expect(out.stdout).toMatch(/Found in: curl -H Authorization header/);
    expect(out.stdout).toMatch(/client_id .*\n.*The app client id\. Only in access tokens/);
  });

  it("exits 2 with the reason on stderr for an AppSync API key", async () => {
    expect(await cli(["decode", "da2-abcdefghijklmnopqrstuvwxyz"])).toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(/^Not a JWT: this is an AppSync API key/) });
  });

  it("picks among several tokens", async () => {
    const text = JSON.stringify({ AuthenticationResult: { IdToken: id, AccessToken: access } });
    expect((await cli(["decode", "--json"], text)).json()).toMatchObject({ tokenUse: "id", source: "JSON field AuthenticationResult.IdToken" });
    expect((await cli(["decode", "--json", "--pick", "2"], text)).json()).toMatchObject({ tokenUse: "access" });
    expect((await cli(["decode", "--pick", "3"], text)).code).toBe(2);
  });

  it("shows expiry relative to --at", async () => {
    expect((await cli(["decode", id, "--at", String(NOW + 7200)])).stdout).toMatch(/expired 1 h 1 min ago/);
  });
});

describe("run: a token whose claims nest thousands of levels deep", () => {
  // 56 KB, under the 64 KB a token may have: built as text, since building it as an object
  // and stringifying it is exactly what overflows the stack.
  const DEPTH = 7000;
  const nested = `${'{"a":'.repeat(DEPTH)}"x"${"}".repeat(DEPTH)}`;
  const payload = `{"sub":"u","iss":"${ISSUER}","deep":${nested}}`;
  const part = (text: string) => Buffer.from(text).toString("base64url");
  const deep = `${part('{"alg":"RS256","kid":"k"}')}.${part(payload)}.c2ln`;

  it.each([
    ["decode", []],
    ["decode --json", ["--json"]],
    ["check", ["--authorizer", "appsync-userpool", "--user-pool-id", POOL_ID]],
  ])("%s names the nesting in one line, exit 2", async (command, flags) => {
    expect(deep.length).toBeGreaterThan(50_000);
    const out = await cli([command.split(" ")[0]!, deep, ...flags]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^The token's claims nest 7000 levels deep;[^\n]*\n$/);
    expect(out.stderr).not.toMatch(/Unexpected error|RangeError|\n\s+at /);
  });
});

describe("run: check", () => {
  it("agentcore: allowedAudience with an access token fails on aud, and --config takes get-agent-runtime's shape", async () => {
    const config = JSON.stringify({ customJWTAuthorizer: { discoveryUrl: `${ISSUER}/.well-known/openid-configuration`, allowedClients: [CLIENT_ID], allowedAudience: [CLIENT_ID] } });
    const out = await cli(["check", access, "--authorizer", "agentcore", "--config", config, "--json"]);
    expect(out.code).toBe(1);
    expect(statusOf(out, "client_id")).toBe("pass");
    expect(statusOf(out, "aud")).toBe("fail");
    expect(out.json().response).toMatchObject({ message: "Claim 'aud' value mismatch with configuration." });
  });

  it("agentcore: custom claims and scopes from flags", async () => {
    const claims = JSON.stringify([{ inboundTokenClaimName: "cognito:groups", inboundTokenClaimValueType: "STRING_ARRAY", authorizingClaimMatchValue: { claimMatchOperator: "CONTAINS", claimMatchValue: { matchValueString: "support" } } }]);
    const out = await cli(["check", access, "--authorizer", "agentcore", "--discovery-url", `${ISSUER}/.well-known/openid-configuration`, "--allowed-scopes", "aws.cognito.signin.user.admin", "--custom-claims", claims, "--json"]);
    expect(out.code).toBe(0);
    expect(statusOf(out, "claim cognito:groups")).toBe("pass");
  });

  it("agentcore: a customClaims rule on a claim the access token lacks fails (exit 1); customClaims in another shape is bad input (exit 2)", async () => {
    const claims = JSON.stringify({ customClaims: [{ inboundTokenClaimName: "tenant_id", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "acme" } } }] });
    const out = await cli(["check", access, "--authorizer", "agentcore", "--discovery-url", `${ISSUER}/.well-known/openid-configuration`, "--custom-claims", claims, "--json"]);
    expect(out.code).toBe(1);
    expect(statusOf(out, "claim tenant_id")).toBe("fail");
    const bad = await cli(["check", access, "--authorizer", "agentcore", "--discovery-url", `${ISSUER}/.well-known/openid-configuration`, "--custom-claims", '[{"name":"tenant_id"}]']);
    expect(bad.code).toBe(2);
  });

  it("appsync-userpool: the access token from a raw Authorization header passes", async () => {
    const out = await cli(["check", "-", "--authorizer", "appsync-userpool", "--user-pool-id", POOL_ID, "--app-id-client-regex", CLIENT_ID, "--json"], `Authorization: ${access}`);
    expect(out.code).toBe(0);
    expect(statusOf(out, "Authorization header")).toBe("pass");
  });

  it("appsync-userpool: a DENY default with a group directive the user isn't in", async () => {
    const out = await cli(["check", id, "--authorizer", "appsync-userpool", "--user-pool-id", POOL_ID, "--default-action", "deny", "--field-groups", "admin", "--field", "Mutation.deleteTicket", "--json"]);
    expect(out.code).toBe(1);
    expect(out.json().response).toMatchObject({ status: 200, message: expect.stringContaining("Not Authorized to access deleteTicket on type Mutation") });
  });

  it("appsync-events: a namespace whose publish modes leave out user pools refuses a good token; one that lists them takes it", async () => {
    const base = ["check", access, "--authorizer", "appsync-events", "--user-pool-id", POOL_ID, "--operation", "publish", "--namespace", "alerts", "--json"];
    const iamOnly = await cli([...base, "--auth-modes", "AWS_IAM"]);
    expect(iamOnly.code).toBe(1);
    expect(statusOf(iamOnly, "auth mode")).toBe("fail");
    expect(iamOnly.json().response).toMatchObject({ status: 401, confirmed: false });
    expect((await cli([...base, "--auth-modes", "AWS_IAM,AMAZON_COGNITO_USER_POOLS"])).code).toBe(0);
    expect((await cli([...base, "--operation", "delete"])).code).toBe(2);
  });

  it("appsync-oidc: TTLs in milliseconds", async () => {
    const out = await cli(["check", id, "--authorizer", "appsync-oidc", "--issuer", ISSUER, "--iat-ttl", "30000", "--json"]);
    expect(out.code).toBe(1);
    expect(statusOf(out, "iatTTL")).toBe("fail");
  });

  it("api-gateway: access token on a method without scopes fails; with its scope passes", async () => {
    const base = ["check", access, "--authorizer", "api-gateway", "--user-pool-id", POOL_ID, "--json"];
    const without = await cli(base);
    expect(without.code).toBe(1);
    expect(without.json().response).toMatchObject({ status: 401, message: '{"message":"Unauthorized"}' });
    expect((await cli([...base, "--scopes", "aws.cognito.signin.user.admin"])).code).toBe(0);
  });

  it("text output names the failing checks and the service's answer", async () => {
    const out = await cli(["check", id, "--authorizer", "api-gateway", "--user-pool-id", POOL_ID, "--scopes", "tickets/read"]);
    expect(out.stdout).toMatch(/FAIL  token_use/);
    expect(out.stdout).toMatch(/Verdict: FAIL: 2 of 5 checks fail \(token_use, scope\)\.\n  First, API Gateway would answer 401 \{"message":"Unauthorized"\}/);
  });

  it("--at answers 'would it have passed then?'", async () => {
    const args = ["check", access, "--authorizer", "api-gateway", "--user-pool-id", POOL_ID, "--scopes", "aws.cognito.signin.user.admin", "--json"];
    expect((await cli([...args, "--at", new Date((NOW + 7200) * 1000).toISOString()])).json().response).toMatchObject({ message: '{"message":"The incoming token has expired"}' });
  });
});

describe("run: a pool with the UPDATED issuer (IssuerConfigurationType)", () => {
  const UPDATED = `https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/${POOL_ID}`;
  let updated: string;
  beforeAll(async () => {
    updated = await pool.access({ iss: UPDATED }, { iat: NOW - 60 });
  });

  it("decode says which issuer form the token carries", async () => {
    const out = await cli(["decode", updated]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/iss .*\n?.*The UPDATED issuer \(issuer-cognito-idp\)/);
  });

  it.each([
    // [what, flags, exit, iss row, message]
    ["AgentCore with the ORIGINAL discoveryUrl", ["--authorizer", "agentcore", "--discovery-url", `${ISSUER}/.well-known/openid-configuration`, "--allowed-clients", CLIENT_ID], 1, "fail", /other issuer form.*The discoveryUrl for these tokens is https:\/\/issuer-cognito-idp\./],
    ["AgentCore with the UPDATED discoveryUrl", ["--authorizer", "agentcore", "--discovery-url", `${UPDATED}/.well-known/openid-configuration`, "--allowed-clients", CLIENT_ID], 0, "pass", /discovery URL's issuer/],
    ["AppSync user pools, configured by pool id", ["--authorizer", "appsync-userpool", "--user-pool-id", POOL_ID], 0, "pass", /UPDATED issuer.*not confirmed from AWS sources/],
    ["AppSync OIDC with the ORIGINAL issuer", ["--authorizer", "appsync-oidc", "--issuer", ISSUER], 1, "fail", /other issuer form/],
    // AWS documents the UPDATED issuer as not compatible with API Gateway's Cognito authorizers.
    ["API Gateway Cognito authorizer, configured by pool id", ["--authorizer", "api-gateway", "--user-pool-id", POOL_ID, "--scopes", "aws.cognito.signin.user.admin"], 1, "fail", /not compatible with API Gateway's Amazon Cognito authorizers/],
  ] as const)("check %s", async (_what, flags, code, iss, message) => {
    const out = await cli(["check", updated, ...flags, "--json"]);
    expect(out.code).toBe(code);
    const row = out.json().checks.find((c) => c.name === "iss");
    expect(row).toMatchObject({ status: iss, message: expect.stringMatching(message) });
  });
});
