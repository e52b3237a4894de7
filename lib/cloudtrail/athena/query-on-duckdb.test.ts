import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correlate } from "../correlate";
import { normalizeRecord } from "../normalize";
import { dayFolder } from "../s3-layout";
import { SEED_001, seed001Record } from "../test-support/seed-001";
import { otherRecord, webIdentityRecord } from "../test-support/records";
import type { FailedCall } from "../types";
import { correlationQuery } from "./correlation-query";
import { recordsToEvents, rowsToRecords } from "./rows";
import { athenaRow, columnValues, headerRow } from "./test-support";

/**
 * The generated SQL run for real on an embedded engine over a table shaped like AWS's (lower-case
 * columns, JSON strings, a useridentity struct, account/region/timestamp partitions), with
 * json_extract_scalar defined as DuckDB's json_extract_string. It shows the query parses, that its
 * partition and id predicates keep the right rows, and that the rows make the same verdicts as the
 * records they came from.
 */

type Obj = Record<string, unknown>;
let db: DuckDBInstance;
let c: DuckDBConnection;

const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const OTHER_IDENTITY = "ap-northeast-1:99999999-8888-7777-6666-555555555555";

function cognitoRecord(name: "GetId" | "GetCredentialsForIdentity", time: string, identityId: string): Obj {
  return {
    eventVersion: "1.08",
    userIdentity: { type: "Unknown", principalId: "Unknown" },
    eventTime: time,
    eventSource: "cognito-identity.amazonaws.com",
    eventName: name,
    awsRegion: "ap-northeast-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "aws-sdk-js/3",
    requestParameters: name === "GetId" ? { identityPoolId: SEED_001.identityPoolId } : { identityId },
    responseElements: { identityId },
    eventID: `${name}-${time}-${identityId.slice(-4)}`,
    readOnly: false,
    eventType: "AwsApiCall",
    recipientAccountId: OTHER_ACCOUNT,
  };
}

interface Stored {
  record: Obj;
  account: string;
  region: string;
}

async function load(rows: Stored[]) {
  await c.run("DROP TABLE IF EXISTS cloudtrail_logs");
  await c.run(`CREATE TABLE cloudtrail_logs (eventversion VARCHAR, eventid VARCHAR, eventtime VARCHAR, eventsource VARCHAR, eventname VARCHAR, awsregion VARCHAR,
    recipientaccountid VARCHAR, eventtype VARCHAR, readonly VARCHAR, errorcode VARCHAR, errormessage VARCHAR, sourceipaddress VARCHAR, useragent VARCHAR, requestid VARCHAR,
    requestparameters VARCHAR, responseelements VARCHAR, additionaleventdata VARCHAR,
    useridentity STRUCT(type VARCHAR, principalid VARCHAR, arn VARCHAR, accountid VARCHAR, accesskeyid VARCHAR, username VARCHAR, invokedby VARCHAR),
    account VARCHAR, region VARCHAR, "timestamp" VARCHAR)`);
  for (const { record, account, region } of rows) {
    const v = columnValues(record);
    const flat = v.slice(0, 17);
    const identity = v.slice(17);
    const day = dayFolder(Date.parse(String(record["eventTime"])));
    const params = [...flat, ...identity, account, region, day].map((x) => (x === undefined ? null : x));
    const marks = (n: number, from: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");
    await c.run(`INSERT INTO cloudtrail_logs VALUES (${marks(17, 1)}, {'type': $18, 'principalid': $19, 'arn': $20, 'accountid': $21, 'accesskeyid': $22, 'username': $23, 'invokedby': $24}, $25, $26, $27)`, params);
  }
}

async function query(sql: string) {
  const reader = await c.runAndReadAll(sql);
  const names = reader.columnNames();
  const rows = reader.getRows().map((row) => ({ Data: row.map((value) => (value === null ? {} : { VarCharValue: String(value) })) }));
  return [{ Data: names.map((n) => ({ VarCharValue: n })) }, ...rows];
}

beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  c = await db.connect();
  await c.run("CREATE MACRO json_extract_scalar(j, p) AS json_extract_string(j, p)");
});
afterAll(() => c.closeSync());

const seedCall: FailedCall = { at: "2025-02-24T14:15:40Z", identityId: SEED_001.identityId, accessKeyId: SEED_001.accessKeyId, expectedRoleArn: SEED_001.roleArn };

