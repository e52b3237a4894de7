import { nearMiss, real, seed, type Case } from "./case";

/** Cognito tokens, AppSync and identity pools. Fake ids and ARNs; the wordings are the services'. */

const ACCT = "123456789012";
const SEED_001_AMPLIFY_ERROR = `{ message: "Unauthorized", recoverySuggestion: \`If you're calling an Amplify-generated API, make sure to set the "authMode" in generateClient({ authMode: '...' }) to the backend authorization rule's auth provider ('apiKey', 'userPool', 'iam', 'oidc', 'lambda')\` }`;

export const AUTH_CASES: readonly Case[] = [
  // cognito-client-id-mismatch
  seed("cognito-client-id-mismatch", "seed 000", "症状: Claim 'client_id' value mismatch with configuration."),
  seed("cognito-client-id-mismatch", "seed 000 (Japanese cause)", "原因: IDトークンを使用していたが、APIがアクセストークンのclient_idクレームを検証していた"),
  real("cognito-client-id-mismatch", "issue brief / wire facts (matrix cell)", { service: "agentcore", variant: "id-token", status: 401, message: "Claim 'client_id' value mismatch with configuration." }),
  real("cognito-client-id-mismatch", "wire facts: allowedAudience with an access token", { service: "agentcore", variant: "access-token", status: 401, message: "Claim 'aud' value mismatch with configuration." }),
  real("cognito-client-id-mismatch", "public README (aws-jwt-verify)", 'Token verification failed: Token use not allowed: id. Expected: access'),
  real("cognito-client-id-mismatch", "aws-jwt-verify assert.ts wording", "CognitoJwtInvalidClientIdError: Client ID not allowed: 5p3b8b1v3hqbq0bm3h1h1iiqh1. Expected: 3n4b5urk1ft4fl3mg5e62d9ado"),
  real("cognito-client-id-mismatch", "structured: authorizer config + ID token", { service: "agentcore", variant: "id-token", status: 401, authorizer: { discoveryUrl: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc/.well-known/openid-configuration", allowedClients: ["3n4b5urk1ft4fl3mg5e62d9ado"] } }),
  nearMiss("cognito-client-id-mismatch", null, "MQTT broker (amqtt)", "Empty client id not allowed with persistent session"),
  nearMiss("cognito-client-id-mismatch", null, "socket.io example", "Client ID not allowed. Connection rejected"),

  // cognito-claim-only-in-id-token
  real("cognito-claim-only-in-id-token", "localstack/localstack#2896",
    "Tokens issued by our production Cognito user pool have the injected claim in the `id_token`, not in the `access_token`."),
  real("cognito-claim-only-in-id-token", "jagregory/cognito-local#402",
    "It seems that token value overrides only work for ID Tokens, and are not applied to access tokens. My use case is that I need to add additional claims to the access token."),
  real("cognito-claim-only-in-id-token", "aws-amplify/amplify-cli#13638",
    "I want to add a claim to access token instead of id token to get this claim on a lambda app sync call."),
  real("cognito-claim-only-in-id-token", "aws/aws-lambda-java-libs#478",
    "I am looking to add some custom claims to an access token during the authorisation process following the instructions for the pre token generation trigger."),
  real("cognito-claim-only-in-id-token", "the local sandbox's AgentCore answer (agentcore-custom-claims scenario, wording not confirmed)",
    { service: "agentcore", variant: "access-token", status: 401, message: "Claim 'tenant_id' value mismatch with configuration." }),
  nearMiss("cognito-claim-only-in-id-token", "cognito-client-id-mismatch", "seed 000: allowedClients, not a custom claim",
    { service: "agentcore", variant: "id-token", status: 401, message: "Claim 'client_id' value mismatch with configuration." }),
  nearMiss("cognito-claim-only-in-id-token", "oauth-token-lacks-scope", "allowedScopes, not a custom claim",
    { service: "agentcore", variant: "access-token", status: 401, message: "Claim 'scope' value mismatch with configuration." }),

  // cognito-issuer-mismatch
  real("cognito-issuer-mismatch", "aws-jwt-verify assert.ts wording", "JwtInvalidIssuerError: Issuer not allowed: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AAAA. Expected: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_BBBB"),
  real("cognito-issuer-mismatch", "aws-jwt-verify KidNotFoundInJwksError", 'KidNotFoundInJwksError: JWK for kid "r4LtW3o2vKpZ9=" not found in the JWKS'),
  real("cognito-issuer-mismatch", "jose", 'JWTClaimValidationFailed: unexpected "iss" claim value'),
  nearMiss("cognito-issuer-mismatch", null, "TLS", "unable to get issuer certificate"),

  // cognito-issuer-form-mismatch
  real("cognito-issuer-form-mismatch", "aws-jwt-verify assert.ts wording, ORIGINAL-only verifier and an UPDATED-issuer token",
    "JwtInvalidIssuerError: Issuer not allowed: https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AAAA. Expected: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AAAA"),
  real("cognito-issuer-form-mismatch", "aws-jwt-verify assert.ts wording, the reverse",
    "JwtInvalidIssuerError: Issuer not allowed: https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123. Expected: https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"),
  real("cognito-issuer-form-mismatch", "aws-jwt-verify assert.ts wording with a list of issuers",
    "JwtInvalidIssuerError: Issuer not allowed: https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123. Expected one of: https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other1, https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"),
  real("cognito-issuer-form-mismatch", "the dashboard's AgentCore prediction (authorizer panel hint)",
    { service: "agentcore", status: 401, message: "Token rejected: iss https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC does not match the discovery URL's issuer https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC. (AgentCore's exact wording for this case is not confirmed.)" }),
  real("cognito-issuer-form-mismatch", "the local sandbox's AgentCore answer (updated-issuer scenario)",
    "401 Token rejected: iss http://127.0.0.1:4577/issuer-cognito-idp/ap-northeast-1_UpdIss001 does not match the discovery URL's issuer http://127.0.0.1:4577/ap-northeast-1_UpdIss001."),
  nearMiss("cognito-issuer-form-mismatch", "cognito-issuer-mismatch", "aws-jwt-verify: another pool, both UPDATED",
    "JwtInvalidIssuerError: Issuer not allowed: https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AAAA. Expected: https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_BBBB"),
  nearMiss("cognito-issuer-form-mismatch", "cognito-issuer-mismatch", "aws-jwt-verify: UPDATED form of another pool",
    "JwtInvalidIssuerError: Issuer not allowed: https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AAAA. Expected: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_BBBB"),

  // cognito-updated-issuer-unsupported
  real("cognito-updated-issuer-unsupported", "Amazon Cognito Developer Guide, user pools as an OIDC issuer",
    "The updated issuer type is not currently compatible with Application Load Balancer authentication with Amazon Cognito or Amazon API Gateway Amazon Cognito authorizers"),
  real("cognito-updated-issuer-unsupported", "the dashboard's API Gateway prediction (authorizer panel hint)",
    { service: "api-gateway", tokenUse: "id", message: "Token refused: API Gateway's Cognito authorizer does not accept the UPDATED issuer https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123. AWS: \"The updated issuer type is not currently compatible with … Amazon API Gateway Amazon Cognito authorizers.\" (API Gateway's exact answer for this case is not confirmed.)" }),
  real("cognito-updated-issuer-unsupported", "API Gateway's bare 401 with the COGNITO_USER_POOLS authorizer and the token's iss",
    { service: "api-gateway", authorizer: "COGNITO_USER_POOLS", status: 401, body: '{"message":"Unauthorized"}', text: "iss: https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123" }),
  real("cognito-updated-issuer-unsupported", "an ALB listener rule with authenticate-cognito after the pool switched issuers",
    "ALB rule action authenticate-cognito → 401 after the user pool was switched to the updated issuer https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"),
  nearMiss("cognito-updated-issuer-unsupported", "apigateway-cognito-token-use", "API Gateway's bare 401 with the ORIGINAL issuer and an access token",
    { service: "api-gateway", authorizer: "COGNITO_USER_POOLS", variant: "access-token", status: 401, body: '{"message":"Unauthorized"}', text: "iss: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123" }),
  nearMiss("cognito-updated-issuer-unsupported", "cognito-issuer-form-mismatch", "an AgentCore discoveryUrl of the other form (not an integration AWS documents as incompatible)",
    { service: "agentcore", status: 401, message: "Token rejected: iss https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC does not match the discovery URL's issuer https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC. (AgentCore's exact wording for this case is not confirmed.)" }),

  // token-expired
  real("token-expired", "wire facts: AppSync", { service: "appsync", status: 401, body: '{"errors":[{"errorType":"UnauthorizedException","message":"Token has expired."}]}' }),
  real("token-expired", "API Gateway (product's authorizer model)", '{"message":"The incoming token has expired"}'),
  real("token-expired", "nestymook/mbti-travel-assistant-v2 JWT_CIRCUIT_BREAKER_FIX_SUMMARY.md", 'HTTP request failed: 403 - {"message":"OAuth authorization failed: Ineffectual token, will expire within the next minute"}'),
  real("token-expired", "Cognito user-pool API", "NotAuthorizedException: Access Token has expired"),
  real("token-expired", "aws-sdk-js #1307 family", "An error occurred (ExpiredToken) when calling the CreateRole operation: The security token included in the request is expired"),
  real("token-expired", "aws-jwt-verify jwt.ts wording", "JwtExpiredError: Token expired at 2025-02-24T15:15:12.000Z"),
  real("token-expired", "JciHitachiHA #33", "An error occurred when acquiring a new AwsCredentials: NotAuthorizedException Invalid login token. Token expired: 1667365798 >= 1667235770"),
  real("token-expired", "jose", 'JWTExpired: "exp" claim timestamp check failed'),
  real("token-expired", "Japanese", "APIを叩くとトークンの有効期限が切れていますと言われる"),
  nearMiss("token-expired", null, "Cognito confirm sign-up", "ExpiredCodeException: Invalid code provided, please request a code again."),
  nearMiss("token-expired", "sigv4-clock-skew", "STS (convox/rack #235 shape)", "SignatureDoesNotMatch: Signature expired: 20250101T000000Z is now earlier than 20250101T000500Z (20250101T001000Z - 5 min.)"),
  nearMiss("token-expired", null, "web app", "Your session has expired due to inactivity. Please log in again."),

  // apigateway-cognito-token-use
  real("apigateway-cognito-token-use", "amplify-js #4209 (product authorizer model)", { service: "api-gateway", variant: "access-token", status: 401, body: '{"message":"Unauthorized"}' }),
  real("apigateway-cognito-token-use", "API Gateway with method scopes", { service: "api-gateway", authorizer: "COGNITO_USER_POOLS", variant: "id-token", status: 401, body: '{"message":"Unauthorized"}' }),
  nearMiss("apigateway-cognito-token-use", null, "bare body, no context", '{"message":"Unauthorized"}'),

  // appsync-unauthorized-iam
  // Amplify's recoverySuggestion replaces whatever AppSync said: alone it names no cause (question.ts
  // asks for the credential); with the IAM credential the test call used, it is seed 001's cause.
  nearMiss("appsync-unauthorized-iam", null, "seed 001 (Amplify error, no credential known)", SEED_001_AMPLIFY_ERROR),
  seed("appsync-unauthorized-iam", "seed 001 (Amplify error, IAM credentials)", { service: "appsync", variant: "iam", text: SEED_001_AMPLIFY_ERROR }),
  seed("appsync-unauthorized-iam", "seed 001 with the CloudTrail verdict", { service: "appsync", variant: "iam", cloudTrailVerdict: "assumed", status: 401, message: "Unauthorized" }),
  real("appsync-unauthorized-iam", "issue brief (matrix cell)", { service: "appsync", variant: "iam", status: 401, errorType: "UnauthorizedException", message: "Not Authorized to access listNotes on type Query" }),
  real("appsync-unauthorized-iam", "amplify-js #2698 (IAM)", { variant: "iam", message: "Not Authorized to access createCoin on type Coin" }),
  real("appsync-unauthorized-iam", "wire facts", { service: "appsync", variant: "iam", status: 401, body: '{"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call."}]}' }),
  real("appsync-unauthorized-iam", "IAM deny naming appsync:GraphQL", `User: arn:aws:sts::${ACCT}:assumed-role/amplify-authRole/CognitoIdentityCredentials is not authorized to perform: appsync:GraphQL on resource: arn:aws:appsync:ap-northeast-1:${ACCT}:apis/abc123/types/Query/fields/listNotes`),
  nearMiss("appsync-unauthorized-iam", "appsync-field-not-authorized", "user-pool caller (amplify-hosting #3781)", { service: "appsync", variant: "id-token", status: 200, message: "Not Authorized to access createTodo on type Mutation" }),
  nearMiss("appsync-unauthorized-iam", null, "seed 001 CloudWatch line alone (no variant: ambiguous)", "bd4f8c67-6eb0-4c98-8c6a-432e6f9f57dd Response Headers: {x-amzn-ErrorType=UnauthorizedException}"),

  // appsync-unauthorized-userpool
  real("appsync-unauthorized-userpool", "amplify-js #4373", '"errors" : [ { "errorType" : "UnauthorizedException", "message" : "Valid authorization header not provided." } ]'),
  real("appsync-unauthorized-userpool", "amplify-js #2645", '{ "errors" : [ { "errorType" : "UnauthorizedException", "message" : "Unable to parse JWT token." } ] }'),
  real("appsync-unauthorized-userpool", "hand-written curl with Bearer", { service: "appsync", variant: "access-token", status: 401, text: "curl -H 'Authorization: Bearer eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln' https://abc.appsync-api.us-east-1.amazonaws.com/graphql", message: "Unable to parse JWT token." }),
  nearMiss("appsync-unauthorized-userpool", "appsync-unauthorized-iam", "IAM cell saying only Unauthorized", { service: "appsync", variant: "iam", status: 401, errorType: "UnauthorizedException", message: "Unauthorized" }),

  // appsync-auth-mode-missing: the credential kind is not one of the API's modes
  real("appsync-auth-mode-missing", "aws-amplify/docs #1884 (IAM-signed Lambda call, Cognito-only API)", { service: "appsync", variant: "iam", status: 401, errorType: "UnauthorizedException", text: '{ "errors": [ { "errorType": "UnauthorizedException", "message": "Unable to parse JWT token." } ] }' }),
  real("appsync-auth-mode-missing", "jonsaw/amazon-cognito-identity-dart #25 (SigV4-signed)", { service: "appsync", variant: "sigv4", text: '"errors" : [ { "errorType" : "UnauthorizedException", "message" : "Unable to parse JWT token." } ]' }),
  real("appsync-auth-mode-missing", "test call: realtime IAM cell, the environment lists only user pools", { service: "appsync-realtime", variant: "iam", errorType: "UnauthorizedException", message: "You are not authorized to make this call.", authorizer: { authModes: ["AMAZON_COGNITO_USER_POOLS"] } }),
  real("appsync-auth-mode-missing", "test call: API key cell, the environment lists user pools and IAM", { service: "appsync-http", variant: "api-key", status: 401, errorType: "UnauthorizedException", message: "Unauthorized", authorizer: { authModes: ["AMAZON_COGNITO_USER_POOLS", "AWS_IAM"] } }),
  nearMiss("appsync-auth-mode-missing", "appsync-unauthorized-iam", "IAM cell on an API that has AWS_IAM (seed 001)", { service: "appsync-http", variant: "iam", status: 401, errorType: "UnauthorizedException", message: "Permission denied", authorizer: { type: "AWS_IAM", authModes: ["AMAZON_COGNITO_USER_POOLS", "API_KEY", "AWS_IAM"] } }),

  // appsync-field-not-authorized
  real("appsync-field-not-authorized", "amplify-android #2124", "DataStoreException{message=Failure performing sync query to AppSync: [GraphQLResponse.Error{message='Not Authorized to access syncReviews on type ModelReviewConnection'"),
  real("appsync-field-not-authorized", "amplify-hosting #3781", '{ "data": { "createTodo": null }, "errors": [ { "path": ["createTodo"], "errorType": "Unauthorized", "message": "Not Authorized to access createTodo on type Mutation" } ] }'),
  real("appsync-field-not-authorized", "amplify-cli #9365", { service: "appsync", variant: "access-token", message: "Not Authorized to access createUser on type User" }),
  nearMiss("appsync-field-not-authorized", "appsync-unauthorized-iam", "same message, IAM caller", { service: "appsync", variant: "iam", message: "Not Authorized to access getUser on type User" }),
  real("appsync-field-not-authorized", "amplify-studio #169 (realtime start)", 'subscriptionError Connection failed: {"errors":[{"errorType":"Unauthorized","message":"Not Authorized to access onCreateAPIRace on type Subscription"}]}'),
  real("appsync-field-not-authorized", "knowledge center wording, no context", "Unauthorized: Not Authorized to access adminReport on type Query"),

  // appsync-unauthorized-iam: AppSync's own answer to a policy refusal
  real("appsync-unauthorized-iam", "amplify-cli #6595", "errors: [{ errorType: 'UnauthorizedException', message: 'Permission denied' }]"),
  real("appsync-unauthorized-iam", "amplify-android #1369 (realtime)", "GraphQLResponse.Error{message='Permission denied', locations='null', path='null', extensions='{errorType=UnauthorizedException}'}"),
  nearMiss("appsync-unauthorized-iam", null, "a shell", "bash: ./deploy.sh: Permission denied"),

  // appsync-api-key-invalid
  real("appsync-api-key-invalid", "amplify-studio #1003", '"message" : "You are not authorized to make this call."'),
  real("appsync-api-key-invalid", "amplify-android #1392 (realtime, API-key API)", 'Websocket listener received a CONNECTION_ERROR event. {"payload":{"errors":[{"errorType":"com.amazonaws.deepdish.graphql.auth#UnauthorizedException","message":"You are not authorized to make this call.","errorCode":400}]},"type":"connection_error"}'),
  real("appsync-api-key-invalid", "expired key in a matrix cell", { service: "appsync", variant: "api-key", status: 401, errorType: "UnauthorizedException", message: "You are not authorized to make this call." }),
  nearMiss("appsync-api-key-invalid", "appsync-unauthorized-iam", "the same text for an IAM-signed call", { service: "appsync", variant: "iam", status: 401, body: '{"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call."}]}' }),

  // appsync-realtime-handshake
  real("appsync-realtime-handshake", "aws/aws-appsync-community #195", '{"payload":{"errors":[{"message":"NoProtocolError","errorCode":400}]},"type":"connection_error"}'),
  real("appsync-realtime-handshake", "graphql-dotnet/graphql-client #591", '{"payload":{"errors":[{"message":"SubProtocolNotSupportedError","errorCode":400}]},"type":"connection_error"}'),
  real("appsync-realtime-handshake", "graphql-dotnet/graphql-client #662", '{"payload":{"errors":[{"message":"Required headers are missing.","errorCode":400}]},"type":"connection_error"}'),
  nearMiss("appsync-realtime-handshake", "appsync-api-key-invalid", "amplify-flutter #2763: the handshake is fine, the credentials are not", '{"payload":{"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call.","errorCode":401}]},"type":"connection_error"}'),

  // appsync-events-namespace-auth-mode: decided by the cell (an Event API call), AppSync's words are generic
  real("appsync-events-namespace-auth-mode", "test call: Event API HTTP publish with the API key, namespace publishes with IAM only", { service: "events-http-publish", variant: "api-key", status: 401, errorType: "UnauthorizedException", message: "You are not authorized to make this call.", text: "[AppSync Event API call: events-http-publish]\n401 UnauthorizedException: You are not authorized to make this call." }),
  real("appsync-events-namespace-auth-mode", "test call: Event API WebSocket subscribe with an ID token, namespace subscribes with the API key only", { service: "events-ws-subscribe", variant: "id-token", errorType: "UnauthorizedException", message: "You are not authorized to make this call.", text: '[AppSync Event API call: events-ws-subscribe]\n← {"type":"subscribe_error","id":"probe-1","errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call."}]}' }),
  nearMiss("appsync-events-namespace-auth-mode", "appsync-api-key-invalid", "the same words from a GraphQL API (amplify-studio #1003)", { service: "appsync-http", variant: "api-key", status: 401, errorType: "UnauthorizedException", message: "You are not authorized to make this call." }),

  // appsync-events-signature-body
  real("appsync-events-signature-body", "aws-amplify/amplify-js #14001", String.raw`[DEBUG] 34:14.119 AWSAppSyncEventsProvider - subscription message from AWS AppSyncRealTime: {"errors":[{"errorType":"BadRequestException","message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/event\n\naccept:application/json, text/javascript\ncontent-encoding:amz-1.0\ncontent-type:application/json; charset=UTF-8\nhost:api-id.appsync-api.eu-west-1.amazonaws.com\nx-amz-date:20241111T173413Z"}]}`),
  real("appsync-events-signature-body", "aws/aws-appsync-community #400", 'WebSocket connections fail when publishing events containing angle brackets (<>) with "BadRequestException: signature mismatch", while HTTP POST works fine.'),
  nearMiss("appsync-events-signature-body", "sigv4-signature-mismatch", "aws-mobile-appsync-sdk-js #561: the same words for a GraphQL subscription (POST /graphql)", String.raw`Connection failed: {"errors":[{"errorType":"BadRequestException","message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/graphql\n\naccept:*/*\ncontent-type:application/json; charset=UTF-8"}]}`),

  // identity-pool-config
  seed("identity-pool-config", "seed 001", "InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool."),
  real("identity-pool-config", "aws-sdk-js #1615", '{"__type":"InvalidIdentityPoolConfigurationException","message":"Invalid identity pool configuration. Check assigned IAM roles for this pool."}'),
  real("identity-pool-config", "aws-sdk-android #9", "com.amazonaws.AmazonServiceException: Not authorized to perform sts:AssumeRoleWithWebIdentity (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: 83bfc431-3733-11e4-90c0-6dbe37b9d930)"),
  real("identity-pool-config", "CloudTrail verdict only", { service: "identity-pool", variant: "iam", cloudTrailVerdict: "refused" }),
  real("identity-pool-config", "re:Post eks-troubleshoot-sdk-workload (CloudTrail record)", '"eventName": "AssumeRoleWithWebIdentity", "errorCode": "AccessDenied", "errorMessage": "An unknown error occurred", "requestParameters": { "roleArn": "arn:aws:iam::111122223333:role/AccessEC2role" }'),
  nearMiss("identity-pool-config", null, "reddit r/aws: the same record text for another service", 'Cloudtrail shows: "errorCode": "AccessDenied","errorMessage": "An unknown error occurred", (UpdateAutoScalingGroup: You are not authorized to use launch template)'),
  nearMiss("identity-pool-config", "iam-action-not-authorized", "plain AssumeRole", `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::${ACCT}:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCT}:role/deploy`),

  // identity-pool-guest-scope-down
  real("identity-pool-guest-scope-down", "aws/aws-sdk-js-v3 #3262", "AccessDeniedException: User: xxx is not authorized to perform: states:ListExecutions on resource: yyy because no session policy allows the states:ListExecutions action"),
  real("identity-pool-guest-scope-down", "aws/aws-sdk-js #4303", "Cognito unauthenticated user not authorized to perform: ssm:GetParameter because no session policy allows"),
  real("identity-pool-guest-scope-down", "sandbox: guest credentials against an AWS_IAM AgentCore runtime", { service: "agentcore", variant: "iam", status: 403, errorType: "AccessDeniedException", message: `User: arn:aws:sts::${ACCT}:assumed-role/app-unauth/CognitoIdentityCredentials is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-east-1:${ACCT}:runtime/agent-AbCdE12345 because no session policy allows the bedrock-agentcore:InvokeAgentRuntime action` }),
  nearMiss("identity-pool-guest-scope-down", "iam-action-not-authorized", "IAM role without the permission", `User: arn:aws:sts::${ACCT}:assumed-role/app-role/session is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key because no identity-based policy allows the s3:GetObject action`),

  // cognito-refresh-token-rejected
  real("cognito-refresh-token-rejected", "aws/aws-sdk-cpp #1789", '{"__type":"NotAuthorizedException","message":"Invalid Refresh Token."}'),
  real("cognito-refresh-token-rejected", "aws-amplify/amplify-swift #3344", "x-amzn-ErrorType: NotAuthorizedException:, x-amzn-ErrorMessage: Refresh Token has been revoked"),
  real("cognito-refresh-token-rejected", "aws-amplify/amplify-swift #3496", 'NotAuthorizedException(properties: AWSCognitoIdentityProvider.NotAuthorizedException.Properties(message: Optional("Refresh Token has expired"))'),
  nearMiss("cognito-refresh-token-rejected", "token-expired", "Cognito user-pool API, access token", "NotAuthorizedException: Access Token has expired"),

  // cognito-client-credentials-refused
  real("cognito-client-credentials-refused", "boto/boto3 #3916", "Error: invalid_grant after creating the app client using boto3 create_user_pool_client. I created a User Pool for client_credentials; when I run it in Postman, it gives me the error Error: invalid_grant."),
  real("cognito-client-credentials-refused", "aws/aws-sdk-js-v3 #7158", "CreateUserPoolClientCommand using oauth & client credentials incorrectly returns invalid_grant error until I edit in the console"),
  real("cognito-client-credentials-refused", "re:Post QUnhrxb08MRJaH7hIRtUnCKA", 'I am trying to use client credentials grant type, but I get the {"error":"invalid_scope"} error message while trying to make the request to fetch the access_token from https://AUTH_DOMAIN/oauth2/token'),
  real("cognito-client-credentials-refused", "token endpoint, structured", { service: "cognito", status: 400, message: '{"error":"invalid_scope"}', text: "POST https://m2m.auth.us-east-1.amazoncognito.com/oauth2/token grant_type=client_credentials" }),
  nearMiss("cognito-client-credentials-refused", null, "a successful client credentials response", 'POST /oauth2/token grant_type=client_credentials -> 200 {"access_token":"…","expires_in":3600,"token_type":"Bearer"}'),

  // oauth-token-lacks-scope
  real("oauth-token-lacks-scope", "awslabs/aws-amplify-identity-broker #376", "Access Token returning incorrect scope(aws.cognito.signin.user.admin). My Cognito App Client has openid scope selected in the cognito user pool. Returned Access token always contains \"aws.cognito.signin.user.admin\" scope instead of openid which we selected."),
  real("oauth-token-lacks-scope", "aws/aws-sdk #178", "Currently, when I get a Token with the above command I get a token with the default scope aws.cognito.signin.user.admin. I'm using an ApiGateway with some custom scopes defined in my AppClient and I'm not able to connect with a token got by awscli because that token doesn't have the corresponding custom scope."),
  nearMiss("oauth-token-lacks-scope", null, "GetUser with a hosted-UI token lacking Cognito's own scope (aws-amplify/amplify-js #1906, reworded)", "NotAuthorizedException: Access Token does not have required scopes"),
  real("oauth-token-lacks-scope", "test call: runtime with allowedScopes, user sign-in token", { service: "agentcore", variant: "access-token", status: 401, message: "Claim 'scope' value mismatch with configuration." }),

  // cognito-auth-flow-not-enabled
  real("cognito-auth-flow-not-enabled", "aws-amplify/amplify-swift #3537", "AuthError: USER_SRP_AUTH is not enabled for the client.\nRecovery suggestion: Make sure that the parameters passed are valid\nCaused by:\ninvalidParameter"),
  real("cognito-auth-flow-not-enabled", "aws-samples/aws-serverless-workshops #277", "InvalidParameterException: USER_SRP_AUTH is not enabled for the client."),
  real("cognito-auth-flow-not-enabled", "user reports (USER_PASSWORD_AUTH)", "InvalidParameterException: USER_PASSWORD_AUTH flow not enabled for this client"),
  nearMiss("cognito-auth-flow-not-enabled", null, "aws/aws-sdk-cpp #452", "InvalidParameterException :  Missing required parameter SRP_A"),

  // cognito-mfa-code-rejected
  real("cognito-mfa-code-rejected", "aws-samples/aws-amplify-auth-starters #15", '{__type: "EnableSoftwareTokenMFAException", message: "Code mismatch and fail enable Software Token MFA"}'),
  real("cognito-mfa-code-rejected", "amplify-swift MFASignInTests.swift", "RespondToAuthChallengeOutputError.expiredCodeException - \"Your software token has already been used once.\""),
  real("cognito-mfa-code-rejected", "amplify-js #11069", 'Auth.confirmSignIn {"__type":"CodeMismatchException","message":"Invalid code or auth state for the user."}'),
  real("cognito-mfa-code-rejected", "a wrong authenticator code, as apps report it", { service: "cognito", status: 400, errorType: "CodeMismatchException", message: "Invalid code received for user" }),
  nearMiss("cognito-mfa-code-rejected", null, "Cognito confirm sign-up", "CodeMismatchException: Invalid verification code provided, please try again."),

  // cognito-mfa-session-invalid
  real("cognito-mfa-session-invalid", "amplify-js #6461", '{code: "NotAuthorizedException", name: "NotAuthorizedException", message: "Invalid session for the user."}'),
  real("cognito-mfa-session-invalid", "amplify-js #14330", "This is the exact error: `Invalid session for the user, session can only be used once.`"),
  real("cognito-mfa-session-invalid", "amazon-cognito-identity-js #270", "x-amzn-ErrorMessage:Missing required parameter Session\nx-amzn-ErrorType:InvalidParameterException:"),
  nearMiss("cognito-mfa-session-invalid", null, "another missing parameter (aws-sdk-cpp #452)", "InvalidParameterException: Missing required parameter SRP_A"),

  // cognito-totp-not-set-up
  real("cognito-totp-not-set-up", "amazon-cognito-identity-js #630", "the server is responding with `SoftwareTokenMFANotFoundException: Software Token MFA does not exist for the user.`"),
  real("cognito-totp-not-set-up", "amplify-js #1875", "it returns below as response error message. > Error: User has not set up software token mfa"),
  real("cognito-totp-not-set-up", "aws-sdk-js-v3 #4645", "InvalidParameterException: User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA"),
  real("cognito-totp-not-set-up", "Cognito developer guide (TOTP)", "SoftwareTokenMFANotFoundException: Software Token MFA has not been enabled by the userPool"),
  nearMiss("cognito-totp-not-set-up", null, "SMS MFA configuration", "InvalidSmsRoleAccessPolicyException: Role does not have permission to publish with SNS"),

  // identity-pool-token
  real("identity-pool-token", "amplify-flutter #851", "com.amazonaws.services.cognitoidentity.model.NotAuthorizedException: Token is not from a supported provider of this identity pool. (Service: AmazonCognitoIdentity; Status Code: 400; Error Code: NotAuthorizedException)"),
  real("identity-pool-token", "aws-sdk-android #1431", "Invalid login token. Not a Cognito token. (Service: AmazonCognitoIdentity; Status Code: 400; Error Code: NotAuthorizedException)"),
  real("identity-pool-token", "aws-sdk-android #52", "Unauthenticated access is not supported for this identity pool. (Service: AmazonCognitoIdentity; Status Code: 400; Error Code: NotAuthorizedException)"),
  real("identity-pool-token", "jaredhanson/passport-google-oauth2 #20", "NotAuthorizedException: Invalid login token. Not a valid OpenId Connect identity token."),
  real("identity-pool-token", "amazon-cognito-identity-js #7", "AWSNotAuthorizedException: Invalid login token. Missing a required claim: aud"),
  real("identity-pool-token", "amazon-cognito-identity-js #91", '{"__type":"NotAuthorizedException","message":"Invalid login token. Couldn\'t verify signed token."}'),
  nearMiss("identity-pool-token", null, "sign-in failure", "NotAuthorizedException: Incorrect username or password."),

  // identity-pool-role-mapping-denied
  real("identity-pool-role-mapping-denied", "aws-amplify/amplify-js #3621", "json.js:51 Uncaught (in promise) NotAuthorizedException: The ambiguous role mapping rules for: accounts.google.com denied this request."),
  real("identity-pool-role-mapping-denied", "ericyanpek/agentcore-private-registry-blueprint examples/cognito-end-to-end/README.md", "✅ as expected — Identity Pool denied bob:\n     error code: NotAuthorizedException\n     message: The ambiguous role mapping rules for: ... denied this request."),
  nearMiss("identity-pool-role-mapping-denied", "identity-pool-config", "the role was chosen, STS refused it", "InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool."),
  // identity-pool-role-mapping
  real("identity-pool-role-mapping", "CloudTrail verdict", { service: "appsync", variant: "iam", cloudTrailVerdict: "assumed-other-role", status: 401, message: "Unauthorized" }),
  real("identity-pool-role-mapping", "guest-role session in an AccessDenied", `User: arn:aws:sts::${ACCT}:assumed-role/amplify-myapp-dev-unauthRole/CognitoIdentityCredentials is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::bucket/key`),
  nearMiss("identity-pool-role-mapping", "appsync-unauthorized-iam", "role assumed as expected", { service: "appsync", variant: "iam", cloudTrailVerdict: "assumed", status: 401, message: "Unauthorized" }),

  // cloudtrail-no-assume-role
  real("cloudtrail-no-assume-role", "CloudTrail verdict", { service: "appsync", variant: "iam", cloudTrailVerdict: "absent", status: 401, message: "Unauthorized" }),
  real("cloudtrail-no-assume-role", "CloudTrail verdict, AgentCore", { service: "agentcore", variant: "sigv4-presigned", cloudTrailVerdict: "absent" }),
  nearMiss("cloudtrail-no-assume-role", "identity-pool-config", "the event is there, refused", { service: "identity-pool", variant: "iam", cloudTrailVerdict: "refused" }),
];
