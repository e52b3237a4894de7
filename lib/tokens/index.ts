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
export * from "./signature-state";
export type { AuthorizerResult } from "./authorizers/result";
export * from "./authorizers/agentcore";
export { RUNTIME_UNPARSABLE, gatewayRefusal } from "./authorizers/agentcore-responses";
export { checkAppSyncUserPool } from "./authorizers/appsync";
export { checkAppSyncOidc } from "./authorizers/appsync-oidc";
