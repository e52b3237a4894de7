import { z } from "zod";
import { dayFoldersFor } from "../s3-layout";
import { COGNITO_IDENTITY_PROVIDER, WEB_IDENTITY_EVENT, type FailedCall } from "../types";
import { accessKeyIdSchema, accountIdSchema, ANY, athenaName, identityIdSchema, identityPoolIdSchema, regionSchema, roleArnSchema, sqlIdentifier, sqlLikePattern, sqlString, sqlStringList } from "./sql-literal";

/**
 * The Athena query that fetches what correlation needs for failed calls, from an organization
 * trail's table (create-table.ts): AssumeRoleWithWebIdentity (management event, logged in the
 * role's account), cognito-identity GetId / GetCredentialsForIdentity and bedrock-agentcore
 * InvokeAgentRuntime (data events, only in trails that log them).
 *
 * Cost is bytes scanned, and Athena reads whole files of the partitions a query selects, so the
 * query is bounded first by partition predicates — `"timestamp"` IN the day folders the window's
 * files can be in (dayFoldersFor, which allows for late delivery), and `account` / `region` IN the
 * lists given — and only then by `eventtime` and the ids ("Partitioning data in Athena",
 * https://docs.aws.amazon.com/athena/latest/ug/partitions.html; "Partition projection … Athena
 * … only reads the partitions the query's WHERE names",
 * https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html).
 *
 * The SQL keeps to a small subset (plain columns, `useridentity.<field>`, `json_extract_scalar`,
 * =, IN, BETWEEN-free >=/<=, LIKE without ESCAPE, AND/OR, ORDER BY eventtime, LIMIT) that any engine
 * running Athena's dialect answers alike. `eventtime` is CloudTrail's ISO string
 * (`2025-02-24T14:15:12Z`, "CloudTrail record contents",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html),
 * so time bounds are string comparisons with bounds written in that same form.
 * `requestparameters` / `responseelements` are JSON strings in AWS's table, hence
 * json_extract_scalar (https://docs.aws.amazon.com/athena/latest/ug/extracting-data-from-JSON.html).
 * `timestamp` is double-quoted: it is also a type keyword, and double quotes are the DML identifier
 * quote ("Reserved keywords", https://docs.aws.amazon.com/athena/latest/ug/reserved-words.html).
 */

/** Columns in the order the query selects them; rows.ts reads results by this order. */
export const SELECTED_COLUMNS = [
  "eventversion",
  "eventid",
  "eventtime",
  "eventsource",
  "eventname",
  "awsregion",
  "recipientaccountid",
  "eventtype",
  "readonly",
  "errorcode",
  "errormessage",
  "sourceipaddress",
  "useragent",
  "requestid",
  "requestparameters",
  "responseelements",
  "additionaleventdata",
  // GetQueryResults renders a struct as `{type=…, principalid=…}`, which is not JSON and cannot be
  // read back safely ("Query ROW/STRUCT data", https://docs.aws.amazon.com/athena/latest/ug/rows-and-structs.html):
  // each field is selected on its own instead.
  "useridentity.type",
  "useridentity.principalid",
  "useridentity.arn",
  "useridentity.accountid",
  "useridentity.accesskeyid",
  "useridentity.username",
  "useridentity.invokedby",
] as const;
export type SelectedColumn = (typeof SELECTED_COLUMNS)[number];

/** The events correlation reads, by the service that logs them. */
export const EVENT_GROUPS = [
  // STS logs AssumeRoleWithWebIdentity in the role's account (CloudTrail userguide, "Logging IAM and AWS STS API calls with AWS CloudTrail").
  { source: "sts.amazonaws.com", names: [WEB_IDENTITY_EVENT] },
  // Data events ("Logging data events", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html:
  // AWS::Cognito::IdentityPool and AWS::BedrockAgentCore::Runtime resource types).
  { source: COGNITO_IDENTITY_PROVIDER, names: ["GetId", "GetCredentialsForIdentity"] },
  { source: "bedrock-agentcore.amazonaws.com", names: ["InvokeAgentRuntime"] },
] as const;

