import { randomInt } from "node:crypto";
import type { CognitoContext } from "./context";
import type { ChallengeStep } from "./sessions";
import type { ClientRecord, MfaType, PoolRecord, UserRecord } from "./store";

/**
 * Which second factor Cognito asks for once the password is right, and the challenge it sends.
 *
 * - Factors the user has active: an authenticator app once verified (a verified token
 *   challenges the next sign-in: amazon-archives/amazon-cognito-identity-js#630), and email MFA
 *   once switched on. In a pool that requires MFA, TOTP cannot be switched off ("You can't turn
 *   off TOTP MFA for any of your users when MFA is required", SoftwareTokenMfaSettingsType in
 *   botocore's model).
 * - One active factor: its challenge. Several: the preferred one, else SELECT_MFA_TYPE ("If
 *   multiple options are activated and no preference is set, a challenge to choose an MFA option
 *   will be returned during sign-in", SetUserMFAPreference in botocore's model).
 * - None, in a pool where MFA is ON: a user with an email address gets EMAIL_OTP when the pool
 *   allows email MFA (inferred from AWS's integration tests, aws-amplify/amplify-swift
 *   AuthIntegrationTests/MFATests/EmailMFATests/EmailMFAWithAllMFATypesRequiredTests.swift:
 *   a user signed up with an email is asked for an email code, one without gets MFA_SETUP);
 *   everyone else gets MFA_SETUP listing the factors the pool allows ("The MFA types activated
 *   for the user pool will be listed in the challenge parameters MFAS_CAN_SETUP value",
 *   InitiateAuth's ChallengeName in botocore's model).
 * - MFA OFF, or OPTIONAL with nothing active: no challenge.
 */

export function activeFactors(pool: PoolRecord, user: UserRecord): MfaType[] {
  if (pool.mfa.configuration === "OFF") return [];
  const factors: MfaType[] = [];
  const totp = user.mfa.totp;
  if (totp?.verified && (totp.enabled || pool.mfa.configuration === "ON")) factors.push("SOFTWARE_TOKEN_MFA");
  if (user.mfa.emailEnabled && pool.mfa.email && user.attributes["email"]) factors.push("EMAIL_OTP");
  return factors;
}

/** The factors a user without any may set up: those the pool allows, TOTP first. */
function setupFactors(pool: PoolRecord): MfaType[] {
  return [...(pool.mfa.totp ? (["SOFTWARE_TOKEN_MFA"] as const) : []), ...(pool.mfa.email ? (["EMAIL_OTP"] as const) : [])];
}

/** The challenge after a correct password, or undefined when tokens are due. */
export function mfaStepFor(ctx: CognitoContext, pool: PoolRecord, user: UserRecord): ChallengeStep | undefined {
  if (pool.mfa.configuration === "OFF") return undefined;
  const active = activeFactors(pool, user);
  if (active.length === 1) return challengeFor(ctx, pool, user, active[0]!);
  if (active.length > 1) {
    const preferred = user.mfa.preferred;
    if (preferred && active.includes(preferred)) return challengeFor(ctx, pool, user, preferred);
    return { name: "SELECT_MFA_TYPE", choices: active };
  }
  if (pool.mfa.configuration !== "ON") return undefined;
  const email = user.attributes["email"];
  if (pool.mfa.email && email) return emailChallenge(ctx, pool, user, email, false);
  return { name: "MFA_SETUP", stage: "start", canSetUp: setupFactors(pool) };
}

export function challengeFor(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, factor: MfaType): ChallengeStep {
  return factor === "SOFTWARE_TOKEN_MFA"
    ? { name: "SOFTWARE_TOKEN_MFA" }
    : emailChallenge(ctx, pool, user, user.attributes["email"] ?? "", false);
}

/**
 * Sends a fresh code to the outbox. Unconfirmed: the code's length (6 digits, like SMS MFA
 * codes); it lives as long as the challenge session (about three minutes).
 */
export function emailChallenge(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, email: string, setup: boolean): ChallengeStep {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  ctx.outbox.send({ medium: "EMAIL", to: email, userPoolId: pool.id, username: user.username, purpose: "EMAIL_OTP", code });
  return { name: "EMAIL_OTP", code, email, setup };
}

/**
 * Cognito's masked address: first character of the local part, first of the domain, and the
 * top-level domain ("a***@e***.com" in AWS's recorded fixtures, aws-amplify/amplify-ui
 * packages/e2e/cypress/fixtures/forgot-password-email.json and initiate-auth-email-otp.json).
 * Inferred from those examples: the rule for other shapes of address.
 */
function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${email.charAt(0)}***@${domain.charAt(0)}***${tld}`;
}

/**
 * The response that puts a challenge to the client. Parameters as AWS sends them (every value a
 * string, lists as JSON text without spaces):
 * - MFA_SETUP: MFAS_CAN_SETUP only, a JSON list without spaces: "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]"
 *   in a pool with SMS and TOTP, "[\"SOFTWARE_TOKEN_MFA\"]" with TOTP alone (recorded in
 *   aws-amplify/amplify-ui packages/e2e/cypress/fixtures/force-change-password-mfa-setup.json and
 *   force-change-password-mfa-setup-software-token.json). Inferred: EMAIL_OTP after
 *   SOFTWARE_TOKEN_MFA, the order AWS's client tests use (amplify-swift
 *   AWSCognitoAuthPluginUnitTests/…/SignIn/EmailMFATests.swift).
 * - EMAIL_OTP: CODE_DELIVERY_DELIVERY_MEDIUM / CODE_DELIVERY_DESTINATION (amplify-ui fixture
 *   initiate-auth-email-otp.json; the same pair as SMS_MFA, captured in aws-amplify/amplify-js#6461).
 * - SELECT_MFA_TYPE: MFAS_CAN_CHOOSE, read by amplify-js (signInHelpers.ts getSignInResult).
 * - SOFTWARE_TOKEN_MFA: {} (unconfirmed; AWS's client test fixtures use {}).
 */
export function challengeResponse(ctx: CognitoContext, pool: PoolRecord, client: ClientRecord, user: UserRecord, step: ChallengeStep) {
  const session = ctx.sessions.putChallenge({ poolId: pool.id, clientId: client.id, username: user.username, step });
  return { ChallengeName: step.name, ChallengeParameters: challengeParameters(step), Session: session };
}

function challengeParameters(step: ChallengeStep): Record<string, string> {
  switch (step.name) {
    case "MFA_SETUP":
      return { MFAS_CAN_SETUP: JSON.stringify(step.canSetUp) };
    case "SELECT_MFA_TYPE":
      return { MFAS_CAN_CHOOSE: JSON.stringify(step.choices) };
    case "EMAIL_OTP":
      return { CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL", CODE_DELIVERY_DESTINATION: maskEmail(step.email) };
    default:
      return {};
  }
}
