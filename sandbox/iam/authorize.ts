import type { AwsRefusal } from "../../lib/errors";
import { evaluatePolicies, type EvaluationResult, type PolicyDocument, type RequestContext as PolicyContext } from "../../lib/iam";
import { awsErrorFor, verifySignature, type AwsProtocolFamily } from "../sigv4";
import type { RequestContext } from "../http/types";
import type { IssuedCredentials } from "./credentials";
import { iamStateFor } from "./state";

/**
 * The one place sandbox services decide an IAM-authorised (SigV4) request, the way AWS does it:
 *  1. signature: lib/sigv4 verifies the request against the credentials STS / Cognito identity
 *     issued (unknown key, wrong secret, expired session, wrong scope …);
 *  2. policy: lib/iam evaluates the caller role's policies, intersected with the session policy
 *     if the credentials carry one, for the action and resource the service names, together with
 *     the resource's own policy when it has one. A resource in another account than the role's
 *     is reached only when both the role's policies and the resource's policy allow it.
 * Failures come back already spelled the way the caller's protocol family spells them, together
 * with the evaluation, so a service can both answer like AWS and tell the dashboard why.
 */

export interface IamAuthorizationRequest {
  /** SigV4 signing name the request must be scoped to, e.g. `appsync`, `bedrock-agentcore`. */
  service: string;
  region: string;
  /** e.g. `appsync:GraphQL`. */
  action: string;
  /** e.g. `arn:aws:appsync:ap-northeast-1:123456789012:apis/{apiId}/types/Query/fields/me`. */
  resource: string;
  /** The resource's resource-based policy (AgentCore runtimes and gateways can have one). */
  resourcePolicy?: PolicyDocument;
  family: AwsProtocolFamily;
  /**
   * The action has no resource-level permissions (its Resource is always "*"), so IAM's denial
   * names no resource: "… is not authorized to perform: cloudtrail:LookupEvents because no
   * identity-based policy allows the cloudtrail:LookupEvents action" (al0ne/cloud-audit:README.md,
   * aws-samples/landing-zone-accelerator-on-aws-for-tse-se#10).
   */
  noResourceInMessage?: boolean;
}

export interface IamCaller {
  accessKeyId: string;
  /** The role's ARN, `arn:aws:iam::{account}:role/{name}`. */
  roleArn: string;
  /** The session's ARN, `arn:aws:sts::{account}:assumed-role/{name}/{session}`. */
  assumedRoleArn: string;
  identityId?: string;
  identityPoolId?: string;
  accountId: string;
}

/** Allowed with the caller, or refused with AWS's answer (AwsRefusal: HTTP status, error name, message). */
type IamAuthorization =
  | { ok: true; caller: IamCaller }
  | (AwsRefusal & {
      ok: false;
      stage: "signature" | "policy";
      evaluation?: EvaluationResult;
    });