describe("the correlation query on an engine", () => {
  it("keeps the call's own events — across accounts, data events included — and nothing else", async () => {
    await load([
      { record: seed001Record(), account: ACCOUNT, region: "ap-northeast-1" },
      { record: cognitoRecord("GetId", "2025-02-24T14:14:58Z", SEED_001.identityId), account: OTHER_ACCOUNT, region: "ap-northeast-1" },
      { record: cognitoRecord("GetCredentialsForIdentity", "2025-02-24T14:14:59Z", SEED_001.identityId), account: OTHER_ACCOUNT, region: "ap-northeast-1" },
      { record: cognitoRecord("GetCredentialsForIdentity", "2025-02-24T14:15:00Z", OTHER_IDENTITY), account: OTHER_ACCOUNT, region: "ap-northeast-1" },
      { record: webIdentityRecord({ time: "2025-02-24T14:15:01Z", identityId: OTHER_IDENTITY }), account: ACCOUNT, region: "ap-northeast-1" },
      { record: otherRecord("2025-02-24T14:15:02Z"), account: ACCOUNT, region: "ap-northeast-1" },
      // Same identity, far outside the window: not read.
      { record: webIdentityRecord({ time: "2025-02-20T09:00:00Z", identityId: SEED_001.identityId }), account: ACCOUNT, region: "ap-northeast-1" },
    ]);
    const { sql, days } = correlationQuery([seedCall], { table: "cloudtrail_logs" });
    expect(days).toEqual(["2025/02/24", "2025/02/25"]);
    const rows = await query(sql);
    const records = rowsToRecords(rows, true);
    expect(records.map((r) => r["eventName"])).toEqual(["GetId", "GetCredentialsForIdentity", "AssumeRoleWithWebIdentity"]);
    expect(records.map((r) => r["recipientAccountId"])).toEqual([OTHER_ACCOUNT, OTHER_ACCOUNT, ACCOUNT]);
  });

  it("gives the same verdict from Athena's rows as from the log file's records", async () => {
    const file = [seed001Record(), webIdentityRecord({ time: "2025-02-24T14:15:01Z", identityId: OTHER_IDENTITY }), otherRecord("2025-02-24T14:15:02Z")];
    await load(file.map((record) => ({ record, account: ACCOUNT, region: "ap-northeast-1" })));
    const fromFile = file.map((r) => normalizeRecord(r)).flatMap((n) => (n.ok ? [n.event] : []));
    const fromAthena = recordsToEvents(rowsToRecords(await query(correlationQuery([seedCall], { table: "cloudtrail_logs" }).sql), true)).events;
    const ctx = { now: Date.parse("2025-03-01T00:00:00Z") };
    const [a] = correlate([seedCall], fromFile, ctx);
    const [b] = correlate([seedCall], fromAthena, ctx);
    expect(b!.verdict).toBe("assumed");
    expect({ verdict: b!.verdict, headline: b!.headline, explanation: b!.explanation, notes: b!.notes }).toEqual({ verdict: a!.verdict, headline: a!.headline, explanation: a!.explanation, notes: a!.notes });
    expect(b!.evidence.map((e) => [e.event.eventId, e.relation, e.highlights])).toEqual(a!.evidence.map((e) => [e.event.eventId, e.relation, e.highlights]));
  });

  it("finds a refusal by identity id alone, and prunes by account and Region", async () => {
    const refused = webIdentityRecord({ time: "2025-02-24T14:15:30Z", identityId: SEED_001.identityId, errorCode: "AccessDenied" });
    await load([
      { record: refused, account: ACCOUNT, region: "ap-northeast-1" },
      { record: webIdentityRecord({ time: "2025-02-24T14:15:31Z", identityId: SEED_001.identityId }), account: OTHER_ACCOUNT, region: "us-east-1" },
    ]);
    const call: FailedCall = { at: "2025-02-24T14:15:40Z", identityId: SEED_001.identityId };
    const all = rowsToRecords(await query(correlationQuery([call], { table: "cloudtrail_logs" }).sql), true);
    expect(all).toHaveLength(2);
    const pruned = rowsToRecords(await query(correlationQuery([call], { table: "cloudtrail_logs", accounts: [ACCOUNT], regions: ["ap-northeast-1"] }).sql), true);
    expect(pruned).toHaveLength(1);
    const [verdict] = correlate([call], recordsToEvents(pruned).events);
    expect(verdict!.verdict).toBe("refused");
  });

  it("finds credentials issued hours before the call by the key they handed out", async () => {
    const early = webIdentityRecord({ time: "2025-02-24T08:00:00Z", identityId: SEED_001.identityId, accessKeyId: "ASIAEARLYISSUEDKEY01" });
    await load([{ record: early, account: ACCOUNT, region: "ap-northeast-1" }]);
    const call: FailedCall = { at: "2025-02-24T14:15:40Z", identityId: SEED_001.identityId, accessKeyId: "ASIAEARLYISSUEDKEY01" };
    const records = rowsToRecords(await query(correlationQuery([call], { table: "cloudtrail_logs" }).sql), true);
    expect(records).toHaveLength(1);
    const [verdict] = correlate([call], recordsToEvents(records).events);
    expect(verdict!.evidence[0]!.relation).toBe("issued-these-credentials");
  });

  it("maps an Athena page (header first, NULLs as empty Datums) back to records", () => {
    const record = seed001Record();
    const records = rowsToRecords([headerRow(), athenaRow(record)], true);
    expect(records[0]!["eventName"]).toBe("AssumeRoleWithWebIdentity");
    expect((records[0]!["userIdentity"] as Obj)["userName"]).toBe(SEED_001.identityId);
    expect(rowsToRecords([athenaRow(record)], false)).toHaveLength(1);
  });
});
