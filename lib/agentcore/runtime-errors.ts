/**
 * InvokeAgentRuntime's answers that come from the runtime rather than from its authorizer, and
 * the per-user invocation header, named once for the sandbox, the test calls and the CLI.
 *
 * Error shapes (name, HTTP status, retryable) are the service model's:
 * aws/aws-sdk-js-v3 codegen/sdk-codegen/aws-models/bedrock-agentcore.json, operation
 * InvokeAgentRuntime, errors AccessDeniedException 403, InternalServerException 500,
 * ResourceNotFoundException 404, RetryableConflictException 409 (retryable),
 * RuntimeClientError 424, ServiceQuotaExceededException 402, ThrottlingException 429,
 * ValidationException 400. InvokeAgentRuntime lists no ConflictException: the 409 it can answer
 * is RetryableConflictException.
 */

/**
 * The request header behind the model's `runtimeUserId` member (InvokeAgentRuntimeRequest:
 * `"smithy.api#httpHeader": "X-Amzn-Bedrock-AgentCore-Runtime-User-Id"`), so the SDKs'
 * `runtimeUserId` input and a hand-written header are the same thing on the wire.
 */
export const RUNTIME_USER_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-User-Id";

/**
 * "If you are making a call to InvokeAgentRuntime on behalf of a user ID with the
 * X-Amzn-Bedrock-AgentCore-Runtime-User-Id header, You require permissions to both actions
 * (bedrock-agentcore:InvokeAgentRuntime and bedrock-agentcore:InvokeAgentRuntimeForUser)"
 * (InvokeAgentRuntime's documentation in the same model; devguide runtime-oauth.html says the same).
 */
export const INVOKE_FOR_USER_ACTION = "bedrock-agentcore:InvokeAgentRuntimeForUser";

export interface RuntimeErrorMeaning {
  /** What the answer means, in a sentence a user can act on. */
  readonly meaning: string;
  /** What to do about it. */
  readonly action: string;
  /** The model marks it retryable, or the docs tell callers to retry with backoff. */
  readonly retry: boolean;
}

/** Keyed by the model's error shape name. */
const MEANINGS: Readonly<Record<string, RuntimeErrorMeaning>> = {
  // Model: "an error in the runtime client"; captures show it carrying the agent container's
  // failure ("Received error (500) from runtime", "An error occurred when starting the runtime").
  RuntimeClientError: {
    meaning: "Your agent's container failed: it did not start, or it answered the invocation with an error. AgentCore accepted the credentials.",
    action: "Read the runtime's CloudWatch log group (/aws/bedrock-agentcore/runtimes/{runtime id}-{endpoint}) for the traceback, fix the agent and deploy again.",
    retry: false,
  },
  // Model: "denied due to request throttling … Reduce the frequency of requests or implement
  // exponential backoff"; devguide bedrock-agentcore-limits: invocations per second per endpoint.
  ThrottlingException: {
    meaning: "Too many invocations for this runtime endpoint: AgentCore throttled the call before it reached the agent.",
    action: "Retry with exponential backoff and jitter; if the rate is real, ask for a higher \"invocations per second\" quota.",
    retry: true,
  },
  // Model: "a retryable conflict performing an operation. This is a temporary condition that may
  // resolve itself with retries"; the shape carries the retryable trait.
  RetryableConflictException: {
    meaning: "The runtime session is busy with another request (a conflict AgentCore marks as temporary).",
    action: "Wait for the session's running invocation to finish, then retry with backoff; send concurrent requests under different session ids.",
    retry: true,
  },
  // Model: "the request would cause a service quota to be exceeded" (402).
  ServiceQuotaExceededException: {
    meaning: "A service quota would be exceeded, typically the number of active sessions in the account.",
    action: "Stop sessions you no longer need (StopRuntimeSession) or ask for a higher quota.",
    retry: false,
  },
};

/** The meaning of a runtime error by its shape name (from `x-amzn-ErrorType`), or by status alone. */
export function runtimeErrorMeaning(status: number | undefined, errorType: string | undefined): RuntimeErrorMeaning | undefined {
  if (errorType && MEANINGS[errorType]) return MEANINGS[errorType];
  if (status === 424) return MEANINGS.RuntimeClientError;
  if (status === 429) return MEANINGS.ThrottlingException;
  if (status === 402) return MEANINGS.ServiceQuotaExceededException;
  // A bare 409 without a name: InvokeAgentRuntime's only 409 shape is RetryableConflictException.
  if (status === 409) return MEANINGS.RetryableConflictException;
  return undefined;
}