/** Node may give a header as a list; SigV4 canonicalises repeated headers joined by commas. */
export function flatHeaders(headers: RequestContext["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

/** Condition keys AWS sets on every request by an assumed-role session (IAM global keys). */
function policyContext(issued: IssuedCredentials, region: string, now: number): PolicyContext {
  const context: PolicyContext = {
    "aws:PrincipalArn": issued.role.arn,
    "aws:PrincipalAccount": issued.accountId,
    "aws:PrincipalType": "AssumedRole",
    "aws:userid": issued.assumedRoleId,
    "aws:RequestedRegion": region,
    "aws:CurrentTime": new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z"),
    "aws:EpochTime": String(Math.floor(now / 1000)),
    // The sandbox speaks plain HTTP on loopback but stands for AWS's HTTPS endpoints.
    "aws:SecureTransport": "true",
  };
  const cognito = "cognito-identity.amazonaws.com";
  if (issued.identityPoolId !== undefined) context[`${cognito}:aud`] = issued.identityPoolId;
  if (issued.identityId !== undefined) context[`${cognito}:sub`] = issued.identityId;
  if (issued.amr !== undefined) context[`${cognito}:amr`] = [...issued.amr];
  return context;
}

/**
 * IAM's documented access-denied wording ("Troubleshoot access denied error messages"). The
 * cross-account form was captured from InvokeAgentRuntime: "User: arn:aws:sts::ACCOUNT_A:assumed-role/Admin/user
 * is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-west-2:ACCOUNT_B:runtime/MyAgent
 * because no resource-based policy allows the bedrock-agentcore:InvokeAgentRuntime action" (aws/agentcore-cli#607).
 */
function deniedMessage(caller: string, request: IamAuthorizationRequest, evaluation: EvaluationResult): string {
  const on = request.noResourceInMessage ? "" : ` on resource: ${request.resource}`;
  const head = `User: ${caller} is not authorized to perform: ${request.action}${on}`;
  if (evaluation.decision === "ExplicitDeny") {
    const where =
      evaluation.identityDecision === "ExplicitDeny" ? "an identity-based policy" : evaluation.resourceDecision === "ExplicitDeny" ? "a resource-based policy" : "a session policy";
    return `${head} with an explicit deny in ${where}`;
  }
  const sessionAllows = evaluation.sessionDecision === undefined || evaluation.sessionDecision === "Allow";
  if (evaluation.crossAccount && evaluation.identityDecision === "Allow" && sessionAllows) {
    return `${head} because no resource-based policy allows the ${request.action} action`;
  }
  if (evaluation.identityDecision === "Allow") return `${head} because no session policy allows the ${request.action} action`;
  return `${head} because no identity-based policy allows the ${request.action} action`;
}

/** How each protocol family refuses an authenticated caller that policy does not allow. */
const POLICY_DENIAL: Record<AwsProtocolFamily, { status: number; code: string; message?: string }> = {
  query: { status: 403, code: "AccessDenied" },
  json: { status: 403, code: "AccessDeniedException" },
  // AppSync shows no policy detail to the caller: 401 "Permission denied" (amplify-cli #6595).
  appsync: { status: 401, code: "UnauthorizedException", message: "Permission denied" },
};

export async function authorizeIamRequest(ctx: RequestContext, request: IamAuthorizationRequest): Promise<IamAuthorization> {
  const state = iamStateFor(ctx);
  const now = state?.now() ?? Date.now();
  const verified = await verifySignature(
    { method: ctx.method, url: ctx.url.href, headers: flatHeaders(ctx.headers), body: ctx.body },
    {
      lookupCredentials: (accessKeyId) => state?.credentials.lookup(accessKeyId),
      now: new Date(now),
      expectedService: request.service,
      expectedRegion: request.region,
    },
  );
  if (!verified.ok) {
    const wire = awsErrorFor(verified, request.family);
    return { ok: false, status: wire.status, errorType: wire.errorType, message: wire.message, stage: "signature" };
  }

  // Verified means the key was found in this store, so the record exists.
  const issued = state!.credentials.get(verified.accessKeyId)!;
  const evaluation = evaluatePolicies({
    policies: [...issued.role.policies],
    ...(issued.sessionPolicy ? { sessionPolicy: issued.sessionPolicy } : {}),
    ...(request.resourcePolicy ? { resourcePolicy: request.resourcePolicy } : {}),
    principal: { type: "AWS", id: issued.assumedRoleArn },
    principalAccount: issued.accountId,
    action: request.action,
    resource: request.resource,
    context: policyContext(issued, request.region, now),
  });
  if (evaluation.decision !== "Allow") {
    const denial = POLICY_DENIAL[request.family];
    const message = denial.message ?? deniedMessage(issued.assumedRoleArn, request, evaluation);
    return { ok: false, status: denial.status, errorType: denial.code, message, stage: "policy", evaluation };
  }
  return {
    ok: true,
    caller: {
      accessKeyId: issued.accessKeyId,
      roleArn: issued.role.arn,
      assumedRoleArn: issued.assumedRoleArn,
      ...(issued.identityId !== undefined ? { identityId: issued.identityId } : {}),
      ...(issued.identityPoolId !== undefined ? { identityPoolId: issued.identityPoolId } : {}),
      accountId: issued.accountId,
    },
  };
}
