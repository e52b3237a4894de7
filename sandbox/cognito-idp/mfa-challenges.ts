import type { RequestContext } from "../http/types";
import { assertSameUser, openChallenge } from "./challenge-session";
import * as fail from "./errors";
import { challengeFor, challengeResponse, emailChallenge } from "./mfa";
import type { CognitoContext } from "./context";
import { issueSignInTokens } from "./sign-in";
import type { ClientRecord, PoolRecord } from "./store";
import { checkTotp } from "./totp";

/**
 * RespondToAuthChallenge for the second factor. The ChallengeResponses each one takes are
 * documented in RespondToAuthChallengeRequest.ChallengeResponses (botocore's model): USERNAME
 * plus SOFTWARE_TOKEN_MFA_CODE, EMAIL_OTP_CODE, ANSWER (SELECT_MFA_TYPE), or nothing more for
 * MFA_SETUP with "the Session ID from VerifySoftwareToken". A wrong code leaves the session
 * usable for another try (AWS's integration test aws-amplify/amplify-swift
 * MFATests/EmailMFATests/EmailMFAOnlyTests.swift enters a wrong code, then the right one). Wrong
 * codes are not counted: a capture shows Cognito taking any number on one session
 * (robor-systems/tokapi-beta#27); the session's three minutes bound them.
 */

type Where = { pool: PoolRecord; client: ClientRecord };

export async function answerSoftwareToken(ctx: CognitoContext, req: RequestContext, where: Where, session: string | undefined, responses: Record<string, string>) {
  const open = openChallenge(ctx, session, "SOFTWARE_TOKEN_MFA", where);
  assertSameUser(ctx, open, responses);
  const code = responses["SOFTWARE_TOKEN_MFA_CODE"];
  if (!code) throw fail.missingParameter("SOFTWARE_TOKEN_MFA_CODE");
  const totp = open.user.mfa.totp;
  if (!totp?.verified) throw fail.softwareTokenNotFoundForUser();
  const checked = await checkTotp(totp.secret, code, ctx.now(), open.user.mfa.lastTotpStep);
  if (checked.result === "wrong") throw fail.totpCodeMismatch();
  if (checked.result === "reused") throw fail.totpCodeReused();
  open.user.mfa.lastTotpStep = checked.step;
  ctx.sessions.spendChallenge(open.session);
  return issueSignInTokens(ctx, req, open.pool, open.client, open.user);
}

export async function answerEmailOtp(ctx: CognitoContext, req: RequestContext, where: Where, session: string | undefined, responses: Record<string, string>) {
  const open = openChallenge(ctx, session, "EMAIL_OTP", where);
  assertSameUser(ctx, open, responses);
  const code = responses["EMAIL_OTP_CODE"];
  if (!code) throw fail.missingParameter("EMAIL_OTP_CODE");
  if (code !== open.challenge.step.code) throw fail.otpCodeMismatch();
  ctx.sessions.spendChallenge(open.session);
  const { user } = open;
  if (open.challenge.step.setup) {
    // The address given at MFA setup becomes the user's email (AWS's integration test reads it
    // back afterwards: amplify-swift EmailMFAOnlyTests.swift) and their email MFA factor.
    user.attributes["email"] = open.challenge.step.email;
    user.mfa.emailEnabled = true;
  }
  // Inferred from SMS, where a completed MFA code marks phone_number_verified true
  // (https://repost.aws/knowledge-center/cognito-mfa-errors): the code proves the address.
  user.attributes["email_verified"] = "true";
  return issueSignInTokens(ctx, req, open.pool, open.client, user);
}

export function answerSelectMfaType(ctx: CognitoContext, where: Where, session: string | undefined, responses: Record<string, string>) {
  const open = openChallenge(ctx, session, "SELECT_MFA_TYPE", where);
  assertSameUser(ctx, open, responses);
  const answer = responses["ANSWER"];
  if (!answer) throw fail.missingParameter("ANSWER");
  // The API reference spells the email answer EMAIL_MFA; aws-amplify sends EMAIL_OTP
  // (signInHelpers.ts mapMfaType). Both are taken.
  const factor = answer === "EMAIL_MFA" ? "EMAIL_OTP" : answer;
  const choice = open.challenge.step.choices.find((offered) => offered === factor);
  if (!choice) throw fail.mfaTypeNotOffered(answer);
  ctx.sessions.spendChallenge(open.session);
  return challengeResponse(ctx, open.pool, open.client, open.user, challengeFor(ctx, open.pool, open.user, choice));
}

/**
 * MFA_SETUP answered either with the session VerifySoftwareToken returned (TOTP registered:
 * tokens), or, from the challenge itself, with an EMAIL address to set up email MFA (what
 * aws-amplify sends, signInHelpers.ts handleMFASetupChallenge): a code goes to that address and
 * an EMAIL_OTP challenge follows (amplify-swift EmailMFAOnlyTests.swift).
 */
export async function answerMfaSetup(ctx: CognitoContext, req: RequestContext, where: Where, session: string | undefined, responses: Record<string, string>) {
  const open = openChallenge(ctx, session, "MFA_SETUP", where);
  assertSameUser(ctx, open, responses);
  const { stage, canSetUp } = open.challenge.step;
  if (stage === "verified") {
    ctx.sessions.spendChallenge(open.session);
    return issueSignInTokens(ctx, req, open.pool, open.client, open.user);
  }
  const email = responses["EMAIL"];
  if (stage === "start" && email) {
    if (!canSetUp.includes("EMAIL_OTP")) throw fail.emailMfaNotAllowed();
    // Unconfirmed: Cognito's check of the address; this one only wants an @ with text around it.
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw fail.invalidParameter("Invalid email address format.");
    ctx.sessions.spendChallenge(open.session);
    return challengeResponse(ctx, open.pool, open.client, open.user, emailChallenge(ctx, open.pool, open.user, email, true));
  }
  throw fail.mfaMethodNotFound();
}
