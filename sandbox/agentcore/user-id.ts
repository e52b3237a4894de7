import { INVOKE_FOR_USER_ACTION, RUNTIME_USER_ID_HEADER } from "../../lib/agentcore/runtime-errors";
import type { RequestContext } from "../http/types";
import { authorizeIamRequest } from "../iam/authorize";
import type { AgentCoreFailure } from "./errors";
import { runtimeEndpointArn, type RuntimeRecord } from "./registry";

/**
 * Invoking on behalf of a user: `X-Amzn-Bedrock-AgentCore-Runtime-User-Id` (the SDKs' `runtimeUserId`
 * input is sent as this header: aws-sdk-js-v3 bedrock-agentcore model, InvokeAgentRuntimeRequest).
 *
 * With SigV4 the caller needs bedrock-agentcore:InvokeAgentRuntimeForUser as well as
 * InvokeAgentRuntime (InvokeAgentRuntime's documentation in the model; devguide runtime-oauth.html:
 * "Invoking InvokeAgentRuntime with the X-Amzn-Bedrock-AgentCore-Runtime-User-Id header will require
 * a new IAM action: bedrock-agentcore:InvokeAgentRuntimeForUser"). It is checked on the same two
 * resources as InvokeAgentRuntime: aws-cdk's grantInvokeRuntimeForUser grants it on the runtime and
 * its sub-resources (aws/aws-cdk#35864).
 *
 * The refusal is IAM's: 403 AccessDeniedException "User: … is not authorized to perform:
 * bedrock-agentcore:InvokeAgentRuntimeForUser on resource: … because no identity-based policy
 * allows …". Inferred: that sentence is IAM's standard denial, captured for this service's other
 * actions (InvokeAgentRuntime in aws/agentcore-cli#607, StartBrowserSession in
 * vercel-labs/agent-browser#1277), not for InvokeAgentRuntimeForUser itself; the dashboard shows
 * it as not confirmed.
 *
 * Unconfirmed: what a CUSTOM_JWT runtime does with the header. The docs describe it for SigV4
 * callers ("This header uses the GetWorkloadAccessTokenForUserId path internally") and derive the
 * user of a bearer token from its iss and sub (devguide get-workload-access-token.html); no source
 * says whether a JWT runtime refuses or ignores it. The sandbox ignores it there.
 */

const HEADER = RUNTIME_USER_ID_HEADER.toLowerCase();

/** The user id a request names, if any (the first value of a repeated header). */
export function runtimeUserIdOf(headers: RequestContext["headers"]): string | undefined {
  const value = headers[HEADER];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first;
}

/** Refused with IAM's answer when a SigV4 caller names a user but lacks InvokeAgentRuntimeForUser. */
export async function authorizeForUser(ctx: RequestContext, runtime: RuntimeRecord, qualifier: string): Promise<AgentCoreFailure | undefined> {
  for (const resource of [runtime.arn, runtimeEndpointArn(runtime.arn, qualifier)]) {
    const result = await authorizeIamRequest(ctx, {
      service: "bedrock-agentcore",
      region: runtime.region,
      action: INVOKE_FOR_USER_ACTION,
      resource,
      ...(runtime.resourcePolicy ? { resourcePolicy: runtime.resourcePolicy } : {}),
      family: "json",
    });
    if (!result.ok) {
      const inferred = result.stage === "policy" ? { unconfirmed: "wording (IAM's standard denial, not seen for this action)" } : {};
      return { status: result.status, errorType: result.errorType, message: result.message, ...inferred };
    }
  }
  return undefined;
}
