import { code, concept, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * Calls made before anyone signed in (or after the session was cleared): the client library has no
 * token or credentials to send and says so itself, before any AWS service is asked. Each wording is
 * the library's own (file named beside it); none of them is an AWS service's answer.
 */

const SIGNED_IN_FIRST = `import { fetchAuthSession, getCurrentUser } from "aws-amplify/auth";
import { Hub } from "aws-amplify/utils";

// Call userPool / iam APIs only once a session exists.
async function signedIn() {
  try { await getCurrentUser(); return true; } catch { return false; } // UserUnAuthenticatedException
}
Hub.listen("auth", ({ payload }) => { if (payload.event === "signedIn") void loadData(); });
if (await signedIn()) await loadData();

// Public data without a user: a mode that needs no sign-in.
await client.models.Post.list({ authMode: "apiKey" }); // or "identityPool" with guest access on`;

export const amplifySessionRules: readonly Rule[] = [
  {
    id: "amplify-not-signed-in",
    title: "No user is signed in: the call needs a user-pool session (or signed-in IAM credentials) and there is none",
    services: ["amplify", "cognito", "appsync", "api-gateway", "identity-pool"],
    signals: [
      concept("signed in", String.raw`\b(?:not|isn'?t|no one|(?<!there is )no user|nobody)\b[^.\n]{0,12}\bsigned in\b`, "no one signed in yet"),
      // "Not signed in" in Japanese: ログインしていない / サインインしていません / サインインされていない.
      msg("イン", String.raw`(?:ログ|サイン)イン(?:して|されて)(?:いない|いません|いなかった)`, 5, "no one is signed in (Japanese)"),
      concept("logged", String.raw`\b(?:not|isn'?t|no one|no|nobody)\b[^.\n]{0,12}\blogged[- ]in\b`, "no one logged in"),
      concept("allowguestaccess", String.raw`\ballowguestaccess\b`, "allowGuestAccess"),
      concept("fetchauthsession", String.raw`\bfetchauthsession\b`, "fetchAuthSession"),
      concept("getcurrentuser", String.raw`\bgetcurrentuser\b`, "getCurrentUser"),
      // aws-amplify/amplify-js packages/auth/src/errors/constants.ts (USER_UNAUTHENTICATED_EXCEPTION) and
      // packages/auth/src/providers/cognito/utils/types.ts assertAuthTokens / assertIdTokenInAuthTokens:
      // every v6 Auth API that needs tokens (getCurrentUser, fetchUserAttributes, updatePassword …).
      phrase("User needs to be authenticated to call this API", W.verbatim, "aws-amplify v6: no tokens, no user signed in"),
      code("UserUnAuthenticatedException", W.strong, "aws-amplify v6 UserUnAuthenticatedException"),
      phrase("Sign in before calling this API again", W.strong, "aws-amplify v6's recoverySuggestion for a call without a session"),
      // aws-amplify/amplify-js packages/api-graphql/src/utils/errors/constants.ts, thrown by
      // packages/api-graphql/src/internals/graphqlAuth.ts: authMode userPool/oidc and fetchAuthSession has no
      // tokens (NoValidAuthTokens, "No federated jwt": guest access on, nobody signed in) or threw (NoSignedUser,
      // "No current user"). aws-amplify v5 packages/api-graphql/src/internals/InternalGraphQLAPI.ts threw the same two messages.
      code("NoValidAuthTokens", W.strong, "aws-amplify api-graphql: authMode userPool/oidc without tokens"),
      phrase("No federated jwt", 9, "aws-amplify api-graphql: authMode userPool/oidc and no user signed in"),
      code("NoSignedUser", W.strong, "aws-amplify api-graphql: authMode userPool/oidc and fetchAuthSession failed"),
      phrase("review if the current user is signed in", W.strong, "aws-amplify api-graphql's recoverySuggestion"),
      // The same file's NO_VALID_CREDENTIALS (name NoCredentials, message "No credentials"): authMode iam with
      // neither a signed-in user's nor guest credentials.
      msg("but no authentication credentials are available", String.raw`made with \W?authmode: "?iam"?\W? but no authentication credentials are available`, 9, "aws-amplify api-graphql: authMode iam without credentials"),
      code("NoCredentials", W.hint, "aws-amplify api-graphql NoCredentials"),
      // aws-amplify v5 packages/auth/src/internals/InternalAuth.ts: currentSession() rejects "No current user",
      // currentAuthenticatedUser() "The user is not authenticated"; packages/auth/src/common/AuthErrorStrings.ts
      // NO_USER_SESSION. amazon-cognito-identity-js (amplify-js packages/amazon-cognito-identity-js/src/CognitoUser.js,
      // internals/InternalCognitoUser.js): "User is not authenticated" for user calls without a valid session,
      // "Username is null. Cannot retrieve a new session" from getSession on a user that never signed in.
      phrase("No current user", 7, "aws-amplify: no signed-in user (v5 currentSession, api-graphql)"),
      msg("user is not authenticated", String.raw`\b(?:the )?user is not authenticated\b`, 6, "aws-amplify v5 / amazon-cognito-identity-js: no signed-in user"),
      phrase("Failed to get the session because the user is empty", 9, "aws-amplify v5 NoUserSession"),
      phrase("Username is null. Cannot retrieve a new session", W.strong, "amazon-cognito-identity-js getSession without a user"),
      // aws-amplify/amplify-swift AmplifyPlugins/Auth/Sources/AWSCognitoAuthPlugin/Support/Constants/AuthPluginErrorConstants.swift
      // (AuthError.signedOut; older releases spell it "retreive"): thrown by getCurrentUser and the user-attribute APIs.
      msg("there is no user signed in to", String.raw`there is no user signed in to (?:the auth category|retreive current user|retrieve current user)`, 9, "amplify-swift AuthError.signedOut"),
      // The same file's per-field errors of a signed-out fetchAuthSession result: printed with every session of a
      // signed-out (or guest) app, so seeing them says little about the failure at hand.
      msg("there is no user signed in to", String.raw`there is no user signed in to (?:retreive|retrieve) (?:identity id|aws credentials|cognito tokens|user sub)`, W.hint, "amplify-swift: a fetchAuthSession result without a signed-in user"),
      // aws-amplify/amplify-flutter packages/auth/amplify_auth_cognito_dart/lib/src/auth_plugin_impl.dart (getCurrentUser)
      // and packages/amplify_core/lib/src/types/exception/auth/signed_out_exception.dart.
      phrase("No user is currently signed in", W.strong, "amplify-flutter SignedOutException"),
      // aws-amplify/amplify-android core/src/main/java/com/amplifyframework/auth/exceptions/SignedOutException.kt (earlier
      // releases: AuthException.java): message "You are currently signed out.", a recovery suggestion by guest access.
      phrase("You are currently signed out", W.specific, "amplify-android SignedOutException"),
      phrase("Please sign in and reattempt the operation", W.strong, "amplify-android SignedOutException (guest access off)"),
      phrase("If you have guest access enabled, please check that your device is online", W.strong, "amplify-android SignedOutException (guest access possible)"),
      // amplify-android / amplify-flutter name the state itself: the auth category is signed out (no session to refresh).
      code("SignedOutException", 5, "SignedOutException (amplify-android / amplify-flutter)"),
      // aws-amplify/amplify-flutter packages/auth/amplify_auth_cognito_dart/lib/src/flows/hosted_ui/hosted_ui_platform.dart.
      phrase("The user is currently signed out", W.specific, "amplify-flutter SignedOutException (hosted UI)"),
      // aws-amplify v5 packages/core/src/Credentials.ts _setCredentialsForGuest: with mandatorySignIn on, no guest credentials
      // are fetched, so every IAM call (Storage, Pinpoint, API with AWS_IAM) before sign-in fails with this.
      phrase("cannot get guest credentials when mandatory signin enabled", 9, "aws-amplify v5: mandatorySignIn and nobody signed in"),
      // aws-amplify/amplify-js packages/api-graphql/src/utils/errors/constants.ts NO_VALID_CREDENTIALS (name NoCredentials,
      // message "No credentials", printed "NoCredentials: No credentials"): authMode iam, no user and no guest credentials.
      phrase("NoCredentials: No credentials", W.specific, "aws-amplify api-graphql: authMode iam without credentials"),
      // Amplify's SessionExpiredException shares the recovery suggestion "Please sign in and reattempt the operation."
      // (amplify-android core/src/main/java/com/amplifyframework/auth/exceptions/SessionExpiredException.kt): a session that
      // existed and could not be refreshed, which is cognito-refresh-token-rejected.
      code("SessionExpiredException", -6, "the session existed and could not be refreshed"),
      // The services' own answers when the token is missing or expired belong to other rules (AppSync
      // "Valid authorization header not provided.", Cognito identity "Unauthenticated access is not supported …").
      msg("refresh token", String.raw`refresh token has (?:expired|been revoked)`, -6, "the session existed and its refresh token is gone: a refresh failure"),
      variant(["jwt", "iam"], W.generic, "a user-pool token or signed-in IAM credentials were needed"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "The call needs a signed-in user and there is none in this client: sign-in has not finished yet (the call runs on page load, before Hub's " +
      "signedIn), the user signed out, the tokens were cleared (another storage, a server-side render without the cookies, a new device), or the app " +
      "expects a session another app or tab created. aws-amplify refuses before any request: authMode userPool/oidc finds no tokens (\"No federated jwt\"), " +
      "authMode iam finds no credentials when guest access is off, and the Auth APIs throw UserUnAuthenticatedException. Nothing is wrong with the " +
      "API, its authorizer or its policies.",
    fix: [
      { text: "Make the call after sign-in has completed (await signIn / the Hub signedIn event), and check for a user before calling.", snippet: { lang: "ts", code: SIGNED_IN_FIRST } },
      { text: "On the server (Next.js), run the call inside runWithAmplifyServerContext with the request's cookies, so the session the browser holds is read." },
      { text: "For data meant for visitors, use a mode that needs no user: an API key, or IAM with the identity pool's guest access (allowGuestAccess / allowUnauthenticatedIdentities) and the model allowing guests." },
    ],
    source: [
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/blob/main/packages/auth/src/providers/cognito/utils/types.ts", note: "assertAuthTokens: UserUnAuthenticatedException \"User needs to be authenticated to call this API.\"" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/blob/main/packages/api-graphql/src/utils/errors/constants.ts", note: "NoValidAuthTokens \"No federated jwt\", NoSignedUser \"No current user\", NoCredentials" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-swift/blob/main/AmplifyPlugins/Auth/Sources/AWSCognitoAuthPlugin/Support/Constants/AuthPluginErrorConstants.swift", note: "\"There is no user signed in to retreive AWS credentials\"" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-android/blob/main/core/src/main/java/com/amplifyframework/auth/exceptions/SignedOutException.kt", note: "SignedOutException \"You are currently signed out.\"" },
      { kind: "doc", url: "https://docs.amplify.aws/swift/build-a-backend/auth/concepts/guest-access", note: "guest access: no user-specific calls (current user, attributes) while signed out" },
    ],
  },
];
