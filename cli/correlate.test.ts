import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { SEED_001, SEED_001_RAW, seed001Record } from "../lib/cloudtrail/test-support/seed-001";
import { otherRecord, webIdentityRecord } from "../lib/cloudtrail/test-support/records";
import { runCli } from "./test-support";

/** `auth-flow-debugger correlate`, in-process (fake io) and once through the real launcher. */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "correlate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const seedFile = file("seed-001.json", JSON.stringify({ Records: [otherRecord("2025-02-24T14:10:00Z"), seed001Record()] }));
const NOW = Date.parse("2025-03-01T00:00:00Z");

const cli = (args: string[]) => runCli(["correlate", ...args], { stdinIsTTY: true, nowMs: NOW });

const seedArgs = ["--at", "2025-02-24T14:15:40Z", "--identity-id", SEED_001.identityId, "--access-key-id", SEED_001.accessKeyId, "--role-arn", SEED_001.roleArn];

describe("correlate", () => {
  it("says `assumed` for seed 001 and names the needed permission", async () => {
    const resource = "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/listNotes";
    const out = await cli(["--events", seedFile, ...seedArgs, "--action", "appsync:GraphQL", "--resource", resource]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("→ assumed");
    expect(out.stdout).toContain(`Needed: appsync:GraphQL on ${resource}`);
    expect(out.stdout).toContain("✓ responseElements.credentials.accessKeyId = ASIA5NBR5LH3GUDX65GT");
  });

  it("prints JSON verdicts with their events", async () => {
    const out = await cli(["--events", seedFile, ...seedArgs, "--json"]);
    const json = JSON.parse(out.stdout) as { verdicts: { verdict: string; events: { eventId: string }[]; explanation: string }[]; file: { records: number } };
    expect(json.verdicts[0]).toMatchObject({ verdict: "assumed", events: [{ eventId: "93c286a7-1732-4428-93e5-15875fa6b2a3" }] });
    expect(json.verdicts[0]?.explanation).toContain(SEED_001.roleArn);
    expect(json.file.records).toBe(2);
  });

  it("reads gzipped trail files and lookup-events output; `refused` and `absent` too", async () => {
    const refused = webIdentityRecord({ time: "2025-02-24T14:15:00Z", errorCode: "AccessDenied" });
    const gz = file("111122223333_CloudTrail_ap-northeast-1_x.json.gz", gzipSync(JSON.stringify({ Records: [refused] })));
    expect((await cli(["--events", gz, "--at", "2025-02-24T14:15:05Z", "--identity-id", SEED_001.identityId])).stdout).toContain("→ refused");
    const lookup = file("lookup.json", JSON.stringify({ Events: [{ EventId: "x", CloudTrailEvent: JSON.stringify(SEED_001_RAW) }] }));
    const absent = await cli(["--events", lookup, "--at", "2025-02-25T00:00:00Z", "--identity-id", "<COGNITO_APP_USR_NAME>", "--json"]);
    expect(JSON.parse(absent.stdout).verdicts[0].verdict).toBe("absent");
  });

  it("warns about malformed records on stderr but still answers", async () => {
    const damaged = file("damaged.json", `{"Records":[${JSON.stringify(seed001Record())},{"eventName": tru}]}`);
    const out = await cli(["--events", damaged, ...seedArgs]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/1 malformed/);
    expect(out.stderr).toMatch(/1 malformed record/);
  });

  it.each([
    [["--at", "2025-02-24T14:15:40Z"], /--events FILE is required/],
    [["--events", "/nonexistent/file.json", "--at", "2025-02-24T14:15:40Z"], /no such file/],
    [["--events", seedFile, "--at", "yesterday"], /--at wants/],
    [["--events", seedFile, "--at", "2025-02-24T14:15:40Z", "--window-minutes", "-3"], /--window-minutes/],
    [["--events", file("events.csv", "Event name,Event time\nGetId,x"), "--at", "2025-02-24T14:15:40Z"], /CSV/],
  ])("exits 2 on bad input %#", async (args, message) => {
    const out = await cli(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it("runs through the real launcher", () => {
    const result = spawnSync(process.execPath, ["bin/auth-flow-debugger.mjs", "correlate", "--events", seedFile, ...seedArgs, "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).verdicts[0].verdict).toBe("assumed");
  });
});
