import { code, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * AgentCore Runtime answers past the authorizer: invoking on behalf of a user without
 * InvokeAgentRuntimeForUser, the agent's container failing (424 RuntimeClientError), and a busy
 * session (409 RetryableConflictException). Throttling (429) is the general `throttling` rule's.
 * Error shapes: aws/aws-sdk-js-v3 codegen/sdk-codegen/aws-models/bedrock-agentcore.json.
 */

const MODEL = "https://github.com/aws/aws-sdk-js-v3/blob/main/codegen/sdk-codegen/aws-models/bedrock-agentcore.json";

export const agentcoreRuntimeErrorRules: readonly Rule[] = [
  {
    id: "agentcore-invoke-for-user-denied",
    title: "Invoking on behalf of a user (X-Amzn-Bedrock-AgentCore-Runtime-User-Id) without bedrock-agentcore:InvokeAgentRuntimeForUser",
    services: ["agentcore", "iam", "cdk"],
    signals: [
      msg("invokeagentruntimeforuser", String.raw`not authorized to perform:? bedrock-agentcore:invokeagentruntimeforuser`, W.verbatim, "IAM denied the per-user invoke action"),
      phrase("InvokeAgentRuntimeForUser", W.specific, "the per-user invoke action"),
      phrase("X-Amzn-Bedrock-AgentCore-Runtime-User-Id", W.hint, "the user-id header"),
      phrase("runtimeUserId", W.context, "the SDK's runtimeUserId input (sent as the header)"),
      phrase("--runtime-user-id", W.context, "the CLI's --runtime-user-id (sent as the header)"),
      variant(["sigv4-user-id"], W.context, "the call named a user with SigV4"),
      code("AccessDeniedException", W.generic, "AccessDeniedException"),
      status([403], W.generic, "HTTP 403"),
      // Another account's runtime refusing: the cross-account rule's cause, not this one.
      msg("because no resource-based policy allows", String.raw`because no resource-based policy allows`, -W.specific, "the resource's policy refused (iam-cross-account-resource-policy)"),
    ],
    cause:
      "A call that names a user with X-Amzn-Bedrock-AgentCore-Runtime-User-Id (the SDK's runtimeUserId) needs bedrock-agentcore:InvokeAgentRuntimeForUser " +
      "as well as bedrock-agentcore:InvokeAgentRuntime. Without it the same role that invokes fine without the header is refused with 403 " +
      "AccessDeniedException. The permission belongs to the caller (the identity pool's role, the Lambda's role), not to the runtime's execution role.",
    fix: [
      {
        text: "Allow both actions to the caller, on the runtime and its endpoints (CDK: runtime.grantInvoke(role) grants both).",
        snippet: {
          lang: "json",
          code: '{\n  "Effect": "Allow",\n  "Action": ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeForUser"],\n  "Resource": [\n    "arn:aws:bedrock-agentcore:<region>:<account>:runtime/<runtime id>",\n    "arn:aws:bedrock-agentcore:<region>:<account>:runtime/<runtime id>/*"\n  ]\n}',
        },
      },
      { text: "Or stop sending the header: a runtime with a JWT authorizer learns the user from the token's iss and sub instead." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-oauth.html" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore/latest/APIReference/API_InvokeAgentRuntime.html" },
      { kind: "issue", url: "https://github.com/aws/aws-cdk/pull/35864" },
    ],
  },
  {
    id: "agentcore-runtime-client-error",
    title: "424 RuntimeClientError: the agent's container failed to start or answered with an error",
    services: ["agentcore", "docker", "python"],
    signals: [
      code("RuntimeClientError", W.strong, "RuntimeClientError: the runtime's container failed"),
      msg("from runtime", String.raw`received error \(\d{3}\) from runtime`, W.verbatim, "the agent answered the invocation with an error status"),
      phrase("An error occurred when starting the runtime", W.verbatim, "the container did not start"),
      phrase("Runtime initialization time exceeded", W.verbatim, "the container did not become ready within AgentCore's start limit"),
      msg("(424)", String.raw`an error occurred \(424\) when calling the invokeagentruntime operation`, 9, "InvokeAgentRuntime answered 424"),
      msg("424 client error: failed dependency", String.raw`424 client error: failed dependency for url: https://bedrock-agentcore\.`, 9, "an AgentCore runtime answered 424 Failed Dependency"),
      msg("failed dependency", String.raw`\b424\b[^\n]{0,40}failed dependency`, W.weak, "HTTP 424 Failed Dependency"),
      phrase("Please check your CloudWatch logs for more information", W.context, "AgentCore points at the runtime's logs"),
      status([424], W.weak, "HTTP 424"),
    ],
    cause:
      "AgentCore authorized the call and handed it to your agent's container, which failed: it crashed while starting (a missing module, an unreadable " +
      "file, a missing environment variable), did not become ready in time, or answered /invocations with an error (Received error (500) from runtime). " +
      "The credentials are fine; the traceback is in the runtime's CloudWatch log group.",
    fix: [
      {
        text: "Read the runtime's log group for the traceback.",
        snippet: { lang: "sh", code: "aws logs tail /aws/bedrock-agentcore/runtimes/<runtime id>-DEFAULT --since 30m --region <region>" },
      },
      { text: "Run the same image locally (linux/arm64) and POST to http://localhost:8080/invocations: a crash at start shows there too." },
      { text: "Fix the agent (dependencies vendored or installed, files readable by the container's user, environment variables set) and deploy a new version." },
    ],
    source: [
      { kind: "issue", url: "https://github.com/awslabs/agentcore-samples/issues/314" },
      { kind: "issue", url: "https://github.com/aws/bedrock-agentcore-sdk-python/issues/519" },
      { kind: "doc", url: MODEL },
    ],
  },
  {
    id: "agentcore-runtime-session-conflict",
    title: "409 RetryableConflictException: the runtime session is busy",
    services: ["agentcore"],
    signals: [
      code("RetryableConflictException", W.strong, "RetryableConflictException"),
      msg("retryable conflict", String.raw`retryable conflict performing an operation`, W.verbatim, "the model's description of the 409"),
      msg("invokeagentruntime", String.raw`\binvokeagentruntime\b`, W.context, "an InvokeAgentRuntime call"),
      status([409], W.context, "HTTP 409"),
    ],
    cause:
      "InvokeAgentRuntime's only 409 is RetryableConflictException, which the service model marks retryable: \"a temporary condition that may resolve itself " +
      "with retries\". Typically a second request reached a session that is still busy with the previous one (a client retry after a timeout, two tabs " +
      "sharing a session id) — unconfirmed: no public capture shows what triggers it.",
    fix: [
      {
        text: "Retry with exponential backoff (the SDKs' standard retry mode retries it), and let the session's running invocation finish first.",
        snippet: { lang: "python", code: "from botocore.config import Config\nclient = boto3.client('bedrock-agentcore', config=Config(retries={'max_attempts': 8, 'mode': 'standard'}))" },
      },
      { text: "Give concurrent conversations their own runtimeSessionId instead of sharing one." },
    ],
    source: [{ kind: "doc", url: MODEL }],
  },
];
