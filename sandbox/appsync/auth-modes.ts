/** The AppSync authorization types the sandbox emulates (AWS_LAMBDA is not). */
export const SANDBOX_AUTH_MODES = ["API_KEY", "AMAZON_COGNITO_USER_POOLS", "AWS_IAM", "OPENID_CONNECT"] as const;
export type AuthMode = (typeof SANDBOX_AUTH_MODES)[number];
