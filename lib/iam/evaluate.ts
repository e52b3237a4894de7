/**
 * Policy evaluation as the IAM guide's "Policy evaluation logic" describes it for one account:
 * an explicit Deny in any policy wins; otherwise an Allow is needed; otherwise the request is
 * implicitly denied. A session policy (AssumeRole* Policy parameter, or the scope-down a service
 * adds) intersects: both the identity policies and the session policy must allow.
 *
 * Cognito identity pools add such a scope-down only for unauthenticated (guest) identities in the
 * enhanced flow (Cognito guide "IAM roles"; managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy).
 * The guide's service list and the managed policy's action list disagree, so no copy is kept here.
 */
import { normalizeContext, type RequestContext } from "./context";
import type { ConditionResult } from "./conditions";
import { assertPolicyDocument } from "./parse";
import type { RequestPrincipal } from "./principal";
import type { PolicyDocument } from "./schema";
import { matchStatement } from "./statement";

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface EvaluationRequest {
  /** Identity policies (or, for a trust check, the role's trust policy). */
  policies: PolicyDocument[];
  sessionPolicy?: PolicyDocument;
  action: string;
  resource: string;
  principal?: RequestPrincipal;
  context?: RequestContext;
}

export interface StatementResult {
  source: "identity" | "session";
  policyIndex: number;
  statementIndex: number;
  sid?: string;
  effect: "Allow" | "Deny";
  matched: boolean;
  why: string;
  conditions: ConditionResult[];
}

export interface EvaluationResult {
  decision: Decision;
  /** One sentence for people: what decided it. */
  summary: string;
  identityDecision: Decision;
  sessionDecision?: Decision;
  statements: StatementResult[];
}

export function evaluatePolicies(request: EvaluationRequest): EvaluationResult {
  const context = normalizeContext(request.context);
  const statements: StatementResult[] = [];

  const run = (source: StatementResult["source"], policies: PolicyDocument[]): Decision => {
    let allowed = false;
    let denied = false;
    policies.forEach((raw, policyIndex) => {
      const policy = assertPolicyDocument(raw);
      const list = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
      list.forEach((statement, statementIndex) => {
        const match = matchStatement(statement, {
          action: request.action,
          resource: request.resource,
          context,
          variables: policy.Version === "2012-10-17",
          ...(request.principal ? { principal: request.principal } : {}),
        });
        statements.push({
          source,
          policyIndex,
          statementIndex,
          ...(statement.Sid !== undefined ? { sid: statement.Sid } : {}),
          effect: statement.Effect,
          ...match,
        });
        if (match.matched && statement.Effect === "Deny") denied = true;
        if (match.matched && statement.Effect === "Allow") allowed = true;
      });
    });
    return denied ? "ExplicitDeny" : allowed ? "Allow" : "ImplicitDeny";
  };

  const identityDecision = run("identity", request.policies);
  const sessionDecision = request.sessionPolicy ? run("session", [request.sessionPolicy]) : undefined;
  const decision: Decision =
    identityDecision === "ExplicitDeny" || sessionDecision === "ExplicitDeny"
      ? "ExplicitDeny"
      : identityDecision === "Allow" && (sessionDecision === undefined || sessionDecision === "Allow")
        ? "Allow"
        : "ImplicitDeny";

  return {
    decision,
    summary: summarize(decision, identityDecision, sessionDecision, statements, request),
    identityDecision,
    ...(sessionDecision !== undefined ? { sessionDecision } : {}),
    statements,
  };
}

function summarize(
  decision: Decision,
  identity: Decision,
  session: Decision | undefined,
  statements: StatementResult[],
  request: EvaluationRequest,
): string {
  const label = (s: StatementResult) =>
    `${s.source === "session" ? "session policy" : `policy ${s.policyIndex}`} statement ${s.sid ? `"${s.sid}"` : s.statementIndex}`;
  const what = `${request.action} on ${request.resource}`;
  if (decision === "ExplicitDeny") {
    const deny = statements.find((s) => s.matched && s.effect === "Deny")!;
    return `Explicitly denied: ${label(deny)} denies ${what}.`;
  }
  if (decision === "Allow") {
    const allow = statements.find((s) => s.matched && s.effect === "Allow" && s.source === "identity")!;
    return `Allowed by ${label(allow)}${session ? " and the session policy" : ""}.`;
  }
  if (identity === "Allow" && session === "ImplicitDeny") {
    return `Implicitly denied: the identity policies allow ${what}, but the session policy does not.`;
  }
  return `Implicitly denied: no statement allows ${what}.`;
}
