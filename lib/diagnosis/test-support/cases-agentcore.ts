import { nearMiss, real, seed, type Case } from "./case";

/** AgentCore Runtime, Gateway, Identity and operations. */

const ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/my_agent-AbCdEf1234";
const HOST = "https://bedrock-agentcore.us-east-1.amazonaws.com";

export const AGENTCORE_CASES: readonly Case[] = [
  // agentcore-discovery-url
  seed("agentcore-discovery-url", "seed 000", "Properties validation failed for resource ... DiscoveryUrl: string [https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc] does not match pattern ^.+/\\.well-known/openid-configuration$"),
  seed("agentcore-discovery-url", "seed 000 (Japanese title)", "AgentCore JWT: DiscoveryUrl バリデーションエラー"),
  real("agentcore-discovery-url", "AWS API validation wording", "An error occurred (ValidationException) when calling the CreateAgentRuntime operation: 1 validation error detected: Value 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc' at 'authorizerConfiguration.customJWTAuthorizer.discoveryUrl' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.+/\\.well-known/openid-configuration$"),
  real("agentcore-discovery-url", "structured: the configured authorizer", { service: "agentcore", authorizer: { discoveryUrl: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc", allowedClients: ["client"] } }),
  nearMiss("agentcore-discovery-url", null, "a healthy discovery fetch", "GET https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc/.well-known/openid-configuration 200 OK"),

  // agentcore-auth-method-mismatch
  seed("agentcore-auth-method-mismatch", "seed 003", "Authorization method mismatch. The agent is configured for a different authorization method than what was used in your request."),
  seed("agentcore-auth-method-mismatch", "seed 003 (table)", "| Runtime AWS CLI     | IAM SigV4  | ❌ AccessDenied | 認証方式不一致       |"),
  real("agentcore-auth-method-mismatch", "agentcore-cli #714", "Failed to call MCP tool: Authorization method mismatch. The agent is configured for a different authorization method than what was used in your request. Check the agent's authorization configuration and ensure your request uses the matching method (OAuth or SigV4)"),
  real("agentcore-auth-method-mismatch", "issue brief (matrix cell)", { service: "agentcore", variant: "sigv4", status: 403, errorType: "AccessDeniedException", message: "Authorization method mismatch…" }),
  real("agentcore-auth-method-mismatch", "structured: JWT runtime called with SigV4", { service: "agentcore", variant: "iam", authorizer: "CUSTOM_JWT", status: 403, errorType: "AccessDeniedException" }),
  real("agentcore-auth-method-mismatch", "test call: bearer token to an AWS_IAM gateway (IncompleteSignatureException, syl20lego/insomnia-plugin-aws-cognito-token #3 wording)", { service: "gateway-mcp", variant: "access-token", status: 400, errorType: "IncompleteSignatureException", message: "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer …" }),
  nearMiss("agentcore-auth-method-mismatch", null, "Azure AD AADSTS75011", "Authentication method by which the user authenticated with the service doesn't match requested authentication method AuthnContextClassRef."),

  // agentcore-missing-bearer
  real("agentcore-missing-bearer", "devguide runtime-oauth", { service: "agentcore", status: 401, headers: { "WWW-Authenticate": `Bearer resource_metadata="${HOST}/runtimes/${encodeURIComponent(ARN)}/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT"` } }),
  real("agentcore-missing-bearer", "pasted response", `HTTP/1.1 401 Unauthorized\nwww-authenticate: Bearer resource_metadata="${HOST}/runtimes/x/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT"`),
  real("agentcore-missing-bearer", "CopilotKit #6920", "POST /invocations 401 — request sent with Authorization: Bearer undefined"),
  real("agentcore-missing-bearer", "CopilotKit #6920 (capture)", 'Agent execution failed: Error: HTTP 401:\n{"jsonrpc":"2.0","error":{"code":-32001,"message":"Missing Authentication Token"},"id":"null"}'),
  real("agentcore-missing-bearer", "TerrifiedBug/mcp-remote FORK.md", "AgentCore rejects that with 403 OAuth authorization failed: Failed to parse token"),
  real("agentcore-missing-bearer", "structured", { service: "agentcore", status: 403, errorType: "AccessDeniedException", message: "OAuth authorization failed: Failed to parse token" }),
  nearMiss("agentcore-missing-bearer", null, "basic auth", 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="Restricted"'),

  // agentcore-runtime-404
  seed("agentcore-runtime-404", "seed 003 (table)", "| Runtime 直接 (curl) | JWT Bearer | ❌ HTTP 404     | エンドポイント不存在 |"),
  seed("agentcore-runtime-404", "seed 003 (conclusion)", "AgentCore Runtime は REST API エンドポイントを提供しない"),
  real("agentcore-runtime-404", "CopilotKit #6920", `POST ${HOST}/runtimes/${encodeURIComponent(ARN)} -> 403 {"message":"Missing Authentication Token"}`),
  real("agentcore-runtime-404", "unencoded ARN in the path", `curl -X POST ${HOST}/runtimes/${ARN}/invocations?qualifier=DEFAULT\nHTTP/2 404`),
  real("agentcore-runtime-404", "structured 404", { service: "agentcore", status: 404, message: "Not Found" }),
  real("agentcore-runtime-404", "minorun365/marp-agent features.md", "| `/runtimes/{runtimeId}/invocations` | 400 (accountID required) |"),
  nearMiss("agentcore-runtime-404", null, "API Gateway REST wrong path", { service: "api-gateway", status: 403, text: '{"message":"Missing Authentication Token"}' }),

  // agentcore-session-id-length
  real("agentcore-session-id-length", "naopandao/omikuji_agent README", "ValidationException: Value at 'runtimeSessionId' failed to satisfy constraint: \nMember must have length greater than or equal to 33"),
  real("agentcore-session-id-length", "structured", { service: "agentcore", status: 400, errorType: "ValidationException", message: "Value at 'runtimeSessionId' failed to satisfy constraint: Member must have length greater than or equal to 33" }),
  nearMiss("agentcore-session-id-length", null, "another service's length check", "ValidationException: 1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64"),

  // agentcore-gateway-jwt-rejected
  real("agentcore-gateway-jwt-rejected", "product authorizer model", '{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"Invalid Bearer token"}}'),
  real("agentcore-gateway-jwt-rejected", "structured", { service: "agentcore-gateway", status: 401, body: '{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"Invalid Bearer token"}}' }),
  nearMiss("agentcore-gateway-jwt-rejected", "agentcore-auth-method-mismatch", "test call: SigV4 column against a CUSTOM_JWT gateway", { service: "gateway-mcp", variant: "sigv4", status: 401, errorType: "UnauthorizedException", message: "Invalid Bearer token", body: '{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"Invalid Bearer token"}}' }),
  nearMiss("agentcore-gateway-jwt-rejected", "cognito-client-id-mismatch", "test call: ID token column against a gateway with allowedClients", { service: "gateway-mcp", variant: "id-token", status: 401, errorType: "UnauthorizedException", message: "Invalid Bearer token", body: '{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"Invalid Bearer token"}}' }),
  nearMiss("agentcore-gateway-jwt-rejected", null, "JSON-RPC method error", '{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}'),

  // agentcore-websocket-auth
  seed("agentcore-websocket-auth", "seed 000", "症状: ブラウザから AgentCore の WebSocket エンドポイントに接続できない（認証エラー）。原因: ブラウザの WebSocket API はカスタムヘッダーを設定できないため、JWT トークンを渡せない"),
  real("agentcore-websocket-auth", "aws-cdk #37495", `User: arn:aws:sts::123456789012:assumed-role/MyFunctionRole/session is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream on resource: ${ARN}`),
  real("agentcore-websocket-auth", "browser console", `WebSocket connection to 'wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/${encodeURIComponent(ARN)}/ws?qualifier=DEFAULT' failed: Error during WebSocket handshake: Unexpected response code: 403`),
  real("agentcore-websocket-auth", "agentcore-cli #899", 'Unexpected token \'N\', "Not a WebS"... is not valid JSON — raw response: Not a WebSocket Upgrade Request'),
  nearMiss("agentcore-websocket-auth", "iam-cross-account-resource-policy", "another account's runtime over WebSocket", { service: "agentcore-ws", variant: "sigv4", status: 403, errorType: "AccessDeniedException", message: `User: arn:aws:sts::111122223333:assumed-role/caller/CognitoIdentityCredentials is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream on resource: ${ARN} because no resource-based policy allows the bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream action` }),
  nearMiss("agentcore-websocket-auth", null, "AppSync realtime", "WebSocket connection to 'wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/graphql' failed"),

  // agentcore-workload-identity
  seed("agentcore-workload-identity", "seed 000", "@requires_access_token で GetResourceOauth2Token の権限エラー。IAMポリシーには GetResourceOauth2Token が設定済み"),
  real("agentcore-workload-identity", "terraform-aws-agentcore #19", "User: arn:aws:sts::123456789012:assumed-role/abc-bedrock-agent-gateway-role/gateway-session-1234 is not authorized to perform: bedrock-agentcore:GetResourceOauth2Token on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/my-identity because no identity-based policy allows the bedrock-agentcore:GetResourceOauth2Token action"),
  real("agentcore-workload-identity", "auto-generated workload id", "AccessDeniedException: User is not authorized to perform: bedrock-agentcore:GetWorkloadAccessToken on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/workload-383171e1"),
  nearMiss("agentcore-workload-identity", null, "GCP workload identity", "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist)."),

  // agentcore-3lo-callback
  seed("agentcore-3lo-callback", "seed 000 / agentcore-samples #801", `{"message":"2 validation errors detected: Value at 'authorizationCode' failed to satisfy constraint: Member must not be null; Value at 'state' failed to satisfy constraint: Member must not be null"}`),
  real("agentcore-3lo-callback", "agentcore-samples #528", "Authentication failed: An error occurred (ValidationException) when calling the GetResourceOauth2Token operation: You must register and use at least one ResourceOauth2ReturnUrl on your workload identity to use this flow"),
  real("agentcore-3lo-callback", "agentcore-samples #801 (comment)", "I am getting the 1 validation error detected: Value at 'authorizationCode' failed to satisfy constraint: Member must not be null"),
  nearMiss("agentcore-3lo-callback", null, "generic AWS validation", "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must not be null"),

  // agentcore-gateway-policy-iam (no public wording found beyond the seed)
  seed("agentcore-gateway-policy-iam", "seed 000", "Tool Execution Denied: Policy Evaluation Internal Failure"),
  real("agentcore-gateway-policy-iam", "seed 000 in a JSON-RPC answer", { service: "agentcore-gateway", authorizer: "AWS_IAM", body: '{"jsonrpc":"2.0","id":3,"result":{"isError":true,"content":[{"type":"text","text":"Tool Execution Denied: Policy Evaluation Internal Failure"}]}}' }),
  nearMiss("agentcore-gateway-policy-iam", null, "a policy DENY (working as intended)", '{"isError":true,"content":[{"type":"text","text":"Tool Execution Denied"}]}'),

  // agentcore-observability-no-traces
  seed("agentcore-observability-no-traces", "seed 000", "AgentCore Observability ダッシュボードでメトリクスが全て0、トレースが表示されない"),
  real("agentcore-observability-no-traces", "agent.py + symptom", "from bedrock_agentcore.runtime import BedrockAgentCoreApp\n# deployed fine but there are no traces in the GenAI Observability dashboard"),
  real("agentcore-observability-no-traces", "support question", "Traces are not showing in CloudWatch for my AgentCore runtime even though AGENT_OBSERVABILITY_ENABLED is set"),
  nearMiss("agentcore-observability-no-traces", null, "an install line", "pip install strands-agents[otel] aws-opentelemetry-distro"),

  // agentcore-otel-log-count
  seed("agentcore-otel-log-count", "seed 000", "filter @message like /invocations/ でログをカウントしているが、件数が0になる"),
  real("agentcore-otel-log-count", "Logs Insights query", "fields @timestamp | filter @message like /invocations/ or @message like /POST/ | stats count(*) — returns nothing since OTEL JSON logs were enabled"),
  nearMiss("agentcore-otel-log-count", null, "another query", "fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc"),

  // agentcore-runtime-arm64
  seed("agentcore-runtime-arm64", "seed 004 + build log", "ECR: アーキテクチャ ARM64必須 — docker build: exec /bin/sh: exec format error"),
  real("agentcore-runtime-arm64", "generative-ai-use-cases #1233", "#7 0.371 exec /bin/sh: exec format error\nAgentCoreStack: fail: docker build --tag cdkasset-64ba --platform linux/arm64 . exited with error code 1"),
  real("agentcore-runtime-arm64", "runtime log", "/aws/bedrock-agentcore/runtimes/my_agent-AbCdEf1234-DEFAULT: exec /usr/local/bin/python: exec format error"),
  nearMiss("agentcore-runtime-arm64", null, "core-dump-handler (k8s)", "exec /app/core-dump-agent: exec format error"),
];
