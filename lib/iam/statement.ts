/**
 * Does one statement apply to a request? Principal, action, resource and conditions are checked
 * and each failure is put into words, so the dashboard can say which element kept it from applying.
 */
import { arnPartsMatch } from "./arn";
import { evaluateConditions, type ConditionResult } from "./conditions";
import type { ContextValues } from "./context";
import { describePrincipal, principalMatches, type RequestPrincipal } from "./principal";
import type { PolicyStatement } from "./schema";
import { expandPattern } from "./variables";
import { globMatch } from "./wildcard";

interface StatementInput {
  action: string;
  resource: string;
  principal?: RequestPrincipal;
  context: ContextValues;
  /** Version 2012-10-17 policies expand `${…}` variables; 2008-10-17 ones do not. */
  variables: boolean;
}

/** The statement element that kept a statement from applying. */
export type StatementElement = "principal" | "action" | "resource" | "condition";

interface StatementMatch {
  matched: boolean;
  why: string;
  /** Each element that did not match, in the order checked; empty when the statement applies. */
  failedOn: StatementElement[];
  conditions: ConditionResult[];
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

export function matchStatement(statement: PolicyStatement, input: StatementInput): StatementMatch {
  const reasons: string[] = [];
  const failures: string[] = [];
  const failedOn: StatementElement[] = [];
  let element: StatementElement = "principal";
  const note = (ok: boolean, text: string) => {
    (ok ? reasons : failures).push(text);
    if (!ok && !failedOn.includes(element)) failedOn.push(element);
  };

  if (statement.Principal !== undefined || statement.NotPrincipal !== undefined) {
    const not = statement.Principal === undefined;
    const policy = (statement.Principal ?? statement.NotPrincipal)!;
    if (!input.principal) {
      note(false, `${not ? "NotPrincipal" : "Principal"} is set but the request has no principal`);
    } else {
      const { matches, matchedBy } = principalMatches(policy, input.principal);
      const who = describePrincipal(input.principal);
      if (not) note(!matches, matches ? `${who} is excluded by NotPrincipal (${matchedBy})` : `${who} is not in NotPrincipal`);
      else note(matches, matches ? `${who} matches Principal (${matchedBy})` : `${who} is not in Principal`);
    }
  }

  // Action names are case-insensitive (service prefix and action alike).
  element = "action";
  const actionPatterns = asList(statement.Action ?? statement.NotAction ?? []);
  const actionHit = actionPatterns.find((p) => globMatch(p, input.action, true));
  const action = input.action;
  if (statement.Action !== undefined) {
    if (actionHit) note(true, `action ${action} matches '${actionHit}'`);
    else note(false, `action ${action} is not in Action ${show(actionPatterns)}`);
  } else {
    if (actionHit) note(false, `action ${action} is excluded by NotAction '${actionHit}'`);
    else note(true, `action ${action} is not in NotAction`);
  }

  element = "resource";
  if (statement.Resource !== undefined || statement.NotResource !== undefined) {
    const not = statement.Resource === undefined;
    const patterns = asList((statement.Resource ?? statement.NotResource)!);
    const { hit, unresolved } = matchResource(patterns, input);
    if (unresolved) note(false, `policy variable ${unresolved} has no value in the request`);
    else if (not && hit) note(false, `resource is excluded by NotResource '${hit}'`);
    else if (not) note(true, "resource is not in NotResource");
    else if (hit) note(true, `resource matches '${hit}'`);
    else note(false, `resource ${input.resource} is not in Resource ${show(patterns)}`);
  }

  const conditions = evaluateConditions(statement.Condition, input.context, input.variables);
  if (conditions.results.length > 0) {
    const failed = conditions.results.filter((r) => !r.holds);
    if (failed.length > 0) {
      failures.push(...failed.map((r) => `condition ${r.why}`));
      failedOn.push("condition");
    }
    else reasons.push(`all ${conditions.results.length} condition(s) hold`);
  }

  const matched = failures.length === 0;
  return { matched, why: (matched ? reasons : failures).join("; "), failedOn, conditions: conditions.results };
}

function matchResource(patterns: string[], input: StatementInput): { hit?: string; unresolved?: string } {
  for (const pattern of patterns) {
    if (pattern === "*") return { hit: "*" };
    const expanded = expandPattern(pattern, input.context, { variables: input.variables, wildcards: true });
    if (!expanded.ok) return { unresolved: expanded.unresolved };
    // Resource ARNs are case-sensitive; each of the six ARN parts is matched on its own.
    if (arnPartsMatch(expanded.parts, input.resource)) return { hit: pattern };
  }
  return {};
}

function show(values: string[]): string {
  return values.length === 1 ? `'${values[0]}'` : `[${values.map((v) => `'${v}'`).join(", ")}]`;
}
