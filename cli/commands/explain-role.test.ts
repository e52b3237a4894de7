import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ID, createFakePool, POOL_ID, type FakePool } from "../../lib/tokens/test-support/cognito-tokens";
import { runCli } from "../test-support";

const KEY = `cognito-idp.ap-northeast-1.amazonaws.com/${POOL_ID}:${CLIENT_ID}`;
const SALES = "arn:aws:iam::111122223333:role/sales";
const AUTH = "arn:aws:iam::111122223333:role/authenticated";

let pool: FakePool;
let dir: string;

async function mappingFile(name: string, roleMappings: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify({ IdentityPoolId: "ap-northeast-1:abc", Roles: { authenticated: AUTH }, RoleMappings: roleMappings }));
  return path;
}

beforeAll(async () => {
  pool = await createFakePool();
  dir = await mkdtemp(join(tmpdir(), "explain-role-"));
});

describe("explain-role", () => {
  const rules = { [KEY]: { Type: "Rules", AmbiguousRoleResolution: "Deny", RulesConfiguration: { Rules: [{ Claim: "custom:dept", MatchType: "Equals", Value: "Sales", RoleARN: SALES }] } } };

  it("names the first matching rule's role (exit 0)", async () => {
    const mapping = await mappingFile("rules.json", rules);
    const token = await pool.id({ "custom:dept": "Sales" });
    const out = await runCli(["explain-role", "--mapping", mapping, "--id-token", token]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Role: ${SALES}`);
    expect(out.stdout).toContain("Rule 1 is the first that matches");
  });

  it("says why no rule matched and what AWS answers (exit 1), marking the provider name unconfirmed", async () => {
    const mapping = await mappingFile("rules-deny.json", rules);
    const token = await pool.id({ "custom:dept": "sales" });
    const out = await runCli(["explain-role", "--mapping", mapping, "--json"], { stdin: token });
    expect(out.code).toBe(1);
    const json = JSON.parse(out.stdout) as { outcome: string; refusal: { errorType: string; message: string; unconfirmed?: string }; rules: { matched: boolean; because: string }[] };
    expect(json.outcome).toBe("denied");
    expect(json.refusal.errorType).toBe("NotAuthorizedException");
    expect(json.refusal.message).toMatch(/^The ambiguous role mapping rules for: cognito-idp\.ap-northeast-1\.amazonaws\.com\/.+ denied this request\.$/);
    expect(json.refusal.unconfirmed).toBeTruthy();
    expect(json.rules[0]).toMatchObject({ matched: false });
    expect(json.rules[0]!.because).toContain('"sales"');
  });

  it("takes the token's cognito:preferred_role for a Token mapping", async () => {
    const mapping = await mappingFile("token.json", { [KEY]: { Type: "Token", AmbiguousRoleResolution: "Deny" } });
    const token = await pool.id({ "cognito:roles": [SALES], "cognito:preferred_role": SALES });
    const out = await runCli(["explain-role", "--mapping", mapping, token]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("cognito:preferred_role");
  });

  it("refuses a mapping file that is not get-identity-pool-roles output (exit 2)", async () => {
    const path = join(dir, "bad.json");
    await writeFile(path, JSON.stringify({ RoleMappings: { [KEY]: { Type: "Sometimes" } } }));
    const out = await runCli(["explain-role", "--mapping", path, "--id-token", await pool.id()]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("Type");
  });
});
