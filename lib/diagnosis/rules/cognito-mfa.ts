import { code, concept, msg, phrase, status, W } from "../signals";
import type { Rule } from "../types";

/**
 * Cognito's second factor: the code refused, the challenge Session refused, the authenticator app
 * not (yet) registered. Each wording below is AWS's, with where it was seen; the one no Cognito
 * capture confirms says so.
 */

const MODEL = "https://github.com/boto/botocore/blob/develop/botocore/data/cognito-idp/2016-04-18/service-2.json";

export const cognitoMfaRules: readonly Rule[] = [
  {
    id: "cognito-mfa-code-rejected",
    title: "The MFA code was refused: wrong, already used, outside the clock window, or for another challenge",
    services: ["cognito", "amplify"],
    signals: [
      concept("mfa", String.raw`\bmfa\b`, "MFA"),
      concept("code", String.raw`\bcodes?\b`, "a code"),
      concept("authenticator", String.raw`\bauthenticator app\b`, "the authenticator app"),
      phrase("Code mismatch and fail enable Software Token MFA", W.verbatim, "VerifySoftwareToken refused the first code of a new authenticator app"),
      phrase("Your software token has already been used once", W.verbatim, "the authenticator code was already accepted in this 30-second step"),
      phrase("Invalid code or auth state for the user", W.verbatim, "RespondToAuthChallenge refused an SMS or email code, or the challenge answered is not the one put"),
      // Apps match on this wording for a wrong authenticator code; no capture from Cognito confirms it.
      phrase("Invalid code received for user", W.strong, "a wrong authenticator code (wording not confirmed from a Cognito capture)"),
      code("EnableSoftwareTokenMFAException", W.strong, "the new authenticator app's first code did not match"),
      code("CodeMismatchException", W.specific, "the code did not match what Cognito expected"),
      msg("mismatch", String.raw`\bcode ?mismatch exception\b`, W.specific, "a CodeMismatchException, in other words"),
      code("ExpiredCodeException", W.generic, "ExpiredCodeException"),
      phrase("Invalid verification code provided", -6, "a sign-up or password-reset code, not a sign-in MFA code"),
      status([400], W.generic, "refused"),
    ],
    cause:
      "Cognito checks the second factor's code against the challenge it put. An authenticator (TOTP) code is valid for its 30-second step, " +
      "with one step of clock skew either way, and only once: the same code a second time is \"Your software token has already been used once.\" " +
      "(typical right after VerifySoftwareToken, whose code cannot also answer the next sign-in). A phone clock more than 30 seconds off, or a " +
      "secret from an older AssociateSoftwareToken (each call hands out a new secret), gives codes Cognito cannot match: CodeMismatchException " +
      "at sign-in, EnableSoftwareTokenMFAException \"Code mismatch and fail enable Software Token MFA\" while registering the app. Emailed and " +
      "SMS codes are refused with \"Invalid code or auth state for the user.\" when wrong, or when the answer names another challenge than the " +
      "one Cognito put (an authenticator code sent as SMS_MFA).",
    fix: [
      { text: "Let the user try again on the same Session: a wrong code does not end the challenge. For a reused code, wait for the app's next code (up to 30 seconds)." },
      { text: "Check the device clock: authenticator apps need the time within 30 seconds of the real time (turn on automatic time)." },
      { text: "After registering a new app, have the user scan the QR code of the latest AssociateSoftwareToken answer; codes from an earlier secret never match." },
      {
        text: "Answer the challenge Cognito put, with its own code field.",
        snippet: { lang: "ts", code: "// aws-amplify v6: confirmSignIn answers whatever challenge signIn returned\nconst { nextStep } = await signIn({ username, password });\n// nextStep.signInStep: CONFIRM_SIGN_IN_WITH_TOTP_CODE | CONFIRM_SIGN_IN_WITH_EMAIL_CODE | CONFIRM_SIGN_IN_WITH_SMS_CODE\nawait confirmSignIn({ challengeResponse: code });" },
      },
    ],
    source: [
      { kind: "issue", url: "https://github.com/aws-samples/aws-amplify-auth-starters/issues/15", note: "EnableSoftwareTokenMFAException: Code mismatch and fail enable Software Token MFA" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-swift/blob/main/AmplifyPlugins/Auth/Tests/AuthHostApp/AuthIntegrationTests/MFATests/MFASignInTests.swift", note: "ExpiredCodeException: Your software token has already been used once." },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/11069", note: "CodeMismatchException: Invalid code or auth state for the user." },
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html", note: "TOTP tokens within 30 seconds before or after are accepted" },
      { kind: "doc", url: MODEL, note: "CodeMismatchException: the provided code doesn't match what the server was expecting" },
    ],
  },
  {
    id: "cognito-mfa-session-invalid",
    title: "The challenge Session is missing, expired, already used, or from another step",
    services: ["cognito", "amplify"],
    signals: [
      concept("session", String.raw`\bsessions?\b`, "the challenge session"),
      concept("mfa", String.raw`\bmfa\b`, "MFA"),
      concept("challenge", String.raw`\bchallenge\b`, "the sign-in challenge"),
      concept("two-factor", String.raw`\btwo-factor\b`, "two-factor sign-in"),
      msg("session", String.raw`\bsession\b[^.\n]{0,60}\bexpire`, W.weak, "the sign-in session expires"),
      concept("min", String.raw`\b(?:3|three) ?min(?:ute)?s\b`, "three minutes (the default session validity)"),
      phrase("Invalid session for the user, session is expired", W.verbatim, "the challenge Session outlived the app client's AuthSessionValidity"),
      phrase("session can only be used once", W.verbatim, "the challenge Session was already answered"),
      msg("invalid session for the user", String.raw`invalid session for the user\b`, W.strong, "Cognito would not take this Session for this call"),
      phrase("Missing required parameter Session", W.strong, "the challenge answer carried no Session"),
      code("NotAuthorizedException", W.generic, "NotAuthorizedException"),
      status([400], W.generic, "refused"),
    ],
    cause:
      "Every step of a sign-in with MFA hands the next one a Session string, and only that step may use it: InitiateAuth's MFA_SETUP Session " +
      "goes to AssociateSoftwareToken, the Session it returns to VerifySoftwareToken, and VerifySoftwareToken's to RespondToAuthChallenge " +
      "MFA_SETUP; a code challenge's Session goes to RespondToAuthChallenge. A Session lasts the app client's AuthSessionValidity (3 minutes " +
      "by default, 15 at most) and answers once. An app that loses it (a new CognitoUser object, a page reload between signIn and " +
      "confirmSignIn, a server that does not keep it) sends none: \"Missing required parameter Session\".",
    fix: [
      { text: "Pass on the Session from the latest answer at every step, never an earlier one; after an error other than a wrong code, start the sign-in again." },
      {
        text: "Give users longer to set up an authenticator app (the limit applies to every challenge of the client).",
        snippet: { lang: "sh", code: "aws cognito-idp update-user-pool-client --user-pool-id <pool> --client-id <client> \\\n  --auth-session-validity 15   # minutes, 3-15; update-user-pool-client resets settings you leave out" },
      },
      { text: "With amazon-cognito-identity-js, answer on the same CognitoUser object that called authenticateUser; with aws-amplify v6, call confirmSignIn in the same page load as signIn." },
    ],
    source: [
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/6461", note: "Invalid session for the user. (AssociateSoftwareToken with an SMS_MFA session; VerifySoftwareToken with a sign-in's session)" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/14330", note: "Invalid session for the user, session can only be used once." },
      { kind: "issue", url: "https://github.com/amazon-archives/amazon-cognito-identity-js/issues/627", note: "InvalidParameterException: Missing required parameter Session" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/2824", note: "the sign-in Session ends after about three minutes" },
      { kind: "doc", url: MODEL, note: "AuthSessionValidity: 3 to 15 minutes; MFA_SETUP: which Session goes where" },
    ],
  },
  {
    id: "cognito-totp-not-set-up",
    title: "Authenticator-app MFA is not set up: not verified for the user, or not enabled in the user pool",
    services: ["cognito", "amplify"],
    signals: [
      phrase("Software Token MFA does not exist for the user", W.verbatim, "the user has no verified authenticator app"),
      phrase("User has not set up software token mfa", W.verbatim, "SetUserMFAPreference before AssociateSoftwareToken"),
      phrase("User has not verified software token mfa", W.verbatim, "SetUserMFAPreference before VerifySoftwareToken succeeded"),
      phrase("User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA", W.verbatim, "AdminSetUserMFAPreference before the user registered an app"),
      phrase("Software Token MFA has not been enabled by the userPool", W.verbatim, "the user pool does not allow authenticator apps"),
      code("SoftwareTokenMFANotFoundException", W.strong, "no authenticator-app MFA for this user or pool"),
      code("InvalidParameterException", W.generic, "InvalidParameterException"),
      status([400], W.generic, "refused"),
    ],
    cause:
      "An authenticator app becomes a user's factor in two calls: AssociateSoftwareToken hands out a secret, VerifySoftwareToken checks a " +
      "first code from it. Until both succeeded, turning the factor on (SetUserMFAPreference) is refused with \"User has not set up software " +
      "token mfa\" or \"… not verified …\", and a SOFTWARE_TOKEN_MFA answer can find no token (\"Software Token MFA does not exist for the " +
      "user.\"). Neither call works at all while the user pool does not allow TOTP MFA: SoftwareTokenMFANotFoundException \"Software Token MFA " +
      "has not been enabled by the userPool\".",
    fix: [
      {
        text: "Register the app first, then turn it on.",
        snippet: { lang: "ts", code: "// aws-amplify v6\nconst details = await setUpTOTP();          // AssociateSoftwareToken\nconst uri = details.getSetupUri('MyApp'); // show as a QR code\nawait verifyTOTPSetup({ code });          // VerifySoftwareToken\nawait updateMFAPreference({ totp: 'PREFERRED' });" },
      },
      {
        text: "Allow authenticator apps in the user pool.",
        snippet: { lang: "sh", code: "aws cognito-idp set-user-pool-mfa-config --user-pool-id <pool> \\\n  --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL" },
      },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html", note: "SoftwareTokenMFANotFoundException: Software Token MFA has not been enabled by the userPool" },
      { kind: "issue", url: "https://github.com/amazon-archives/amazon-cognito-identity-js/issues/630", note: "SoftwareTokenMFANotFoundException: Software Token MFA does not exist for the user." },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/1875", note: "User has not set up software token mfa" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-js-v3/issues/4645", note: "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA" },
    ],
  },
];