/** How far back credentials may have been issued and still be in use: AssumeRoleWithWebIdentity's longest session is 12 hours (STS API reference, DurationSeconds "up to the maximum session duration … 43200 seconds (12 hours)"). */
export const DEFAULT_KEY_LOOKBACK_MS = 12 * 60 * 60_000;
const DEFAULT_WINDOW_BEFORE_MS = 15 * 60_000;
const DEFAULT_WINDOW_AFTER_MS = 60_000;
/** Enough for a busy identity's hours; more means the window or ids are too loose. */
export const DEFAULT_ROW_LIMIT = 5000;

const failureSchema = z.object({
  at: z.iso.datetime({ offset: true, error: "at must be an ISO 8601 time" }),
  identityId: identityIdSchema.optional(),
  identityPoolId: identityPoolIdSchema.optional(),
  accessKeyId: accessKeyIdSchema.optional(),
  expectedRoleArn: roleArnSchema.optional(),
});

export const correlationQueryOptionsSchema = z.strictObject({
  database: athenaName.optional(),
  table: athenaName,
  accounts: z.array(accountIdSchema).max(1000).default([]),
  regions: z.array(regionSchema).max(60).default([]),
  windowBeforeMs: z.number().int().positive().max(90 * 24 * 3600_000).default(DEFAULT_WINDOW_BEFORE_MS),
  windowAfterMs: z.number().int().nonnegative().max(24 * 3600_000).default(DEFAULT_WINDOW_AFTER_MS),
  keyLookbackMs: z.number().int().nonnegative().max(7 * 24 * 3600_000).default(DEFAULT_KEY_LOOKBACK_MS),
  limit: z.number().int().positive().max(100_000).default(DEFAULT_ROW_LIMIT),
});
export type CorrelationQueryOptions = z.input<typeof correlationQueryOptionsSchema>;

export interface CorrelationQuery {
  sql: string;
  /** The day folders the query reads (partition `timestamp` values). */
  days: string[];
  /** The eventtime range the query spans, as ISO strings. */
  startTime: string;
  endTime: string;
}

