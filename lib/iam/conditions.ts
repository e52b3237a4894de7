/**
 * The Condition element, with AWS's documented rules:
 * - operators AND together, keys within an operator AND together, values for one key OR together
 *   (NOR for negated operators) — "Conditions with multiple context keys or values";
 * - a key absent from the request makes an operator false, a negated operator true, …IfExists
 *   true, and Null tests presence itself — "Condition operators" (Important box);
 * - ForAllValues holds when every request value matches (and when there are none);
 *   ForAnyValue needs at least one match — "Single-valued vs. multivalued context keys".
 * A multi-valued key under a plain operator is undocumented; it is treated as ForAnyValue and the
 * explanation says so.
 */
import { arnPartsMatch } from "./arn";
import { contextValues, type ContextValues } from "./context";
import { operatorSpec, parseOperator, type ParsedOperator } from "./operators";
import type { ConditionBlock } from "./schema";
import { expandPattern } from "./variables";
import { partsMatch, partsToLiteral, type PatternPart } from "./wildcard";

export interface ConditionResult {
  operator: string;
  key: string;
  policyValues: string[];
  /** Request values for the key; undefined when the key is absent. */
  requestValues?: readonly string[];
  holds: boolean;
  why: string;
}

export function evaluateConditions(
  block: ConditionBlock | undefined,
  context: ContextValues,
  variables: boolean,
): { holds: boolean; results: ConditionResult[] } {
  const results: ConditionResult[] = [];
  for (const [name, keys] of Object.entries(block ?? {})) {
    for (const [key, raw] of Object.entries(keys)) {
      const policyValues = (Array.isArray(raw) ? raw : [raw]).map(String);
      results.push(evaluateOne(name, key, policyValues, context, variables));
    }
  }
  return { holds: results.every((r) => r.holds), results };
}

function evaluateOne(
  name: string,
  key: string,
  policyValues: string[],
  context: ContextValues,
  variables: boolean,
): ConditionResult {
  const values = contextValues(context, key);
  const base = { operator: name, key, policyValues, ...(values ? { requestValues: values } : {}) };
  const result = (holds: boolean, why: string): ConditionResult => ({ ...base, holds, why: `${name} ${key}: ${why}` });
  const op = parseOperator(name);
  if (!op) return result(false, "unknown operator, the statement cannot apply");

  if (op.base === "Null") {
    const present = values !== undefined;
    const holds = policyValues.some((p) => (p.toLowerCase() === "true" ? !present : p.toLowerCase() === "false" && present));
    return result(holds, `key is ${present ? "present" : "absent"}, policy wants Null=${list(policyValues)}`);
  }

  const spec = operatorSpec(op.base);
  if (values === undefined) {
    if (op.ifExists) return result(true, "key absent from the request, …IfExists holds");
    if (op.qualifier === "ForAllValues") return result(true, "key absent (no values), ForAllValues holds vacuously");
    if (op.qualifier === "ForAnyValue") return result(false, "key absent (no values), ForAnyValue needs one match");
    return spec.negated
      ? result(true, "key absent from the request, a negated operator holds")
      : result(false, "key absent from the request");
  }

  const patterns: PatternPart[][] = [];
  for (const value of policyValues) {
    const expanded = expandPattern(value, context, { variables: variables && spec.variables, wildcards: spec.wildcards });
    if (!expanded.ok) return result(false, `policy variable ${expanded.unresolved} has no value in the request`);
    patterns.push(expanded.parts);
  }
  const positive = (v: string) => patterns.some((parts) => matchOne(op, v, parts));
  const single = (v: string) => (spec.negated ? !positive(v) : positive(v));

  let holds: boolean;
  let how: string;
  if (op.qualifier === "ForAnyValue") {
    holds = values.some(single);
    how = holds ? "at least one request value matches" : "no request value matches";
  } else if (op.qualifier === "ForAllValues") {
    holds = values.every(single);
    how = holds ? "every request value matches" : `${list(values.filter((v) => !single(v)))} does not match`;
  } else if (values.length === 1) {
    holds = single(values[0]!);
    how = holds ? "matches" : "does not match";
  } else {
    holds = spec.negated ? !values.some(positive) : values.some(positive);
    how = `${holds ? "matches" : "does not match"} (multi-valued key without ForAnyValue/ForAllValues; read as ForAnyValue)`;
  }
  return result(holds, `request ${list(values)} ${how} policy ${list(policyValues)}`);
}

function matchOne(op: ParsedOperator, value: string, parts: PatternPart[]): boolean {
  if (op.base.startsWith("Arn")) return arnPartsMatch(parts, value);
  const spec = operatorSpec(op.base);
  if (spec.wildcards) return partsMatch(parts, value, false);
  return spec.compare(value, partsToLiteral(parts));
}

function list(values: readonly string[]): string {
  return values.length === 1 ? `'${values[0]}'` : `[${values.map((v) => `'${v}'`).join(", ")}]`;
}
