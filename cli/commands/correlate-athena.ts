import { AthenaClient } from "@aws-sdk/client-athena";
import { correlate } from "../../lib/cloudtrail/correlate";
import { describeScan } from "../../lib/cloudtrail/athena/cost";
import { createTableSql } from "../../lib/cloudtrail/athena/create-table";
import { correlationQuery } from "../../lib/cloudtrail/athena/correlation-query";
import { recordsToEvents } from "../../lib/cloudtrail/athena/rows";
import { AthenaQueryError, runAthenaQuery } from "../../lib/cloudtrail/athena/run-query";
import { athenaName, workgroupName } from "../../lib/cloudtrail/athena/sql-literal";
import { renderVerdicts, verdictsToJson } from "../../lib/cloudtrail/render";
import type { FailedCall } from "../../lib/cloudtrail/types";
import { EXIT, UsageError, type CliIo } from "../io";

/**
 * `correlate --athena`, `--print-sql` and `--print-sql --create-table`: the same correlation as for a
 * file, with the events fetched by an Athena query over an organization trail's table. The client
 * is the SDK's, configured the SDK's standard way (AWS_PROFILE, AWS_REGION,
 * AWS_ENDPOINT_URL_ATHENA, the default credential chain;
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html for the
 * service-specific endpoint variable), so AWS and a local stand-in differ only in environment.
 */

export const ATHENA_OPTIONS = {
  athena: { type: "boolean" },
  "print-sql": { type: "boolean" },
  "create-table": { type: "boolean" },
  database: { type: "string" },
  table: { type: "string" },
  workgroup: { type: "string" },
  output: { type: "string" },
  catalog: { type: "string" },
  bucket: { type: "string" },
  "org-id": { type: "string" },
  since: { type: "string" },
  accounts: { type: "string" },
  regions: { type: "string" },
  "timeout-seconds": { type: "string" },
} as const;

export const ATHENA_USAGE = `
Athena (an organization trail's S3 logs, with data events):
  correlate --athena --database D --table T --at TIME [ids…] [--workgroup W] [--output s3://…/]
            [--accounts 111122223333,…] [--regions us-east-1,…] [--timeout-seconds N] [--json]
      runs the query (progress and data scanned on stderr), prints the data scanned, its cost at
      $5 per TB (Athena's price in US East; 10 MB minimum) and the verdict. Exit 3 when Athena
      refuses or the query fails (the reason on stderr, one line).
  correlate --print-sql --table T [--database D] --at TIME [ids…] [--accounts …] [--regions …]
      prints that query, to paste into the Athena console.
  correlate --print-sql --create-table --bucket s3://bucket[/prefix] --org-id o-… [--database D]
            [--table T] [--accounts …] [--regions …] [--since yyyy/MM/dd]
      prints the CREATE EXTERNAL TABLE (partition projection on account, region and day).
  Configured as the AWS SDK is: AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_ATHENA, credentials chain.
`;