/** `2025-02-24T14:15:12Z`: CloudTrail's eventTime form, so string order is time order. */
export function trailTime(ms: number, round: "floor" | "ceil"): string {
  const seconds = round === "floor" ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const json = (column: "requestparameters" | "responseelements", path: string) => `json_extract_scalar(${column}, ${sqlString(path)})`;
const anyOf = (conditions: string[]) => (conditions.length === 1 ? conditions[0]! : `(${conditions.join(" OR ")})`);
const PRINCIPAL_PREFIX = `${COGNITO_IDENTITY_PROVIDER}:`;

/** What ties an event to the call's identity — mirrors correlate.ts: identity id, else pool, else role. */
function identityConditions(f: z.infer<typeof failureSchema>): string[] {
  if (f.identityId) {
    return [
      // AssumeRoleWithWebIdentity: userName and subjectFromWebIdentityToken are the identity id, principalId ends with it.
      `useridentity.username = ${sqlString(f.identityId)}`,
      `${json("responseelements", "$.subjectFromWebIdentityToken")} = ${sqlString(f.identityId)}`,
      `useridentity.principalid LIKE ${sqlLikePattern([PRINCIPAL_PREFIX, ANY, `:${f.identityId}`])}`,
      // unconfirmed: GetCredentialsForIdentity's requestParameters and GetId's responseElements are
      // assumed to carry the API's IdentityId as `identityId` (CloudTrail's camelCase of the
      // Cognito Identity API reference's request and response fields); no public record confirms it.
      `${json("requestparameters", "$.identityId")} = ${sqlString(f.identityId)}`,
      `${json("responseelements", "$.identityId")} = ${sqlString(f.identityId)}`,
    ];
  }
  if (f.identityPoolId) {
    return [
      `${json("responseelements", "$.audience")} = ${sqlString(f.identityPoolId)}`,
      `useridentity.principalid LIKE ${sqlLikePattern([`${PRINCIPAL_PREFIX}${f.identityPoolId}:`, ANY])}`,
      // unconfirmed, as above: GetId's requestParameters.identityPoolId.
      `${json("requestparameters", "$.identityPoolId")} = ${sqlString(f.identityPoolId)}`,
    ];
  }
  if (f.expectedRoleArn) return [`${json("requestparameters", "$.roleArn")} = ${sqlString(f.expectedRoleArn)}`];
  return [];
}

/** The key issued (STS's responseElements.credentials.accessKeyId) or the key that signed the call (userIdentity.accessKeyId). */
function keyConditions(accessKeyId: string): string[] {
  return [`${json("responseelements", "$.credentials.accessKeyId")} = ${sqlString(accessKeyId)}`, `useridentity.accesskeyid = ${sqlString(accessKeyId)}`];
}

export function correlationQuery(failures: readonly FailedCall[], input: CorrelationQueryOptions): CorrelationQuery {
  const o = correlationQueryOptionsSchema.parse(input);
  if (failures.length === 0) throw new Error("No failed call to build a query for.");
  const calls = failures.map((f, i) => {
    const parsed = failureSchema.safeParse({ at: f.at, identityId: f.identityId, identityPoolId: f.identityPoolId, accessKeyId: f.accessKeyId, expectedRoleArn: f.expectedRoleArn });
    if (!parsed.success) throw new Error(`Failed call ${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
    return parsed.data;
  });

  const windows = calls.map((f) => {
    const atMs = Date.parse(f.at);
    return { f, startMs: atMs - o.windowBeforeMs, keyStartMs: f.accessKeyId ? Math.min(atMs - o.keyLookbackMs, atMs - o.windowBeforeMs) : atMs - o.windowBeforeMs, endMs: atMs + o.windowAfterMs };
  });
  const startMs = Math.min(...windows.map((w) => w.keyStartMs));
  const endMs = Math.max(...windows.map((w) => w.endMs));
  // Each call's window alone: calls hours apart must not read every day in between.
  const days = [...new Set(windows.flatMap((w) => dayFoldersFor({ startMs: w.keyStartMs, endMs: w.endMs })))].sort();

  const perCall = windows.flatMap((w) => {
    const inWindow = `eventtime >= ${sqlString(trailTime(w.startMs, "floor"))} AND eventtime <= ${sqlString(trailTime(w.endMs, "ceil"))}`;
    const ids = identityConditions(w.f);
    const clauses = [ids.length > 0 ? `(${inWindow} AND ${anyOf(ids)})` : `(${inWindow})`];
    if (w.f.accessKeyId) {
      clauses.push(`(eventtime >= ${sqlString(trailTime(w.keyStartMs, "floor"))} AND eventtime <= ${sqlString(trailTime(w.endMs, "ceil"))} AND ${anyOf(keyConditions(w.f.accessKeyId))})`);
    }
    return clauses;
  });
  const events = EVENT_GROUPS.map((g) => `(eventsource = ${sqlString(g.source)} AND ${g.names.length === 1 ? `eventname = ${sqlString(g.names[0]!)}` : `eventname IN ${sqlStringList(g.names)}`})`);

  const from = o.database ? `${sqlIdentifier(o.database)}.${sqlIdentifier(o.table)}` : sqlIdentifier(o.table);
  const where = [
    `"timestamp" IN ${sqlStringList(days)}`,
    ...(o.accounts.length > 0 ? [`account IN ${sqlStringList(o.accounts)}`] : []),
    ...(o.regions.length > 0 ? [`region IN ${sqlStringList(o.regions)}`] : []),
    `eventtime >= ${sqlString(trailTime(startMs, "floor"))}`,
    `eventtime <= ${sqlString(trailTime(endMs, "ceil"))}`,
    `(\n    ${events.join("\n    OR ")}\n  )`,
    `(\n    ${perCall.join("\n    OR ")}\n  )`,
  ];
  const sql = [`SELECT ${SELECTED_COLUMNS.join(", ")}`, `FROM ${from}`, `WHERE ${where.join("\n  AND ")}`, "ORDER BY eventtime", `LIMIT ${o.limit}`].join("\n");
  return { sql, days, startTime: trailTime(startMs, "floor"), endTime: trailTime(endMs, "ceil") };
}
