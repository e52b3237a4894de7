import { z } from "zod";

/**
 * SQL text built from values a user typed (identity ids, access keys, role ARNs, database names).
 * Two layers: every value is first checked against the shape AWS gives it (zod, below) so that
 * nothing unexpected reaches the SQL at all, and then written as a string literal with its single
 * quotes doubled — the only escape an ANSI / Trino string literal has (Athena's DML is Trino:
 * https://docs.aws.amazon.com/athena/latest/ug/select.html; Trino's string literal syntax:
 * https://trino.io/docs/current/language/types.html#varchar "a single quote … escaped with
 * another single quote"). Backslashes carry no meaning there, so they need no escape.
 */

/** `'it''s'`. Refuses characters a trail id never has and a console paste could hide (NUL, controls). */
export function sqlString(value: string): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error("A value for the query contains a control character.");
  return `'${value.replace(/'/g, "''")}'`;
}

/** `IN ('a', 'b')` — callers pass a non-empty list. */
export function sqlStringList(values: readonly string[]): string {
  if (values.length === 0) throw new Error("An IN list needs at least one value.");
  return `(${values.map(sqlString).join(", ")})`;
}

/**
 * A LIKE pattern made of fixed text with `%` wildcards only where the builder puts them. The
 * fixed parts must hold no `%` or `_` (LIKE's wildcards); the id schemas below already exclude
 * them, and this throws rather than emit an ESCAPE clause the query subset does not use.
 */
export function sqlLikePattern(parts: readonly (string | typeof ANY)[]): string {
  const text = parts
    .map((part) => {
      if (part === ANY) return "%";
      if (/[%_]/.test(part)) throw new Error("A LIKE pattern's fixed text cannot contain % or _.");
      return part;
    })
    .join("");
  return sqlString(text);
}
export const ANY = Symbol("any characters");

/**
 * Athena's names for databases, tables and workgroups: lower-case letters, digits and
 * underscores for databases and tables ("Names for tables, databases, and columns",
 * https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html — "acceptable
 * characters … lowercase letters, numbers, and the underscore character"); the console also
 * accepts upper case and folds it, so upper case is accepted and folded here. Hyphens need
 * backquotes in DDL and double quotes in DML, which is exactly what `sqlIdentifier` writes.
 */
export const athenaName = z
  .string()
  .min(1, "is empty")
  .max(255, "is longer than 255 characters")
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/, "may hold letters, digits, _ and - only")
  .transform((name) => name.toLowerCase());

/** Workgroup names: "A-Z, a-z, 0-9, _ (underscore), . (dot), and - (hyphen)", 1–128 (Athena API, CreateWorkGroup Name). */
export const workgroupName = z.string().regex(/^[a-zA-Z0-9._-]{1,128}$/, "may hold letters, digits, ., _ and - only (1–128)");

/** `"name"` for DML (Trino quotes identifiers with double quotes). Only for names `athenaName` accepted. */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z0-9_][a-z0-9_-]*$/.test(name)) throw new Error(`"${name}" is not an Athena table or database name.`);
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`;
}

/** Identity ids and identity pool ids: `{region}:{uuid}` (Cognito Identity API reference, IdentityId / IdentityPoolId pattern `[\w-]+:[0-9a-f-]+`). */
export const identityIdSchema = z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-\d+:[0-9a-f-]{36}$/, "must look like us-east-1:0c8b1f5e-…");
export const identityPoolIdSchema = identityIdSchema;
/** Access key ids: 16–128 upper-case letters and digits (IAM API reference, AccessKeyIdType: pattern [\w]+, length 16–128; AWS issues AKIA…/ASIA…). */
export const accessKeyIdSchema = z.string().regex(/^[A-Z0-9]{16,128}$/, "must be 16–128 upper-case letters or digits (AKIA… or ASIA…)");
/** Role ARNs (IAM API reference, arnType / Role ARN: arn:partition:iam::account:role/path/name; names [\w+=,.@-]). */
export const roleArnSchema = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be a role ARN, arn:aws:iam::111122223333:role/Name");
export const accountIdSchema = z.string().regex(/^\d{12}$/, "must be a 12-digit account id");
export const regionSchema = z.string().regex(/^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/, "must look like us-east-1");
/** AWS Organizations ids: "o-" then 10–32 lower-case letters or digits (Organizations API reference, Organization Id pattern ^o-[a-z0-9]{10,32}$). */
export const orgIdSchema = z.string().regex(/^o-[a-z0-9]{10,32}$/, "must look like o-a1b2c3d4e5");
