import { z } from "zod";
import type { AgentCoreFailure } from "./errors";

/**
 * A runtime whose agent misbehaves, set per runtime in a scenario (`"agentFault"`), so a scenario
 * can show what users meet once the credentials are right: the call is authorized, then the
 * runtime answers with one of InvokeAgentRuntime's own errors (shape names and statuses from the
 * service model, lib/agentcore/runtime-errors.ts).
 */
export const agentFaultSchema = z.enum(["start-failure", "agent-error", "throttled", "session-busy"]);
export type AgentFault = z.infer<typeof agentFaultSchema>;

/**
 * The container exits while starting: 424 RuntimeClientError "An error occurred when starting the
 * runtime. Please check your CloudWatch logs for more information." (captured:
 * neo4j-partners/aws-starter simple-agentcore-agent/SIMPLE_CHALLENGES.md, a Dockerfile whose files
 * the agent's user could not read).
 */
const START_FAILURE: AgentCoreFailure = {
  status: 424,
  errorType: "RuntimeClientError",
  message: "An error occurred when starting the runtime. Please check your CloudWatch logs for more information.",
};

/**
 * The agent answers its /invocations with 500: 424 RuntimeClientError "Received error (500) from
 * runtime. Please check your CloudWatch logs for more information." (captured in public
 * write-ups quoting botocore's "An error occurred (RuntimeClientError) when calling the
 * InvokeAgentRuntime operation: Received error (500) from runtime. …"; the status 424 is the
 * shape's httpError in the model, and awslabs/agentcore-samples#314 and #904 show the 424).
 */
const AGENT_ERROR: AgentCoreFailure = {
  status: 424,
  errorType: "RuntimeClientError",
  message: "Received error (500) from runtime. Please check your CloudWatch logs for more information.",
};

/**
 * 429 ThrottlingException (model: httpError 429; devguide bedrock-agentcore-limits gives an
 * invocations-per-second quota per endpoint). Unconfirmed: the message text; no public capture of
 * InvokeAgentRuntime's throttling body was found, so the sandbox says it is its own.
 */
const THROTTLED: AgentCoreFailure = {
  status: 429,
  errorType: "ThrottlingException",
  message: "Rate exceeded for this runtime endpoint. (AgentCore's exact wording for this case is not confirmed.)",
  unconfirmed: "wording",
};

/**
 * 409 RetryableConflictException (model: httpError 409, retryable; "a retryable conflict performing
 * an operation"). Unconfirmed: the message text, and that a session busy with another invocation
 * is what produces it; no public capture shows the body.
 */
const SESSION_BUSY: AgentCoreFailure = {
  status: 409,
  errorType: "RetryableConflictException",
  message: "The runtime session is busy with another request. (AgentCore's exact wording for this case is not confirmed.)",
  unconfirmed: "wording and cause",
};

const FAILURES: Readonly<Record<AgentFault, AgentCoreFailure>> = {
  "start-failure": START_FAILURE,
  "agent-error": AGENT_ERROR,
  throttled: THROTTLED,
  "session-busy": SESSION_BUSY,
};

export const agentFaultFailure = (fault: AgentFault): AgentCoreFailure => FAILURES[fault];
