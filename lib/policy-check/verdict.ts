import { evaluatePolicies, assertPolicyDocument, parseArn, type PolicyDocument, type RequestContext, type StatementResult } from "../iam";
import { resourceDifferences } from "./should-name";
import type { CallVerdict, CheckDecision, LabelledPolicy, RequiredCall, ResourceVerdict, StatementVerdict } from "./types";
import { markersIn } from "./unresolved";

/**
 * A role's permission policies against the calls an environment makes, statement by statement,
 * with lib/iam's evaluator (IAM User Guide, "Policy evaluation logic",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * a matching Deny is an explicit deny and wins; else a matching Allow allows; else the request is
 * implicitly denied. Only the role's identity policies are evaluated here: permissions
 * boundaries, SCPs, resource policies and session policies are not pasted, and the result says so.
 */

export interface PermissionIdentity {
  /** The assumed-role session ARN, when known (aws:PrincipalArn and policy variables). */
  principalArn?: string;
  account?: string;
  identityPoolId?: string;
  identityId?: string;
  amr?: readonly string[];
}

interface Prepared {
  label: string;
  document: PolicyDocument;
  unknownStatements: Set<number>;
}

export function preparePolicies(policies: readonly LabelledPolicy[]): Prepared[] {
  return policies.map((policy) => {
    const document = assertPolicyDocument(policy.document);
    const list = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    const unknownStatements = new Set(list.flatMap((statement, index) => (markersIn(statement).length > 0 ? [index] : [])));
    return { label: policy.label, document, unknownStatements };
  });
}

export function checkCall(call: RequiredCall, policies: readonly Prepared[], identity: PermissionIdentity): CallVerdict {
  const resources = call.resources.map((resource) => checkResource(call.action, resource, policies, identity));
  const order: CheckDecision[] = ["ExplicitDeny", "ImplicitDeny", "Undecided", "Allow"];
  const decision = resources.length === 0 ? "Undecided" : order.find((d) => resources.some((r) => r.decision === d))!;
  return { call, decision, resources };
}

function checkResource(action: string, resource: string, policies: readonly Prepared[], identity: PermissionIdentity): ResourceVerdict {
  const result = evaluatePolicies({
    policies: policies.map((p) => p.document),
    action,
    resource,
    ...(identity.principalArn ? { principal: { type: "AWS" as const, id: identity.principalArn } } : {}),
    context: permissionContext(resource, identity),
  });
  const statements = result.statements.map((s) => statementVerdict(s, policies[s.policyIndex]!, resource));
  const decision = decide(statements);
  return { resource, decision, summary: summarize(decision, statements, action, resource), statements };
}

/** Condition keys IAM sets for a web-identity session (IAM global keys; Cognito's keys per the Cognito guide, "IAM roles"). */
function permissionContext(resource: string, identity: PermissionIdentity): RequestContext {
  const cognito = "cognito-identity.amazonaws.com";
  const region = parseArn(resource)?.region;
  return {
    ...(identity.principalArn ? { "aws:PrincipalArn": identity.principalArn, "aws:PrincipalType": "AssumedRole" } : {}),
    ...(identity.account ? { "aws:PrincipalAccount": identity.account } : {}),
    ...(region ? { "aws:RequestedRegion": region } : {}),
    ...(identity.identityPoolId ? { [`${cognito}:aud`]: identity.identityPoolId } : {}),
    ...(identity.identityId ? { [`${cognito}:sub`]: identity.identityId } : {}),
    ...(identity.amr ? { [`${cognito}:amr`]: [...identity.amr] } : {}),
  };
}

export function statementVerdict(s: StatementResult, policy: { label: string; unknownStatements: ReadonlySet<number> }, needed?: string): StatementVerdict {
  const unknown = policy.unknownStatements.has(s.statementIndex);
  const outcome = unknown ? "unknown" : s.matched ? (s.effect === "Allow" ? "allows" : "denies") : "no-match";
  const base: StatementVerdict = {
    policy: policy.label,
    index: s.statementIndex,
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    effect: s.effect,
    outcome,
    failedOn: s.failedOn,
    why: unknown ? `holds a value that could not be resolved; ${s.why}` : s.why,
  };
  if (!needed || outcome !== "no-match" || s.effect !== "Allow" || !s.failedOn.includes("resource") || s.failedOn.includes("action")) return base;
  const names = resourcePatterns(s.why);
  const differences = names.flatMap((pattern) => resourceDifferences(pattern, needed));
  return { ...base, shouldName: { names, needed, differences } };
}

/** The patterns the statement's Resource lists, as the evaluator quoted them ("… is not in Resource 'a'" or "['a', 'b']"). */
function resourcePatterns(why: string): string[] {
  const match = /is not in Resource (\[.*?\]|'[^']*')/.exec(why);
  if (!match) return [];
  return [...match[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

function decide(statements: readonly StatementVerdict[]): CheckDecision {
  if (statements.some((s) => s.outcome === "denies")) return "ExplicitDeny";
  // An unresolved statement whose action still fits could go either way.
  const undecided = (effect: "Allow" | "Deny") => statements.some((s) => s.outcome === "unknown" && s.effect === effect && !s.failedOn.includes("action"));
  if (statements.some((s) => s.outcome === "allows")) return undecided("Deny") ? "Undecided" : "Allow";
  return undecided("Allow") ? "Undecided" : "ImplicitDeny";
}

const name = (s: StatementVerdict) => `${s.policy} statement ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`}`;

function summarize(decision: CheckDecision, statements: readonly StatementVerdict[], action: string, resource: string): string {
  const what = `${action} on ${resource}`;
  switch (decision) {
    case "ExplicitDeny":
      return `Explicit deny: ${name(statements.find((s) => s.outcome === "denies")!)} denies ${what}. No Allow can override it.`;
    case "Allow":
      return `Allowed by ${name(statements.find((s) => s.outcome === "allows")!)}.`;
    case "Undecided": {
      const unknown = statements.filter((s) => s.outcome === "unknown" && !s.failedOn.includes("action")).map(name);
      return `Cannot be decided: ${unknown.join(", ")} hold values the import could not resolve.`;
    }
    case "ImplicitDeny": {
      const near = statements.find((s) => s.shouldName && s.shouldName.differences.length > 0);
      if (near) return `Implicit deny: no statement allows ${what}. ${name(near)} allows ${action} but on ${near.shouldName!.names.join(", ")} (${near.shouldName!.differences.join("; ")}): it should name ${resource}.`;
      return `Implicit deny: no statement allows ${what}.`;
    }
  }
}

