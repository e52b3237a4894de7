import { AthenaServiceException, GetQueryExecutionCommand, GetQueryResultsCommand, InvalidRequestException, StartQueryExecutionCommand, StopQueryExecutionCommand } from "@aws-sdk/client-athena";
import { afterEach, describe, expect, it } from "vitest";
import { athenaClients } from "./commands/correlate-athena";
import { SEED_001, seed001Record } from "../lib/cloudtrail/test-support/seed-001";
import { otherRecord } from "../lib/cloudtrail/test-support/records";
import { athenaRow, headerRow } from "../lib/cloudtrail/athena/test-support";
import { runCli } from "./test-support";

/**
 * `correlate --athena` / `--print-sql` in-process. The query runs against a stand-in for the SDK
 * client (commands in, AWS-shaped outputs back) so progress, paging, cost and every refusal are
 * checked here; cli/correlate-athena.sandbox.test.ts runs the real client against the sandbox.
 */

const NOW = Date.parse("2025-03-01T00:00:00Z");
const cli = (args: string[]) => runCli(["correlate", ...args], { stdinIsTTY: true, nowMs: NOW });
const seedArgs = ["--at", "2025-02-24T14:15:40Z", "--identity-id", SEED_001.identityId, "--access-key-id", SEED_001.accessKeyId, "--role-arn", SEED_001.roleArn];
const original = athenaClients.create;
afterEach(() => void (athenaClients.create = original));

type Script = { states?: string[]; pages?: ReturnType<typeof athenaRow>[][]; start?: () => never; reason?: string; scanned?: number };

function fakeAthena(script: Script) {
  const sent: unknown[] = [];
  let polls = 0;
  const client = {
    config: { region: async () => "ap-northeast-1" },
    destroy: () => undefined,
    send: async (command: unknown) => {
      sent.push(command);
      if (command instanceof StartQueryExecutionCommand) {
        if (script.start) script.start();
        return { QueryExecutionId: "qe-1" };
      }
      if (command instanceof GetQueryExecutionCommand) {
        const states = script.states ?? ["SUCCEEDED"];
        const state = states[Math.min(polls++, states.length - 1)];
        return { QueryExecution: { Status: { State: state, ...(state === "FAILED" ? { StateChangeReason: script.reason, AthenaError: { ErrorCategory: 2, ErrorType: 1301, ErrorMessage: script.reason } } : {}) }, Statistics: { DataScannedInBytes: script.scanned ?? 4_321_000 } } };
      }
      if (command instanceof GetQueryResultsCommand) {
        const pages = script.pages ?? [[]];
        const token = (command.input as { NextToken?: string }).NextToken;
        const index = token ? Number(token) : 0;
        return { ResultSet: { Rows: pages[index] }, ...(index + 1 < pages.length ? { NextToken: String(index + 1) } : {}) };
      }
      if (command instanceof StopQueryExecutionCommand) return {};
      throw new Error("unexpected command");
    },
  };
  athenaClients.create = () => client as never;
  return sent;
}

const athenaArgs = ["--athena", "--database", "default", "--table", "cloudtrail_logs", "--workgroup", "primary", "--output", "s3://results-bucket/athena/"];

