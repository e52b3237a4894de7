/** lib/tokens: read, explain, compare and verify Cognito JWTs, and predict AWS authorizers. */
export * from "./errors";
export * from "./decode";
export * from "./extract";
export * from "./claims";
export * from "./compare";
export * from "./checks";
export * from "./issuer";
export * from "./jwks-cache";
export * from "./verify";
export { tokenAgeSeconds } from "./time-checks";
export type { AuthorizerName, AuthorizerResult, AwsPrediction } from "./authorizers/result";
export type { AuthorizerInput } from "./authorizers/common";
export * from "./authorizers/agentcore";
export { RUNTIME_UNPARSABLE, gatewayRefusal } from "./authorizers/agentcore-responses";
export type { CustomClaimValidation } from "./authorizers/agentcore-claims";
export { checkAppSyncUserPool, type AppSyncUserPoolConfig } from "./authorizers/appsync";
export { checkAppSyncOidc, type AppSyncOidcConfig } from "./authorizers/appsync-oidc";
export { checkApiGateway, type ApiGatewayCognitoConfig } from "./authorizers/api-gateway";
