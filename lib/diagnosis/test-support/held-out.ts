/**
 * Wordings collected from public issues but NOT used while writing or tuning the rules: the
 * honest precision figure. `rule` is the cause the thread settled on; null where no rule should
 * answer (another cause, or too little information). Do not tune rules to these; add new ones.
 */
export const HELD_OUT: ReadonlyArray<{ readonly rule: string | null; readonly text: string; readonly from: string }> = [
  { rule: "identity-pool-config", from: "sentry-kubernetes/charts #514", text: "[AWS] An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity" },
  { rule: "identity-pool-config", from: "aws/aws-sdk-net #1522", text: "Amazon.SecurityToken.AmazonSecurityTokenServiceException: Not authorized to perform sts:AssumeRoleWithWebIdentity ---> Amazon.Runtime.Internal.HttpErrorResponseException" },
  { rule: "identity-pool-config", from: "aws-amplify/amplify-flutter #6107", text: 'Unhandled Exception: InvalidIdentityPoolConfigurationException {\n  "message": "Invalid identity pool configuration. Check assigned IAM roles for this pool.",' },
  { rule: "identity-pool-token", from: "aws-amplify/amplify-js #2067", text: "New Error: Token is not from a supported provider of this identity pool" },
  { rule: null, from: "aws-amplify/amplify-js #2205", text: '{ "code": "NotAuthorizedException", "message": "Access Token has been revoked", "name": "NotAuthorizedException" }' },
  { rule: "cognito-refresh-token-rejected", from: "aws/aws-sdk-cpp #1789", text: "'x-amzn-ErrorType': 'NotAuthorizedException:', 'x-amzn-ErrorMessage': 'Invalid Refresh Token.'" },
  { rule: "bedrock-model-access", from: "aws-samples/generative-ai-to-build-a-devsecops-chatbot #3", text: "ValueError: Error raised by bedrock service: An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID." },
  { rule: "credentials-invalid", from: "Aider-AI/aider #1986", text: "litellm.exceptions.AuthenticationError: litellm.AuthenticationError: BedrockException Invalid Authentication - b'{\"message\":\"The security token included in the request is invalid.\"}'" },
  { rule: "credentials-invalid", from: "anthropics/claude-code #2260", text: "API Error: 403 The security token included in the request is invalid." },
  { rule: "credentials-missing", from: "tinovyatkin/amazon-bedrock-copilot-chat #134", text: "[error] [Bedrock API Client] Failed to fetch Bedrock models Could not load credentials from any providers" },
  { rule: "credentials-missing", from: "aws/aws-sdk-js-v3 #2137", text: "ProviderError: Unable to connect to instance metadata service" },
  { rule: "region-endpoint-mismatch", from: "aws-samples/amazon-custom-entity-recognition-textract-comprehend #2", text: 'EndpointConnectionError: Could not connect to the endpoint URL: "https://comprehend.us-west-1.amazonaws.com/"' },
  { rule: null, from: "aws-samples/amazon-bedrock-samples #302", text: 'Unexpected error: Connect timeout on endpoint URL: "https://bedrock-runtime.ap-south-1.amazonaws.com/model/meta.llama3-8b-instruct-v1%3A0/invoke"' },
  { rule: "throttling", from: "awslabs/agent-evaluation #64", text: "EventStreamError: An error occurred (throttlingException) when calling the InvokeAgent operation: Your request rate is too high. Reduce the frequency of requests." },
  { rule: "throttling", from: "aws-samples/aws-genai-llm-chatbot #220", text: "<class 'botocore.exceptions.EventStreamError'>:An error occurred (throttlingException) when calling the InvokeModelWithResponseStream operation: Too many requests, please wait before trying again." },
  { rule: null, from: "aws/bedrock-agentcore-starter-toolkit #119", text: "Failed to update agent ID 'strands_claude_getting_started_123-QMpwRTD7eK': An error occurred (ResourceNotFoundException)" },
  { rule: "cdk-lambda-arm64-bundling", from: "pydantic/pydantic #6990", text: "errorMessage\": \"Unable to import module 'main': No module named 'pydantic_core._pydantic_core'\"" },
  { rule: null, from: "pydantic/pydantic #8892", text: "ImportError: dlopen(/Library/Frameworks/Python.framework/Versions/3.10/lib/python3.10/site-packages/pydantic_core/_pydantic_core.cpython-310-darwin.so, 0x0002): (mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64'))" },
  { rule: "pyaudio-build-failure", from: "SlapBot/stephanie-va #8", text: "src/_portaudiomodule.c:29:23: fatal error: portaudio.h: No such file or directory\n  compilation terminated." },
  { rule: "s3-vectors-filterable-metadata", from: "langchain-ai/langchain-aws #545 (quoted truncated)", text: "ValidationException: An error occurred (ValidationException) when calling the PutVectors operation: Invalid record for key '0a0f1a80-43d4-4063-b394-63eb965c2a61': Filterable metadata must have" },
  { rule: "amplify-cdk-asset-publish", from: "aws-amplify/amplify-backend #1611", text: "Cause: ❌ Deployment failed: Error: Failed to publish asset 3542be390685e0c8353d92ccb5796d343cd93ca946b6b0de79" },
  { rule: null, from: "aws-amplify/amplify-backend #2071", text: "Error: Cannot find module 'aws-cdk-lib/aws-dynamodb'" },
  { rule: "bedrock-inference-profile", from: "posit-dev/positron #10683 (AWS support: inference profile + region deny)", text: '{"Message":"User: arn:aws:sts::0482xxxxxxxx:assumed-role/mcp-tenantOperator/dxxxx is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0 with an explicit deny in an identity-based policy"}' },
  { rule: "agentcore-websocket-auth", from: "aws/agentcore-cli #899", text: "Unexpected token 'N', \"Not a WebS\"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object." },
  { rule: "agentcore-auth-method-mismatch", from: "aws/agentcore-cli #714 (title)", text: "Failed to call MCP tool: Authorization method mismatch." },
  { rule: null, from: "schickling/chromeless #58", text: "Error: Unable to get presigned websocket URL and connect to it, 403 http error code" },
  { rule: null, from: "aws-samples/custom-web-experience-with-amazon-q-business #21", text: "botocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the CreateTokenWithIAM operation:" },
  { rule: "appsync-unauthorized-userpool", from: "aws-amplify/amplify-js #3089", text: "x-amzn-errortype: UnauthorizedException\nx-amzn-requestid: eb7e23c8-e02f-4906-831c-2528accc46ae\nx-cache: Error from cloudfront" },
];
