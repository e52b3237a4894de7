/**
 * Condition operator names (IAM JSON policy elements: Condition operators), split into the set
 * qualifier, the base operator and the ...IfExists suffix, with the per-value comparison for each
 * base operator. The missing-key and multi-value rules live in conditions.ts.
 */
import { ipInCidr } from "./ip";
import { arnLike } from "./arn";
import { globMatch } from "./wildcard";

export type SetQualifier = "ForAnyValue" | "ForAllValues";

export interface ParsedOperator {
  /** As written in the policy. */
  name: string;
  qualifier?: SetQualifier;
  base: BaseOperator;
  ifExists: boolean;
}

type Compare = (contextValue: string, policyValue: string) => boolean;

interface OperatorSpec {
  /** The positive comparison; negated operators are "matches none of the policy values". */
  compare: Compare;
  negated: boolean;
  /** Whether `*` / `?` in policy values are wildcards. */
  wildcards: boolean;
  /** Whether `${...}` policy variables are expanded in policy values. */
  variables: boolean;
}

const num = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
const date = (text: string) => (/^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text));
const numeric = (f: (a: number, b: number) => boolean): Compare => (c, p) => f(num(c), num(p));
const dated = (f: (a: number, b: number) => boolean): Compare => (c, p) => f(date(c), date(p));

const s = (compare: Compare, negated = false, wildcards = false): OperatorSpec => ({ compare, negated, wildcards, variables: true });
const plain = (compare: Compare, negated = false): OperatorSpec => ({ compare, negated, wildcards: false, variables: false });

const exact: Compare = (c, p) => c === p;
const ignoreCase: Compare = (c, p) => c.toLowerCase() === p.toLowerCase();
const like: Compare = (c, p) => globMatch(p, c, false);

const SPECS = {
  StringEquals: s(exact),
  StringNotEquals: s(exact, true),
  StringEqualsIgnoreCase: s(ignoreCase),
  StringNotEqualsIgnoreCase: s(ignoreCase, true),
  StringLike: s(like, false, true),
  StringNotLike: s(like, true, true),
  NumericEquals: plain(numeric((a, b) => a === b)),
  NumericNotEquals: plain(numeric((a, b) => a === b), true),
  NumericLessThan: plain(numeric((a, b) => a < b)),
  NumericLessThanEquals: plain(numeric((a, b) => a <= b)),
  NumericGreaterThan: plain(numeric((a, b) => a > b)),
  NumericGreaterThanEquals: plain(numeric((a, b) => a >= b)),
  DateEquals: plain(dated((a, b) => a === b)),
  DateNotEquals: plain(dated((a, b) => a === b), true),
  DateLessThan: plain(dated((a, b) => a < b)),
  DateLessThanEquals: plain(dated((a, b) => a <= b)),
  DateGreaterThan: plain(dated((a, b) => a > b)),
  DateGreaterThanEquals: plain(dated((a, b) => a >= b)),
  Bool: plain(ignoreCase),
  BinaryEquals: plain(exact),
  IpAddress: plain(ipInCidr),
  NotIpAddress: plain(ipInCidr, true),
  // AWS: ArnEquals and ArnLike behave alike — six colon-separated parts, each with wildcards.
  ArnEquals: s(arnLike, false, true),
  ArnLike: s(arnLike, false, true),
  ArnNotEquals: s(arnLike, true, true),
  ArnNotLike: s(arnLike, true, true),
  // Null is special-cased in conditions.ts: it tests presence, not values.
  Null: plain(ignoreCase),
} satisfies Record<string, OperatorSpec>;

export type BaseOperator = keyof typeof SPECS;

export function operatorSpec(base: BaseOperator): OperatorSpec {
  return SPECS[base];
}

export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let qualifier: SetQualifier | undefined;
  for (const q of ["ForAnyValue", "ForAllValues"] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  const ifExists = rest.endsWith("IfExists") && rest !== "IfExists";
  if (ifExists) rest = rest.slice(0, -"IfExists".length);
  if (!Object.hasOwn(SPECS, rest)) return undefined;
  // AWS rejects Null...IfExists: presence is what Null tests.
  if (rest === "Null" && ifExists) return undefined;
  return { name, base: rest as BaseOperator, ifExists, ...(qualifier ? { qualifier } : {}) };
}

export function isKnownOperator(name: string): boolean {
  return parseOperator(name) !== undefined;
}
