/**
 * Policy evaluation as the IAM guide's "Policy evaluation logic" describes it: an explicit Deny in
 * any policy wins; otherwise an Allow is needed; otherwise the request is implicitly denied. A
 * session policy (AssumeRole* Policy parameter, or the scope-down a service adds) intersects: both
 * the identity policies and the session policy must allow.
 *
 * A resource-based policy (on an AgentCore runtime or gateway, an S3 bucket …) adds to the
 * identity policies within one account, but a request from another account needs both: "To allow
 * cross-account access, you attach a resource-based policy to the resource that you want to share.
 * You must also attach an identity-based policy to the identity that acts as the principal in the
 * request" (IAM guide, "Cross-account policy evaluation logic",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
 * So `Resource: "*"` in an identity policy never reaches another account's resource on its own.
 *
 * Cognito identity pools add such a scope-down only for unauthenticated (guest) identities in the
 * enhanced flow (Cognito guide "IAM roles"; managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy).
 * The guide's service list and the managed policy's action list disagree, so no copy is kept here.
 */
import { parseArn } from "./arn";
import { normalizeContext, type RequestContext } from "./context";
import type { ConditionResult } from "./conditions";
import { assertPolicyDocument } from "./parse";
import type { RequestPrincipal } from "./principal";
import type { PolicyDocument } from "./schema";
import { matchStatement, type StatementElement } from "./statement";

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface EvaluationRequest {
  /** Identity policies (or, for a trust check, the role's trust policy). */
  policies: PolicyDocument[];
  sessionPolicy?: PolicyDocument;
  /** The resource's own policy; its statements name who may act with Principal. */
  resourcePolicy?: PolicyDocument;
  /** The caller's account; when the resource ARN names another one, the request is cross-account. */
  principalAccount?: string;
  action: string;
  resource: string;
  principal?: RequestPrincipal;
  context?: RequestContext;
}

export interface StatementResult {
  source: "identity" | "session" | "resource";
  policyIndex: number;
  statementIndex: number;
  sid?: string;
  effect: "Allow" | "Deny";
  matched: boolean;
  why: string;
  /** The elements that kept the statement from applying (principal, action, resource, condition). */
  failedOn: StatementElement[];
  conditions: ConditionResult[];
}

export interface EvaluationResult {
  decision: Decision;
  /** One sentence for people: what decided it. */
  summary: string;
  identityDecision: Decision;
  sessionDecision?: Decision;
  /** Present when the request carried a resource-based policy. */
  resourceDecision?: Decision;
  /** The resource belongs to another account than the caller. */
  crossAccount: boolean;
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
  const resourceDecision = request.resourcePolicy ? run("resource", [request.resourcePolicy]) : undefined;
  const resourceAccount = parseArn(request.resource)?.account;
  const crossAccount = request.principalAccount !== undefined && !!resourceAccount && resourceAccount !== request.principalAccount;

  const sessionAllows = sessionDecision === undefined || sessionDecision === "Allow";
  const granted = crossAccount
    ? identityDecision === "Allow" && resourceDecision === "Allow"
    : identityDecision === "Allow" || resourceDecision === "Allow";
  const decision: Decision = [identityDecision, sessionDecision, resourceDecision].includes("ExplicitDeny")
    ? "ExplicitDeny"
    : granted && sessionAllows
      ? "Allow"
      : "ImplicitDeny";

  const result = { decision, identityDecision, crossAccount, statements } as const;
  return {
    ...result,
    summary: summarize(result, sessionDecision, resourceDecision, request),
    ...(sessionDecision !== undefined ? { sessionDecision } : {}),
    ...(resourceDecision !== undefined ? { resourceDecision } : {}),
  };
}

function summarize(
  { decision, identityDecision: identity, crossAccount, statements }: Pick<EvaluationResult, "decision" | "identityDecision" | "crossAccount" | "statements">,
  session: Decision | undefined,
  resource: Decision | undefined,
  request: EvaluationRequest,
): string {
  const label = (s: StatementResult) =>
    `${s.source === "identity" ? `policy ${s.policyIndex}` : `${s.source} policy`} statement ${s.sid ? `"${s.sid}"` : s.statementIndex}`;
  const what = `${request.action} on ${request.resource}`;
  if (decision === "ExplicitDeny") {
    const deny = statements.find((s) => s.matched && s.effect === "Deny")!;
    return `Explicitly denied: ${label(deny)} denies ${what}.`;
  }
  if (decision === "Allow") {
    const allow = statements.find((s) => s.matched && s.effect === "Allow" && s.source !== "session")!;
    const also = [crossAccount && allow.source === "identity" ? "the resource's policy" : "", session ? "the session policy" : ""].filter(Boolean);
    return `Allowed by ${label(allow)}${also.length ? ` and ${also.join(" and ")}` : ""}.`;
  }
  if (crossAccount && identity === "Allow" && resource !== "Allow") {
    const owner = parseArn(request.resource)?.account;
    return `Implicitly denied: the identity policies allow ${what}, but the resource belongs to account ${owner} and no resource-based policy there allows this principal; cross-account access needs both.`;
  }
  if (identity === "Allow" && session === "ImplicitDeny") {
    return `Implicitly denied: the identity policies allow ${what}, but the session policy does not.`;
  }
  return `Implicitly denied: no statement allows ${what}.`;
}
