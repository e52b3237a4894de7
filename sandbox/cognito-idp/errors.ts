import { AwsError } from "../http/aws-json";

/**
 * Cognito user pool errors with the texts the real service sends. Where a text is confirmed,
 * the source is noted; the others are our best guess and say so.
 */

/** Confirmed (localstack/localstack#3201, captured from AWS). Also used for unknown users,
 * because new app clients hide user existence (PreventUserExistenceErrors=ENABLED). */
export const incorrectCredentials = () => new AwsError("NotAuthorizedException", "Incorrect username or password.");

/** Confirmed (aws/aws-sdk-php#2183, aws-amplify/amplify-flutter#740). */
export const clientNotFound = (clientId: string) =>
  new AwsError("ResourceNotFoundException", `User pool client ${clientId} does not exist.`);

/**
 * An auth flow the app client does not allow. Cognito words it differently per flow:
 *  - USER_SRP_AUTH: "USER_SRP_AUTH is not enabled for the client." (captured in
 *    aws-amplify/amplify-swift#3537 and aws-samples/aws-serverless-workshops#277);
 *  - USER_PASSWORD_AUTH: "USER_PASSWORD_AUTH flow not enabled for this client" (widely reported by
 *    users; no capture in an issue thread we could cite, so treated as inferred);
 *  - REFRESH_TOKEN_AUTH: unconfirmed, the USER_PASSWORD_AUTH pattern is our best guess.
 */
export const flowNotEnabled = (flow: string) =>
  new AwsError(
    "InvalidParameterException",
    flow === "USER_SRP_AUTH" ? "USER_SRP_AUTH is not enabled for the client." : `${flow} flow not enabled for this client`,
  );

/** Confirmed pattern "Missing required parameter SRP_A" (aws/aws-sdk-cpp#452). */
export const missingParameter = (name: string) =>
  new AwsError("InvalidParameterException", `Missing required parameter ${name}`);

/** Access token errors. "has expired" and "has been revoked" are confirmed (aws-sdk-ios#1376,
 * amplify-js#974; amplify-js#2205, aws-sdk-js#4323 after a global sign-out); the wording "Invalid
 * Access Token" is captured (aws-cognito-angular-quickstart#137), sending it for a malformed or
 * foreign token (an ID token) is inferred. */
export const invalidAccessToken = () => new AwsError("NotAuthorizedException", "Invalid Access Token");
export const accessTokenExpired = () => new AwsError("NotAuthorizedException", "Access Token has expired");
export const accessTokenRevoked = () => new AwsError("NotAuthorizedException", "Access Token has been revoked");
/** Best guess for an access token without aws.cognito.signin.user.admin. */
export const accessTokenMissingScope = () =>
  new AwsError("NotAuthorizedException", "Access Token does not have required scopes");

/** Refresh token errors, all confirmed: "Invalid Refresh Token." with its period (the raw body
 * {"__type":"NotAuthorizedException","message":"Invalid Refresh Token."} captured in
 * aws/aws-sdk-cpp#1789; aws-sdk-java-v2#3418), "Refresh Token has been revoked"
 * (x-amzn-ErrorMessage in amplify-swift#3344) and "Refresh Token has expired" (x-amzn-ErrorMessage
 * in amplify-swift#3496). A refresh token used with another app client is "Invalid Refresh Token"
 * too (AWS Knowledge Center, cognito-invalid-refresh-token-error). */
export const invalidRefreshToken = () => new AwsError("NotAuthorizedException", "Invalid Refresh Token.");
export const refreshTokenExpired = () => new AwsError("NotAuthorizedException", "Refresh Token has expired");
export const refreshTokenRevoked = () => new AwsError("NotAuthorizedException", "Refresh Token has been revoked");

/** Challenge sessions. "is expired" and "can only be used once" are confirmed from captured
 * Cognito responses; the bare "Invalid session for the user." is captured for a session Cognito
 * would not take (aws-amplify/amplify-js#10959, aws-samples/amazon-cognito-passwordless-email-auth#17),
 * and sent here for one it never issued (that trigger is inferred). */
export const invalidSession = () => new AwsError("NotAuthorizedException", "Invalid session for the user.");
export const sessionExpired = () =>
  new AwsError("NotAuthorizedException", "Invalid session for the user, session is expired.");
export const sessionUsed = () =>
  new AwsError("NotAuthorizedException", "Invalid session for the user, session can only be used once.");

export const userDoesNotExist = () => new AwsError("NotAuthorizedException", "User does not exist.");

export const invalidParameter = (message: string) => new AwsError("InvalidParameterException", message);
