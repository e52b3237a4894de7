import { normalizeRecord } from "../normalize";
import type { TrailEvent } from "../types";
import { SELECTED_COLUMNS, type SelectedColumn } from "./correlation-query";

/**
 * GetQueryResults rows → CloudTrail records → TrailEvents, so an Athena answer goes through the
 * same normalizeRecord (and so the same correlation) as a log file.
 *
 * Result shape (Athena API reference, GetQueryResults / ResultSet / Row / Datum,
 * https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html): `Rows[].Data[]`
 * with `VarCharValue` strings; for a SELECT the first row of the first page holds the column
 * names; a NULL comes back as a Datum without VarCharValue.
 */

export interface AthenaDatum {
  VarCharValue?: string | undefined;
}
export interface AthenaRow {
  Data?: AthenaDatum[] | undefined;
}

type Obj = Record<string, unknown>;

/** CloudTrail's own names for the columns Athena lower-cases (CloudTrail record contents). */
const RECORD_FIELD: Record<Exclude<SelectedColumn, `useridentity.${string}`>, string> = {
  eventversion: "eventVersion",
  eventid: "eventID",
  eventtime: "eventTime",
  eventsource: "eventSource",
  eventname: "eventName",
  awsregion: "awsRegion",
  recipientaccountid: "recipientAccountId",
  eventtype: "eventType",
  readonly: "readOnly",
  errorcode: "errorCode",
  errormessage: "errorMessage",
  sourceipaddress: "sourceIPAddress",
  useragent: "userAgent",
  requestid: "requestID",
  requestparameters: "requestParameters",
  responseelements: "responseElements",
  additionaleventdata: "additionalEventData",
};
const IDENTITY_FIELD: Record<string, string> = {
  type: "type",
  principalid: "principalId",
  arn: "arn",
  accountid: "accountId",
  accesskeyid: "accessKeyId",
  username: "userName",
  invokedby: "invokedBy",
};
const JSON_COLUMNS = new Set<SelectedColumn>(["requestparameters", "responseelements", "additionaleventdata"]);

/** A JSON string column back to its value; text that is not JSON stays text (as the record would show it). */
function fromJsonColumn(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One result row (values in SELECTED_COLUMNS order) → the CloudTrail record it came from, NULLs left out. */
export function rowToRecord(values: readonly (string | undefined)[]): Obj {
  const record: Obj = {};
  const identity: Obj = {};
  SELECTED_COLUMNS.forEach((column, i) => {
    const value = values[i];
    if (value === undefined) return;
    if (column.startsWith("useridentity.")) {
      const field = IDENTITY_FIELD[column.slice("useridentity.".length)];
      if (field) identity[field] = value;
      return;
    }
    const name = RECORD_FIELD[column as keyof typeof RECORD_FIELD];
    // readOnly is a boolean in the record, a STRING column in AWS's table.
    if (column === "readonly") record[name] = value === "true" ? true : value === "false" ? false : value;
    else record[name] = JSON_COLUMNS.has(column) ? fromJsonColumn(value) : value;
  });
  if (Object.keys(identity).length > 0) record["userIdentity"] = identity;
  return record;
}

export class ResultShapeError extends Error {
  override readonly name = "ResultShapeError";
}

/**
 * Reads rows of one GetQueryResults page. `header`: the first page, whose first row is the
 * column names — checked against what the query selected, so a table with other columns (or a
 * query edited by hand) is named rather than read shifted.
 */
export function rowsToRecords(rows: readonly AthenaRow[], header: boolean): Obj[] {
  let body = rows;
  if (header) {
    const names = (rows[0]?.Data ?? []).map((d) => d.VarCharValue ?? "");
    if (names.length !== SELECTED_COLUMNS.length) {
      throw new ResultShapeError(`The query answered ${names.length} column(s); ${SELECTED_COLUMNS.length} were selected (${SELECTED_COLUMNS.join(", ")}).`);
    }
    body = rows.slice(1);
  }
  return body.map((row) => rowToRecord((row.Data ?? []).map((d) => d.VarCharValue)));
}

export interface MappedRows {
  events: TrailEvent[];
  malformed: number;
}

/** Records → TrailEvents with the file parser's normalizer; rows it refuses are counted, not fatal. */
export function recordsToEvents(records: readonly Obj[]): MappedRows {
  const events: TrailEvent[] = [];
  let malformed = 0;
  for (const record of records) {
    const normalized = normalizeRecord(record);
    if (normalized.ok) events.push(normalized.event);
    else malformed++;
  }
  return { events, malformed };
}
