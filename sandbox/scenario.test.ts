import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertDistinctIds, loadScenarioDir, loadScenarioFile } from "./scenario";
import { DEFAULT_SCENARIOS_DIR, startSandbox } from "./server";

let dir: string;
let demo: Record<string, unknown>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sandbox-scenarios-"));
  demo = JSON.parse(await readFile(join(DEFAULT_SCENARIOS_DIR, "demo.json"), "utf8")) as Record<string, unknown>;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** demo.json with one edit applied to its first pool. */
function demoWith(edit: (pool: Record<string, unknown>) => void) {
  const copy = structuredClone(demo);
  edit((copy["userPools"] as Array<Record<string, unknown>>)[0]!);
  return copy;
}

describe("scenario loader", () => {
  it("loads the shipped demo scenario", async () => {
    const scenarios = await loadScenarioDir(DEFAULT_SCENARIOS_DIR);
    expect(scenarios.map((s) => s.name)).toContain("demo");
    const pool = scenarios.find((s) => s.name === "demo")?.userPools[0];
    expect(pool?.id).toMatch(/^ap-northeast-1_[0-9a-zA-Z]+$/);
    expect(pool?.clients[0]?.id).toMatch(/^[a-z0-9]{26}$/);
    expect(pool?.clients[0]?.scopes).toEqual(["aws.cognito.signin.user.admin"]);
  });

  it("names the file and the field that is wrong", async () => {
    const file = await write(
      "broken.json",
      demoWith((pool) => {
        (pool["clients"] as Array<Record<string, unknown>>)[0]!["idTokenValidityMinutes"] = "sixty";
      }),
    );
    await expect(loadScenarioFile(file)).rejects.toThrow(file);
    await expect(loadScenarioFile(file)).rejects.toThrow(/userPools\[0\]\.clients\[0\]\.idTokenValidityMinutes: /);
  });

  it("rejects unknown keys by name", async () => {
    const file = await write("typo.json", { ...demo, userPool: [] });
    await expect(loadScenarioFile(file)).rejects.toThrow(/typo\.json[\s\S]*userPool: Unrecognized key/);
  });

  it("rejects a pool in another region and a non-UUID username in an email pool", async () => {
    const file = await write(
      "region.json",
      demoWith((pool) => {
        pool["id"] = "us-east-1_Wrong1";
        (pool["users"] as Array<Record<string, unknown>>)[0]!["username"] = "demo";
      }),
    );
    const error = await loadScenarioFile(file).catch((e: Error) => e);
    expect(String(error)).toContain("userPools[0].id: user pool id is in us-east-1 but the scenario's region is ap-northeast-1");
    expect(String(error)).toContain("userPools[0].users[0].username: must be a lowercase UUID");
  });

  it("checks MFA settings against the pool: factors it allows, an address for email codes, a preference that is set up", async () => {
    const file = await write(
      "mfa.json",
      demoWith((pool) => {
        pool["mfa"] = { configuration: "ON", totp: true, email: false };
        const users = pool["users"] as Array<Record<string, unknown>>;
        users[0]!["mfa"] = { email: true };
        users[1]!["mfa"] = { totpSecret: "not base32!", preferred: "EMAIL_OTP" };
      }),
    );
    const error = String(await loadScenarioFile(file).catch((e: Error) => e));
    expect(error).toContain("userPools[0].users[0].mfa.email: the pool does not allow email MFA (mfa.email)");
    expect(error).toContain("userPools[0].users[1].mfa.totpSecret: totpSecret must be base32");
    expect(error).toContain("userPools[0].users[1].mfa.preferred: EMAIL_OTP is not set up for this user");
    const noFactor = await write("no-factor.json", demoWith((pool) => void (pool["mfa"] = { configuration: "ON" })));
    await expect(loadScenarioFile(noFactor)).rejects.toThrow("MFA that is ON or OPTIONAL needs at least one factor");
  });

  it("refuses a role mapping for a provider the identity pool does not list, and duplicate groups", async () => {
    const copy = demoWith((pool) => {
      pool["groups"] = [{ name: "support" }, { name: "support", precedence: 1 }];
    });
    const identityPool = (copy["identityPools"] as Array<Record<string, unknown>>)[0]!;
    identityPool["roleMappings"] = { "cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_DemoPool1:otherclient": { Type: "Token", AmbiguousRoleResolution: "Deny" } };
    const error = await loadScenarioFile(await write("mapping.json", copy)).catch((e: Error) => e);
    expect(String(error)).toMatch(/roleMappings\.cognito-idp\.ap-northeast-1\.amazonaws\.com\/ap-northeast-1_DemoPool1:otherclient: not one of the pool's providers/);
    expect(String(error)).toMatch(/userPools\[0\]\.groups\[1\]\.name: duplicate group support/);
  });

  it("reports invalid JSON with the file name", async () => {
    const file = await write("bad.json", "{ nope");
    await expect(loadScenarioFile(file)).rejects.toThrow(new RegExp(`invalid scenario ${file.replace(/[.\\]/g, "\\$&")}: not valid JSON`));
  });

  it("refuses ids shared between scenarios", async () => {
    await write("a.json", demo);
    await write("b.json", { ...demo, name: "demo-copy" });
    const scenarios = await loadScenarioDir(dir);
    expect(() => assertDistinctIds(scenarios)).toThrow(
      "user pool ap-northeast-1_DemoPool1 is defined by both scenario demo and scenario demo-copy; ids must be distinct",
    );
    await expect(startSandbox({ port: 0, scenariosDir: dir })).rejects.toThrow(/ids must be distinct/);
  });
});
