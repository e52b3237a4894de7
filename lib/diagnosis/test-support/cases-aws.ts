import { nearMiss, real, seed, type Case } from "./case";

/** Credentials, signing, Bedrock and the AWS errors around them. */

const ACCT = "123456789012";

export const AWS_CASES: readonly Case[] = [
  // credentials-missing
  seed("credentials-missing", "seed 002", 'Error: Unable to locate credentials. You can configure credentials by running "aws configure"'),
  real("credentials-missing", "aws-sdk-js-v3 #4989", "CredentialsProviderError: Could not load credentials from any providers"),
  real("credentials-missing", "boto3", "botocore.exceptions.NoCredentialsError: Unable to locate credentials"),
  real("credentials-missing", "amazon-cognito-identity-js #366", "Unable to load AWS credentials from any provider in the chain"),
  nearMiss("credentials-missing", "identity-pool-config", "danilop/LambdAuth #4", "InvalidIdentityPoolConfigurationException: Missing credentials in config"),

  // credentials-invalid
  real("credentials-invalid", "vercel/ai #4163", "UnrecognizedClientException: The security token included in the request is invalid."),
  real("credentials-invalid", "anthropic-sdk-typescript #537", "PermissionDeniedError: 403 The security token included in the request is invalid"),
  real("credentials-invalid", "STS", "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid."),
  real("credentials-invalid", "S3", "InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records."),
  nearMiss("credentials-invalid", "token-expired", "cq-provider-aws #1171", "api error ExpiredTokenException: The security token included in the request is expired"),

  // sigv4-signature-mismatch
  real("sigv4-signature-mismatch", "S3/STS", "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."),
  real("sigv4-signature-mismatch", "amplify-js #2422", { service: "appsync", variant: "iam", status: 403, headers: { "x-amzn-ErrorType": "InvalidSignatureException" }, message: "The request signature we calculated does not match the signature you provided." }),
  real("sigv4-signature-mismatch", "IAM SigV4 troubleshooting", "InvalidSignatureException: Credential should be scoped to a valid region, not 'us-east-1'. "),
  nearMiss("sigv4-signature-mismatch", null, "Stripe webhook", "No signatures found matching the expected signature for payload"),

  // sigv4-clock-skew
  real("sigv4-clock-skew", "convox/rack #235 shape", "SignatureDoesNotMatch: Signature expired: 20240102T000000Z is now earlier than 20240102T000500Z (20240102T001000Z - 5 min.)"),
  real("sigv4-clock-skew", "JSON protocol", "InvalidSignatureException: Signature not yet current: 20250101T001000Z is still later than 20250101T000500Z (20250101T000000Z + 5 min.)"),
  real("sigv4-clock-skew", "S3", "RequestTimeTooSkewed: The difference between the request time and the current time is too large."),
  nearMiss("sigv4-clock-skew", "sigv4-signature-mismatch", "a wrong secret, not a wrong clock", "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided."),

  // bedrock-inference-profile
  seed("bedrock-inference-profile", "seed 000", "AccessDeniedException: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:*:*:inference-profile/*"),
  real("bedrock-inference-profile", "claude-code #6191", `API Error (403 {"Message":"User: arn:aws:sts::${ACCT}:assumed-role/dev/me is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2:${ACCT}:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0 because no identity-based policy allows the bedrock:InvokeModel action"})`),
  real("bedrock-inference-profile", "Bedrock on-demand wording", "ValidationException: Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model."),
  nearMiss("bedrock-inference-profile", "bedrock-model-access", "model access", "AccessDeniedException: You don't have access to the model with the specified model ID."),

  // bedrock-model-access
  seed("bedrock-model-access", "seed 002", "Error: You don't have access to the model with the specified model ID"),
  real("bedrock-model-access", "dirkpetersen/our-chat #3", "botocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID."),
  real("bedrock-model-access", "amazon-bedrock-workshop #100", "Error raised by inference endpoint: An error occurred (AccessDeniedException) when calling the InvokeModel operation: Your account is not authorized to invoke this API operation."),
  nearMiss("bedrock-model-access", "bedrock-inference-profile", "claude-code #541", `API Error: 403 {"Message":"User: arn:aws:sts::${ACCT}:assumed-role/xxx is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-1:${ACCT}:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0 because no session policy allows the bedrock:InvokeModelWithResponseStream action"}`),
  real("bedrock-model-access", "modernisation-platform-environments #18323", "BedrockException - Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model."),

  // bedrock-model-id-invalid
  seed("bedrock-model-id-invalid", "seed 002", "ValidationException: The provided model identifier is invalid"),
  seed("bedrock-model-id-invalid", "seed 002", "Error: Model anthropic.claude-opus-4-5-v1:0 not found in us-west-2"),
  real("bedrock-model-id-invalid", "kubectl-ai #515", "bedrock stream error: operation error Bedrock Runtime: ConverseStream, https response error StatusCode: 400, RequestID: a9464e5c-4679-4f86-bf6d-46cf872c8bd3, ValidationException: The provided model identifier is invalid."),
  real("bedrock-model-id-invalid", "komputer-ai #141", "API Error (claude-sonnet-4-6): 400 The provided model identifier is invalid.. Try switching to eu.anthropic.claude-sonnet-4-5-20250929-v1:0."),
  nearMiss("bedrock-model-id-invalid", null, "malformed body", "ValidationException: Malformed input request: #: extraneous key [max_tokens_to_sample] is not permitted, please reformat your input and try again."),

  // bedrock-api-key
  seed("bedrock-api-key", "seed 002", "AnthropicError: 401 Unauthorized"),
  seed("bedrock-api-key", "seed 002", 'export AWS_BEDROCK_API_KEY="bdk_v1_abc123def456"\nError: The security token included in the request is invalid'),
  real("bedrock-api-key", "anomalyco/opencode #47073", 'AWS Bedrock "Message":"Authentication failed: Please make sure your API Key is valid."'),
  real("bedrock-api-key", "ai4s-research/open-science #53", 'Forbidden: {"Message":"Authentication failed: Please make sure your API Key is valid."}'),
  nearMiss("bedrock-api-key", "credentials-invalid", "the same message without any API key in sight", "Error: The security token included in the request is invalid"),

  // throttling
  seed("throttling", "seed 002", "Error: Rate exceeded for invokeModel"),
  seed("throttling", "seed 002", "ThrottlingException: Rate exceeded"),
  real("throttling", "i-dot-ai/caddy-chatbot #97", "botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again. You have sent too many requests. Wait before trying again."),
  real("throttling", "minorun365/agent-book #29", "botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many tokens per day, please wait before trying again."),
  real("throttling", "posit-dev/positron #7844", '{"name":"ThrottlingException","$fault":"client","$metadata":{"httpStatusCode":429,"attempts":3,"totalRetryDelay":787}}'),
  nearMiss("throttling", null, "an access-log line", "10.0.0.1 - - [24/Feb/2025:14:15:12 +0000] \"GET /api/notes HTTP/1.1\" 429 12"),

  // region-endpoint-mismatch
  seed("region-endpoint-mismatch", "seed 002", "Error: Could not connect to the endpoint URL"),
  real("region-endpoint-mismatch", "run-llama/llama_index #9812", 'EndpointConnectionError: Could not connect to the endpoint URL: "https://bedrock-runtime.me-central-1.amazonaws.com/model/amazon.titan-text-express-v1/invoke"'),
  real("region-endpoint-mismatch", "amazon-forecast-samples #170", 'EndpointConnectionError: Could not connect to the endpoint URL: "https://forecast.us-west-1.amazonaws.com/"'),
  real("region-endpoint-mismatch", "Node DNS failure", "Error: getaddrinfo ENOTFOUND bedrock-agentcore.ap-northeast-3.amazonaws.com"),
  nearMiss("region-endpoint-mismatch", null, "local service down", "Error: connect ECONNREFUSED 127.0.0.1:4577"),

  // iam-cross-account-resource-policy
  real("iam-cross-account-resource-policy", "aws/agentcore-cli #607", `botocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the InvokeAgentRuntime operation: User: arn:aws:sts::${ACCT}:assumed-role/Admin/user is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-west-2:444455556666:runtime/MyAgent because no resource-based policy allows the bedrock-agentcore:InvokeAgentRuntime action`),
  real("iam-cross-account-resource-policy", "structured SDK error", { service: "agentcore", status: 403, errorType: "AccessDeniedException", message: `User: arn:aws:sts::${ACCT}:assumed-role/caller/s is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-east-1:444455556666:runtime/partner-AbCdEf1234 because no resource-based policy allows the bedrock-agentcore:InvokeAgentRuntime action` }),
  nearMiss("iam-cross-account-resource-policy", "iam-action-not-authorized", "same-account denial", `User: arn:aws:sts::${ACCT}:assumed-role/caller/s is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-east-1:${ACCT}:runtime/own-AbCdEf1234 because no identity-based policy allows the bedrock-agentcore:InvokeAgentRuntime action`),

  // iam-action-not-authorized
  seed("iam-action-not-authorized", "seed 002", `Error: User: arn:aws:iam::${ACCT}:user/john is not authorized to perform: iam:CreateUser`),
  real("iam-action-not-authorized", "IAM AccessDenied wording", `An error occurred (AccessDenied) when calling the CreateRole operation: User: arn:aws:iam::${ACCT}:user/deployer is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCT}:role/my-role because no identity-based policy allows the iam:CreateRole action`),
  real("iam-action-not-authorized", "SCP deny", `User: arn:aws:sts::${ACCT}:assumed-role/ci/session is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:${ACCT}:table/Notes with an explicit deny in a service control policy`),
  nearMiss("iam-action-not-authorized", "agentcore-workload-identity", "a more specific AccessDenied", `User: arn:aws:sts::${ACCT}:assumed-role/r/s is not authorized to perform: bedrock-agentcore:GetResourceOauth2Token on resource: arn:aws:bedrock-agentcore:us-east-1:${ACCT}:workload-identity-directory/default/workload-identity/x`),

  // iam-entity-already-exists
  seed("iam-entity-already-exists", "seed 002", "Error: EntityAlreadyExists - User with name marketing-bedrock-user already exists"),
  real("iam-entity-already-exists", "IAM CreateRole", "An error occurred (EntityAlreadyExists) when calling the CreateRole operation: Role with name AmplifyServiceRole-myapp already exists."),
  real("iam-entity-already-exists", "AWS SDK for Java v2", "software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException: User with name bob already exists. (Service: Iam, Status Code: 409)"),
  nearMiss("iam-entity-already-exists", null, "DynamoDB", "ResourceInUseException: Table already exists: Notes"),
];