describe("correlate --athena", () => {
  it("runs the query, pages the results, and gives the verdict a file would, with the data scanned and its cost", async () => {
    const sent = fakeAthena({ states: ["QUEUED", "RUNNING", "SUCCEEDED"], pages: [[headerRow(), athenaRow(otherRecord("2025-02-24T14:10:00Z"))], [athenaRow(seed001Record())]] });
    const out = await cli([...athenaArgs, ...seedArgs]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("Athena: 2 row(s), 4.1 MB scanned (4321000 bytes; billed as 10.0 MB, ≈ $0.000048 at $5/TB).");
    expect(out.stdout).toContain("→ assumed");
    expect(out.stdout).toContain("✓ responseElements.credentials.accessKeyId = ASIA5NBR5LH3GUDX65GT");
    expect(out.stderr).toMatch(/started \(2 day folder\(s\), 2025-02-24T02:15:40Z – 2025-02-24T14:16:40Z\)/);
    expect(out.stderr).toContain("QUEUED");
    expect(out.stderr).toContain("RUNNING");
    const start = sent.find((c) => c instanceof StartQueryExecutionCommand) as StartQueryExecutionCommand;
    expect(start.input).toMatchObject({ QueryExecutionContext: { Database: "default" }, WorkGroup: "primary", ResultConfiguration: { OutputLocation: "s3://results-bucket/athena/" } });
    expect(start.input.QueryString).toContain(`useridentity.username = '${SEED_001.identityId}'`);
  }, 20_000);

  it("says in one line why a query FAILED, with exit code 3", async () => {
    fakeAthena({ states: ["RUNNING", "FAILED"], reason: "TABLE_NOT_FOUND: line 2:6: Table 'awsdatacatalog.default.cloudtrail_logs' does not exist" });
    const out = await cli([...athenaArgs, ...seedArgs]);
    expect(out.code).toBe(3);
    expect(out.stderr.trim().split("\n").at(-1)).toBe("The query FAILED: TABLE_NOT_FOUND: line 2:6: Table 'awsdatacatalog.default.cloudtrail_logs' does not exist");
    expect(out.stdout).toBe("");
  }, 20_000);

  it("passes Athena's refusal on with its name and code, with exit code 3", async () => {
    fakeAthena({
      start: () => {
        throw new InvalidRequestException({ message: "Database default does not exist", AthenaErrorCode: "INVALID_INPUT", $metadata: { httpStatusCode: 400 } });
      },
    });
    const out = await cli([...athenaArgs, ...seedArgs]);
    expect(out.code).toBe(3);
    expect(out.stderr.trim()).toBe("Athena refused: InvalidRequestException (INVALID_INPUT): Database default does not exist");
  });

  it("names missing permissions", async () => {
    fakeAthena({
      start: () => {
        throw new AthenaServiceException({ name: "AccessDeniedException", $fault: "client", message: "User: arn:aws:iam::111122223333:user/x is not authorized to perform: athena:StartQueryExecution", $metadata: { httpStatusCode: 400 } });
      },
    });
    const out = await cli([...athenaArgs, ...seedArgs]);
    expect(out.code).toBe(3);
    expect(out.stderr).toMatch(/^Athena refused: AccessDeniedException: User: .* athena:StartQueryExecution These credentials may not run Athena queries/);
  });

  it("refuses ids that are not AWS's shape before any query is sent", async () => {
    const sent = fakeAthena({});
    const out = await cli([...athenaArgs, "--at", "2025-02-24T14:15:40Z", "--identity-id", "x' OR '1'='1"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("identityId must look like us-east-1:0c8b1f5e-…");
    expect(sent).toHaveLength(0);
  });

  it("asks for a Region when the SDK's configuration has none", async () => {
    const sent = fakeAthena({});
    athenaClients.create = () => ({ config: { region: async () => { throw new Error("Region is missing"); } }, destroy: () => undefined, send: async () => ({}) }) as never;
    const out = await cli([...athenaArgs, ...seedArgs]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("No AWS Region for Athena: set AWS_REGION");
    expect(sent).toHaveLength(0);
  });

  it("wants a database to run, and a table always", async () => {
    expect((await cli(["--athena", "--table", "t", ...seedArgs])).stderr).toContain("--athena needs --database");
    expect((await cli(["--athena", "--database", "d", ...seedArgs])).stderr).toContain("--table is required");
    expect((await cli(["--athena", "--database", "d; DROP", "--table", "t", ...seedArgs])).stderr).toContain("--database may hold letters, digits, _ and - only");
  });
});

describe("correlate --print-sql", () => {
  it("prints the query for the console, bounded by day folders, accounts and Regions", async () => {
    const out = await cli(["--print-sql", "--database", "security", "--table", "org_trail", "--accounts", "111122223333,444455556666", "--regions", "ap-northeast-1", ...seedArgs]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^SELECT eventversion, eventid, eventtime/);
    expect(out.stdout).toContain("FROM security.org_trail");
    expect(out.stdout).toContain(`"timestamp" IN ('2025/02/24', '2025/02/25')`);
    expect(out.stdout).toContain("account IN ('111122223333', '444455556666')");
    expect(out.stdout).toContain("region IN ('ap-northeast-1')");
    expect(out.stdout).toContain("eventname IN ('GetId', 'GetCredentialsForIdentity')");
    expect(out.stdout.trimEnd().endsWith("LIMIT 5000;")).toBe(true);
  });

  it("prints the CREATE TABLE for an organization trail", async () => {
    const out = await cli(["--print-sql", "--create-table", "--bucket", "s3://org-trail-logs/central", "--org-id", "o-a1b2c3d4e5", "--accounts", "111122223333", "--regions", "us-east-1,ap-northeast-1"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^CREATE EXTERNAL TABLE cloudtrail_logs \(/);
    expect(out.stdout).toContain("LOCATION 's3://org-trail-logs/central/AWSLogs/o-a1b2c3d4e5/'");
    expect(out.stdout).toContain("'projection.account.values'='111122223333'");
  });

  it("says what --create-table is missing", async () => {
    expect((await cli(["--print-sql", "--create-table", "--org-id", "o-a1b2c3d4e5"])).stderr).toContain("--create-table needs --bucket");
    expect((await cli(["--print-sql", "--create-table", "--bucket", "s3://org-trail-logs"])).stderr).toContain("--create-table needs --org-id");
    const bad = await cli(["--print-sql", "--create-table", "--bucket", "s3://org-trail-logs", "--org-id", "o-a1b2c3d4e5", "--accounts", "12"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--accounts must be a 12-digit account id");
  });
});
