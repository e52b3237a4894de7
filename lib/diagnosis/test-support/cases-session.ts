import { nearMiss, real, type Case } from "./case";

/**
 * Calls made with no signed-in user, in the client libraries' own words (messages from their
 * source; fake ids). Near misses: the service's answer to a missing token, and a session that ended
 * because its refresh token did.
 */

export const SESSION_CASES: readonly Case[] = [
  real("amplify-not-signed-in", "aws-amplify v6 packages/auth/src/providers/cognito/utils/types.ts (assertAuthTokens)",
    "UserUnAuthenticatedException: User needs to be authenticated to call this API."),
  real("amplify-not-signed-in", "aws-amplify v6 packages/api-graphql/src/utils/errors/constants.ts (NO_VALID_AUTH_TOKEN)",
    'GraphQLApiError { name: "NoValidAuthTokens", message: "No federated jwt", recoverySuggestion: "If you intended to make an authenticated API request, review if the current user is signed in." }'),
  real("amplify-not-signed-in", "aws-amplify v6 packages/api-graphql/src/utils/errors/constants.ts (NO_SIGNED_IN_USER)",
    "NoSignedUser: No current user"),
  real("amplify-not-signed-in", "aws-amplify v6 packages/api-graphql/src/utils/errors/constants.ts (NO_VALID_CREDENTIALS, authMode iam)",
    'NoCredentials: No credentials\nThe API request was made with `authMode: "iam"` but no authentication credentials are available.'),
  real("amplify-not-signed-in", "aws-amplify v5 packages/api-graphql/src/internals/InternalGraphQLAPI.ts", "Error: No current user"),
  real("amplify-not-signed-in", "aws-amplify v5 packages/auth/src/internals/InternalAuth.ts (currentAuthenticatedUser)", "The user is not authenticated"),
  real("amplify-not-signed-in", "amazon-cognito-identity-js src/CognitoUser.js (getUserAttributes without a session)", "Error: User is not authenticated"),
  real("amplify-not-signed-in", "amplify-swift AuthPluginErrorConstants.swift (userSignedOutError)",
    "AuthError: There is no user signed in to the Auth category\nRecovery suggestion: SignIn to Auth category by using one of the sign in methods and then try again"),
  // A signed-out session as fetchAuthSession prints it: the state of the app, not necessarily the failure.
  nearMiss("amplify-not-signed-in", null, "amplify-swift AuthPluginErrorConstants.swift (identityIdSignOutError inside a session result)",
    "isSignedIn: false, identityIdResult: failure(AuthError: There is no user signed in to retreive identity id)"),
  real("amplify-not-signed-in", "amplify-flutter amplify_auth_cognito_dart auth_plugin_impl.dart (getCurrentUser)",
    'SignedOutException {\n  "message": "No user is currently signed in"\n}'),
  real("amplify-not-signed-in", "amplify-android core/.../auth/exceptions/SignedOutException.kt",
    "AuthException{message=You are currently signed out., cause=null, recoverySuggestion=Please sign in and reattempt the operation.}"),
  // The service's answers to a call that carried no user token: another rule each.
  nearMiss("amplify-not-signed-in", "identity-pool-token", "aws-sdk-android #52 (no Logins and guest access off)",
    "Unauthenticated access is not supported for this identity pool. (Service: AmazonCognitoIdentity; Status Code: 400; Error Code: NotAuthorizedException)"),
  nearMiss("amplify-not-signed-in", "appsync-unauthorized-userpool", "amplify-js #4373 (AppSync got no usable Authorization header)",
    '"errors" : [ { "errorType" : "UnauthorizedException", "message" : "Valid authorization header not provided." } ]'),
  // aws-amplify v6 clears the tokens when the refresh is refused, so the next call reports no user: the cause is the refresh.
  nearMiss("amplify-not-signed-in", "cognito-refresh-token-rejected", "aws-amplify v6 TokenOrchestrator after a refused refresh",
    "NotAuthorizedException: Refresh Token has expired\nUserUnAuthenticatedException: User needs to be authenticated to call this API."),
  nearMiss("amplify-not-signed-in", null, "Cognito sign-in of an unconfirmed user", "UserNotConfirmedException: User is not confirmed."),
];
