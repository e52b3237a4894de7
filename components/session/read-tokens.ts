"use client";

import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";

/**
 * The user pool tokens only (refreshed when expired). Amplify's fetchAuthSession() would also
 * fetch identity-pool credentials and throw when those fail — but a broken identity pool is one
 * of the things this tool exists to show, next to perfectly good tokens.
 */
export function readTokens(forceRefresh = false) {
  return cognitoUserPoolsTokenProvider.getTokens({ forceRefresh });
}