export type AthenaValues = { [K in keyof typeof ATHENA_OPTIONS]?: (typeof ATHENA_OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

/** Exit code for Athena refusing or failing the query (2 stays "bad flags or input"). */
export const EXIT_ATHENA = 3;

/** Tests swap in a client; everyone else gets the SDK's default configuration. */
export const athenaClients = { create: (): Pick<AthenaClient, "send" | "config" | "destroy"> => new AthenaClient({}) };

const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

function name(flag: string, value: string | undefined, schema: typeof athenaName | typeof workgroupName): string | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag} ${parsed.error.issues[0]?.message ?? "is not valid"}.`);
  return parsed.data;
}

export function wantsAthena(values: AthenaValues): boolean {
  return Boolean(values.athena || values["print-sql"] || values["create-table"]);
}

function createTable(values: AthenaValues, io: CliIo): number {
  if (!values["print-sql"]) throw new UsageError("--create-table only prints the statement: add --print-sql and run it in the Athena console.");
  if (!values.bucket) throw new UsageError("--create-table needs --bucket s3://bucket[/prefix] (where the trail delivers).");
  if (!values["org-id"]) throw new UsageError("--create-table needs --org-id o-… (the organization trail's folder under AWSLogs/).");
  try {
    const sql = createTableSql({
      bucket: values.bucket,
      orgId: values["org-id"],
      ...(values.database ? { database: values.database } : {}),
      ...(values.table ? { table: values.table } : {}),
      accounts: list(values.accounts),
      regions: list(values.regions),
      ...(values.since ? { since: values.since } : {}),
    });
    io.stdout(`${sql}\n`);
    return EXIT.pass;
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    throw new UsageError(issues ? issues.map((i) => `--${String(i.path[0])} ${i.message}`).join("; ") : (error as Error).message);
  }
}

export async function correlateWithAthena(values: AthenaValues & { json?: boolean | undefined }, failure: FailedCall, windowMinutes: number, io: CliIo): Promise<number> {
  if (values["create-table"]) return createTable(values, io);
  const table = name("table", values.table, athenaName);
  if (!table) throw new UsageError("--table is required: the Athena table over the trail (see --print-sql --create-table).");
  const database = name("database", values.database, athenaName);
  const workgroup = name("workgroup", values.workgroup, workgroupName);
  if (values.output !== undefined && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/\S*)?$/.test(values.output)) throw new UsageError("--output wants s3://bucket/prefix/ for the query results.");
  let query;
  try {
    query = correlationQuery([failure], { table, ...(database ? { database } : {}), accounts: list(values.accounts), regions: list(values.regions), windowBeforeMs: windowMinutes * 60_000 });
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    throw new UsageError(issues ? issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") : (error as Error).message);
  }
  if (values["print-sql"]) {
    io.stdout(`${query.sql};\n`);
    return EXIT.pass;
  }
  if (!database) throw new UsageError("--athena needs --database (the Glue database the table is in).");
  const timeoutSeconds = values["timeout-seconds"] === undefined ? 300 : Number(values["timeout-seconds"]);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError("--timeout-seconds wants a positive number.");

  const client = athenaClients.create();
  const region = await client.config.region().catch(() => undefined);
  if (!region) {
    client.destroy();
    throw new UsageError("No AWS Region for Athena: set AWS_REGION (or a region in the AWS_PROFILE's config).");
  }
  const endpoint = process.env["AWS_ENDPOINT_URL_ATHENA"] ?? process.env["AWS_ENDPOINT_URL"] ?? `https://athena.${region}.amazonaws.com`;
  const records: Record<string, unknown>[] = [];
  let done: { dataScannedBytes: number; queryExecutionId: string; rows: number; truncated: boolean } | undefined;
  try {
    for await (const m of runAthenaQuery({ client, sql: query.sql, database, ...(values.catalog ? { catalog: values.catalog } : {}), ...(workgroup ? { workgroup } : {}), ...(values.output ? { outputLocation: values.output } : {}), timeoutMs: timeoutSeconds * 1000 }, endpoint)) {
      if (m.type === "started") io.stderr(`Athena query ${m.queryExecutionId} started (${query.days.length} day folder(s), ${query.startTime} – ${query.endTime}).\n`);
      else if (m.type === "progress") io.stderr(`  ${m.state}, ${describeScan(m.dataScannedBytes).split(" (")[0]}, ${(m.elapsedMs / 1000).toFixed(1)} s\n`);
      else if (m.type === "rows") records.push(...m.records);
      else done = m;
    }
  } catch (error) {
    if (error instanceof AthenaQueryError) {
      io.stderr(`${error.message.replace(/\s+/g, " ")}\n`);
      return EXIT_ATHENA;
    }
    throw error;
  } finally {
    client.destroy();
  }
  const { events, malformed } = recordsToEvents(records);
  const verdicts = correlate([failure], events, {
    now: io.now(),
    windowBeforeMs: windowMinutes * 60_000,
    coverage: { startMs: Date.parse(query.startTime), endMs: Date.parse(query.endTime) },
  });
  const scan = done ? describeScan(done.dataScannedBytes) : "";
  if (values.json) {
    io.stdout(`${JSON.stringify({ ...verdictsToJson(verdicts), athena: { queryExecutionId: done?.queryExecutionId, dataScannedBytes: done?.dataScannedBytes, rows: records.length, sql: query.sql } }, null, 2)}\n`);
  } else {
    io.stdout(`Athena: ${records.length} row(s), ${scan}.\n${renderVerdicts(verdicts)}`);
  }
  if (malformed > 0) io.stderr(`Warning: ${malformed} row(s) were not CloudTrail records.\n`);
  if (done?.truncated) io.stderr("Warning: the results were cut short; narrow the window.\n");
  return EXIT.pass;
}
