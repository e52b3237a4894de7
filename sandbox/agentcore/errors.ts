import { RUNTIME_UNPARSABLE } from "../../lib/tokens";
import { UNCONFIRMED_WORDING_HEADER } from "../../lib/http/unconfirmed-wording";
import type { AwsRefusal } from "../../lib/errors";
import type { JsonResult } from "../http/types";

/**
 * AgentCore's error answers. The HTTP protocol does not wrap errors: the status is the
 * exception's, `x-amzn-ErrorType` names it and the body is `{"message": …}` (devguide
 * runtime-http-protocol-contract, "Error handling"). Each text says where it was seen;
 * "unconfirmed" marks our best guess.
 */

/** AgentCore's refusal; `unconfirmed` ("wording", "status" …) is sent as a header the dashboard shows. */
export interface AgentCoreFailure extends AwsRefusal {
  readonly headers?: Record<string, string>;
}

export function failureResult(failure: AgentCoreFailure): JsonResult {
  return {
    status: failure.status,
    body: { message: failure.message },
    headers: {
      ...failure.headers,
      "x-amzn-ErrorType": failure.errorType,
      ...(failure.unconfirmed ? { [UNCONFIRMED_WORDING_HEADER]: failure.unconfirmed } : {}),
    },
  };
}

/**
 * Confirmed wording (aws/agentcore-cli #714, #1647 and seed 003): sent when SigV4 reaches a
 * CUSTOM_JWT runtime or a bearer token reaches an AWS_IAM one, for HTTP and WebSocket alike.
 */
export const METHOD_MISMATCH: AgentCoreFailure = {
  status: 403,
  errorType: "AccessDeniedException",
  message:
    "Authorization method mismatch. The agent is configured for a different authorization method than what was used in your request. " +
    "Check the agent's authorization configuration and ensure your request uses the matching method (OAuth or SigV4)",
};

/**
 * No Authorization header at a CUSTOM_JWT runtime: 401 with the RFC 9728 pointer, captured as
 * `www-authenticate: Bearer resource_metadata="https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/<escaped-arn>/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT"`
 * (somoore/pairputer-on-aws docs/hosts/README.md). The message is the one captured in a runtime's
 * JSON-RPC envelope for the same case (CopilotKit/CopilotKit#6920); the error type is unconfirmed.
 */
export function missingBearer(baseUrl: string, encodedArn: string, qualifier: string): AgentCoreFailure {
  const metadata = `${baseUrl}/agentcore/runtimes/${encodedArn}/invocations/.well-known/oauth-protected-resource?qualifier=${qualifier}`;
  return {
    status: 401,
    errorType: "UnauthorizedException",
    message: "Missing Authentication Token",
    headers: { "WWW-Authenticate": `Bearer resource_metadata="${metadata}"` },
  };
}

/**
 * A bearer value that is not a JWT at all (garbage, "undefined", an empty "Bearer "): 403
 * "OAuth authorization failed: Failed to parse token" (captures in lib/tokens' RUNTIME_UNPARSABLE).
 * The captures show the status and the body; the x-amzn-ErrorType is unconfirmed.
 */
export const UNPARSABLE_BEARER: AgentCoreFailure = { status: 403, errorType: "AccessDeniedException", message: RUNTIME_UNPARSABLE.message };

/** The x-amzn-ErrorType that goes with an authorizer refusal's status; AWS's own is unconfirmed. */
export const errorTypeFor = (status: number) => (status === 401 ? "UnauthorizedException" : status === 400 ? "ValidationException" : "AccessDeniedException");

/** A bearer token that verifies badly (signature, unknown key). Status per the contract; wording unconfirmed. */
export const invalidBearer = (why: string): AgentCoreFailure => ({
  status: 401,
  errorType: "UnauthorizedException",
  message: `Token rejected: ${why}. (AgentCore's exact wording for this case is not confirmed.)`,
  unconfirmed: "wording",
});

/**
 * The runtime or its endpoint does not exist. Confirmed wording, often reported for a deleted
 * runtime or a client in another region: "No endpoint or agent found with qualifier 'DEFAULT'
 * for agent arn:…" (ResourceNotFoundException, 404).
 */
export const noSuchRuntime = (arn: string, qualifier: string): AgentCoreFailure => ({
  status: 404,
  errorType: "ResourceNotFoundException",
  message: `No endpoint or agent found with qualifier '${qualifier}' for agent ${arn}`,
});

/**
 * The ARN pasted into the path unencoded: its `/` splits the path and AgentCore answers 404
 * (seed 003 shows the status only). Which error type and text come with it is unconfirmed; we
 * name what the path held, so the cause is visible.
 */
export const unencodedArn = (rawArn: string, qualifier: string): AgentCoreFailure => ({ ...noSuchRuntime(rawArn, qualifier), unconfirmed: "error type and wording" });

/**
 * The runtime named by its id (`/runtimes/{runtimeId}/invocations`) without `?accountId=`: the
 * service model allows the id only together with accountId (aws-sdk-js-v3
 * codegen/sdk-codegen/aws-models/bedrock-agentcore.json, InvokeAgentRuntime.agentRuntimeArn), and
 * a public capture shows the answer as "400 (accountID required)" (minorun365/marp-agent
 * docs/knowledge/features.md). The status is captured; the body's full wording and the error type
 * are unconfirmed.
 */
export const ACCOUNT_ID_REQUIRED: AgentCoreFailure = { status: 400, errorType: "ValidationException", message: "accountID required", unconfirmed: "error type and full wording" };

/**
 * A path under /runtimes/{id}/ that is no operation (`/invoke`), or `/accounts/{accountId}/runtimes/…`:
 * 404, shown as "404" and "404 (UnknownOperation)" in the same capture (minorun365/marp-agent
 * docs/knowledge/features.md). The message is unconfirmed.
 */
export const UNKNOWN_OPERATION: AgentCoreFailure = {
  status: 404,
  errorType: "UnknownOperationException",
  message: "Unknown operation. (AgentCore's exact wording for this case is not confirmed.)",
  unconfirmed: "wording",
};

/**
 * A path that names no operation, e.g. a runtime URL without `/invocations`: AWS's front door
 * answers "Missing Authentication Token" rather than 404 (CopilotKit #6920, the API Gateway
 * convention); 403 is that convention's status, unconfirmed for AgentCore.
 */
export const NO_ROUTE: AgentCoreFailure = {
  status: 403,
  errorType: "MissingAuthenticationTokenException",
  message: "Missing Authentication Token",
  unconfirmed: "status",
};

/**
 * Confirmed by many reports: "Value at 'runtimeSessionId' failed to satisfy constraint: Member
 * must have length greater than or equal to 33" (400 ValidationException). The maximum's text follows
 * Coral's pattern for the other bound.
 */
export function badSessionId(sessionId: string): AgentCoreFailure | undefined {
  const bound =
    sessionId.length < 33 ? "greater than or equal to 33" : sessionId.length > 256 ? "less than or equal to 256" : undefined;
  if (!bound) return undefined;
  return {
    status: 400,
    errorType: "ValidationException",
    message: `Value at 'runtimeSessionId' failed to satisfy constraint: Member must have length ${bound}`,
  };
}
