import { SELECTED_COLUMNS } from "./correlation-query";
import type { AthenaRow } from "./rows";

/**
 * What Athena's CloudTrail table gives back for a record, for tests: JsonSerDe matches JSON keys to
 * the lower-case column names, a STRING column over a JSON object holds that object's JSON text,
 * and GetQueryResults sends every value as VarCharValue, NULL as an empty Datum.
 */

type Obj = Record<string, unknown>;

function lowerKeys(value: unknown): Obj {
  const out: Obj = {};
  if (value && typeof value === "object" && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = v;
  return out;
}

function asVarChar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One record as the values of the query's columns, in order. */
export function columnValues(record: Obj): (string | undefined)[] {
  const top = lowerKeys(record);
  const identity = lowerKeys(top["useridentity"]);
  return SELECTED_COLUMNS.map((column) => asVarChar(column.startsWith("useridentity.") ? identity[column.slice("useridentity.".length)] : top[column]));
}

export function athenaRow(record: Obj): AthenaRow {
  return { Data: columnValues(record).map((v) => (v === undefined ? {} : { VarCharValue: v })) };
}

/** The header row Athena puts first: the result columns' names (a struct field's name alone). */
export function headerRow(): AthenaRow {
  return { Data: SELECTED_COLUMNS.map((c) => ({ VarCharValue: c.split(".").at(-1)! })) };
}
