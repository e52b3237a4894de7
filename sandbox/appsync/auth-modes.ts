/** The AppSync authorization types the sandbox emulates (AWS_LAMBDA with a scenario-defined decision table, lambda.ts). */
export const SANDBOX_AUTH_MODES = ["API_KEY", "AMAZON_COGNITO_USER_POOLS", "AWS_IAM", "OPENID_CONNECT", "AWS_LAMBDA"] as const;
export type AuthMode = (typeof SANDBOX_AUTH_MODES)[number];
