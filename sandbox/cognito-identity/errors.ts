import { AwsError } from "../http/aws-json";

/**
 * Cognito identity pool errors with the texts the real service sends, each with where it was
 * seen. Ones marked "best guess" were not found in any captured response.
 */

/** Confirmed: x-amzn-ErrorMessage captured in amplify-js#2443 and amazon-cognito-identity-js#7. */
export const unsupportedProvider = () =>
  new AwsError("NotAuthorizedException", "Token is not from a supported provider of this identity pool.");

/** Confirmed: aws-sdk-js-v3#3113, amplify-js#1089 (header captured in samljs-serverless-sample#3). */
export const unauthenticatedNotSupported = () =>
  new AwsError("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.");

/** Confirmed: amplify-js#2443 (captured headers). */
export const loginsDontMatch = () =>
  new AwsError("NotAuthorizedException", "Logins don't match. Please include at least one valid login for this identity or identity pool.");

/** Confirmed: amazon-cognito-identity-js#91, aws-sdk-js#3408 (a signature that does not verify). */
export const cannotVerifyToken = () =>
  new AwsError("NotAuthorizedException", "Invalid login token. Couldn't verify signed token.");

/** Confirmed wording and number order: aws-sdk-ios#2570 "Token expired: 1589092400 >= 1589092129"
 * (now, then the token's exp). */
export const loginTokenExpired = (now: number, exp: number) =>
  new AwsError("NotAuthorizedException", `Invalid login token. Token expired: ${now} >= ${exp}`);

/** Confirmed: amazon-cognito-identity-js#40/#407, aws-sdk-android#222 (no trailing period in
 * any capture). Sent when the token's iss is not the issuer the Logins key names. */
export const issuerMismatch = () => new AwsError("NotAuthorizedException", "Invalid login token. Issuer doesn't match providerName");

/** Confirmed: amazon-cognito-identity-js#7, what an access token (no aud) gets. */
export const missingAudClaim = () => new AwsError("NotAuthorizedException", "Invalid login token. Missing a required claim: aud");

/** Confirmed for a Logins value that is not a JWT at all: a Google access token in
 * jaredhanson/passport-google-oauth2#20 and a Facebook access token under the key "Facebook" in
 * scientifichackers/flutter_cognito_plugin#13 both got exactly this. The second shows the token is
 * parsed before the provider name is looked up. */
export const notValidOidcToken = () =>
  new AwsError("NotAuthorizedException", "Invalid login token. Not a valid OpenId Connect identity token.");

/** Wording confirmed (aws-sdk-android#1431, where it came and went between retries), but no source
 * says what triggers it. Sent for a token the pool signed that is neither an ID token nor an access
 * token (an access token gets missingAudClaim): unconfirmed. */
export const notACognitoToken = () => new AwsError("NotAuthorizedException", "Invalid login token. Not a Cognito token.");

/** Confirmed: seed 001, aws/amazon-cognito-auth-js#196, Blasanka/aws_s3_plugin#14. */
export const invalidPoolConfiguration = () =>
  new AwsError("InvalidIdentityPoolConfigurationException", "Invalid identity pool configuration. Check assigned IAM roles for this pool.");

/** Confirmed: aws-sdk-android-samples#163, amplify-js#14117. */
export const poolNotFound = (poolId: string) => new AwsError("ResourceNotFoundException", `IdentityPool '${poolId}' not found.`);

/** Best guess, by analogy with the pool message. */
export const identityNotFound = (identityId: string) => new AwsError("ResourceNotFoundException", `Identity '${identityId}' not found.`);

/** Confirmed, with InvalidParameterException: aws/aws-cli#7652 ("An error occurred
 * (InvalidParameterException) when calling the GetOpenIdToken operation: Basic (classic) flow is
 * not enabled, please use enhanced flow."). */
export const classicFlowDisabled = () =>
  new AwsError("InvalidParameterException", "Basic (classic) flow is not enabled, please use enhanced flow.");
