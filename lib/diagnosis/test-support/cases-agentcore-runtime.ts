import { nearMiss, real, type Case } from "./case";

/** AgentCore Runtime past the authorizer: per-user invocation, the agent's container, busy sessions. */

const ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/my_agent-AbCdEf1234";

export const AGENTCORE_RUNTIME_CASES: readonly Case[] = [
  // agentcore-invoke-for-user-denied
  real("agentcore-invoke-for-user-denied", "API reference InvokeAgentRuntime (aws-sdk-js-v3 bedrock-agentcore model)", "If you are making a call to InvokeAgentRuntime on behalf of a user ID with the X-Amzn-Bedrock-AgentCore-Runtime-User-Id header, You require permissions to both actions (bedrock-agentcore:InvokeAgentRuntime and bedrock-agentcore:InvokeAgentRuntimeForUser)."),
  real("agentcore-invoke-for-user-denied", "devguide runtime-oauth.html", "Invoking InvokeAgentRuntime with the X-Amzn-Bedrock-AgentCore-Runtime-User-Id header will require a new IAM action: bedrock-agentcore:InvokeAgentRuntimeForUser"),
  real("agentcore-invoke-for-user-denied", "test call: SigV4 with the user-id header, role without the action", { service: "agentcore-http", variant: "sigv4-user-id", status: 403, errorType: "AccessDeniedException", message: `User: arn:aws:sts::123456789012:assumed-role/app-authenticated/CognitoIdentityCredentials is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeForUser on resource: ${ARN} because no identity-based policy allows the bedrock-agentcore:InvokeAgentRuntimeForUser action` }),
  nearMiss("agentcore-invoke-for-user-denied", "agentcore-websocket-auth", "aws-cdk #37495: the WebSocket action, not the per-user one", `User: arn:aws:sts::123456789012:assumed-role/MyFunctionRole/session is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream on resource: ${ARN}`),

  // agentcore-runtime-client-error
  real("agentcore-runtime-client-error", "neo4j-partners/aws-starter simple-agentcore-agent/SIMPLE_CHALLENGES.md", "An error occurred (RuntimeClientError) when calling the InvokeAgentRuntime operation:\nAn error occurred when starting the runtime. Please check your CloudWatch logs for more information."),
  real("agentcore-runtime-client-error", "awslabs/agentcore-samples #314", "Failed to invoke agent endpoint: 424 Client Error: Failed Dependency for url: https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A776504808937%3Aruntime%2Fstrands_agent_inbound_identity-xibPa64Jxi/invocations?qualifier=DEFAULT"),
  real("agentcore-runtime-client-error", "aws/bedrock-agentcore-sdk-python #519 (title)", "InvokeAgentRuntime reports a container startup crash (ModuleNotFoundError) as 'Runtime initialization time exceeded' — misleading; surface the real failure"),
  real("agentcore-runtime-client-error", "test call: the agent answered 500", { service: "agentcore-http", variant: "sigv4", status: 424, errorType: "RuntimeClientError", message: "Received error (500) from runtime. Please check your CloudWatch logs for more information." }),
  nearMiss("agentcore-runtime-client-error", null, "a 424 from an unrelated WebDAV server", "HTTP/1.1 424 Failed Dependency\nContent-Type: application/xml"),

  // agentcore-runtime-session-conflict
  real("agentcore-runtime-session-conflict", "aws-sdk-js-v3 bedrock-agentcore model, RetryableConflictException", "RetryableConflictException: The exception that occurs when there is a retryable conflict performing an operation. This is a temporary condition that may resolve itself with retries."),
  real("agentcore-runtime-session-conflict", "test call: a busy session", { service: "agentcore-http", variant: "sigv4", status: 409, errorType: "RetryableConflictException", message: "The runtime session is busy with another request." }),
  nearMiss("agentcore-runtime-session-conflict", null, "a DynamoDB transaction conflict", "TransactionConflictException: Transaction is ongoing for the item"),
];
