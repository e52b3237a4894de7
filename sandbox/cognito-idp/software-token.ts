import type { RequestContext } from "../http/types";
import { openChallenge } from "./challenge-session";
import * as fail from "./errors";
import { parseInput } from "./input";
import type { CognitoContext } from "./context";
import type { PoolRecord, UserRecord } from "./store";
import { checkTotp, newTotpSecret } from "./totp";
import { requireAccessToken } from "./user-ops";

/**
 * Registering an authenticator app: AssociateSoftwareToken hands out a secret,
 * VerifySoftwareToken checks a first code from it. Both take "an access token or a session
 * string, but not both" (API reference):
 * - with the Session of an MFA_SETUP challenge, each call returns a new Session for the next
 *   step, and the last one answers RespondToAuthChallenge MFA_SETUP;
 * - with a signed-in user's AccessToken, neither returns a Session (captured in
 *   amazon-archives/amazon-cognito-identity-js#627).
 * An authenticator app already registered keeps answering sign-ins until the new one is
 * verified: "Amazon Cognito disassociates an existing software token when you verify the new token
 * in a VerifySoftwareToken API request" (API reference, AssociateSoftwareToken; the archived
 * developer guide's user-pool-settings-mfa-totp.md said "immediately", the current reference
 * does not, and the product follows the current one).
 */

function associate(pool: PoolRecord, user: UserRecord): string {
  // SoftwareTokenMFANotFoundException for a pool without TOTP: documented (errors.ts).
  if (!pool.mfa.totp) throw fail.softwareTokenNotEnabledForPool();
  const secret = newTotpSecret();
  user.mfa.pendingTotpSecret = secret;
  return secret;
}

/** Checks the first code; on success the token is verified and challenges later sign-ins. */
async function verifyFirstCode(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, code: string): Promise<void> {
  if (!pool.mfa.totp) throw fail.softwareTokenNotEnabledForPool();
  const pending = user.mfa.pendingTotpSecret;
  if (!pending) throw fail.softwareTokenNotFoundForUser();
  // A step spent on the old app says nothing about the new secret's codes.
  const checked = await checkTotp(pending, code, ctx.now(), undefined);
  if (checked.result === "wrong") throw fail.enableSoftwareTokenMismatch();
  if (checked.result === "reused") throw fail.totpCodeReused();
  user.mfa.totp = { secret: pending, verified: true, enabled: true };
  delete user.mfa.pendingTotpSecret;
  // The code is spent: the same one cannot also answer the next sign-in's challenge
  // (amplify-swift MFASignInTests.swift waits 30 s between the two for that reason).
  user.mfa.lastTotpStep = checked.step;
}

function eitherTokenOrSession(request: { AccessToken?: string | undefined; Session?: string | undefined }) {
  if (Boolean(request.AccessToken) === Boolean(request.Session)) throw fail.accessTokenOrSession();
}

export async function associateSoftwareToken(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const request = parseInput(input, { AccessToken: { type: "string" }, Session: { type: "string" } });
  eitherTokenOrSession(request);
  if (request.AccessToken) {
    const { pool, user } = await requireAccessToken(ctx, req, request.AccessToken);
    return { SecretCode: associate(pool, user) };
  }
  const open = openChallenge(ctx, request.Session, "MFA_SETUP");
  if (open.challenge.step.stage !== "start") throw fail.invalidSession();
  if (!open.challenge.step.canSetUp.includes("SOFTWARE_TOKEN_MFA")) throw fail.softwareTokenNotEnabledForPool();
  const secret = associate(open.pool, open.user);
  ctx.sessions.spendChallenge(open.session);
  const session = ctx.sessions.putChallenge({ ...open.challenge, step: { ...open.challenge.step, stage: "associated" } });
  // Key order as in AWS's recorded response (aws-amplify/amplify-ui packages/e2e/cypress/
  // fixtures/force-change-password-mfa-setup-associate-software-token.json).
  return { SecretCode: secret, Session: session };
}

export async function verifySoftwareToken(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const request = parseInput(input, {
    AccessToken: { type: "string" },
    Session: { type: "string" },
    UserCode: { type: "string", required: true },
    FriendlyDeviceName: { type: "string" },
  });
  const invalidCode = fail.userCodeProblems(request.UserCode);
  if (invalidCode) throw invalidCode;
  eitherTokenOrSession(request);
  if (request.AccessToken) {
    const { pool, user } = await requireAccessToken(ctx, req, request.AccessToken);
    await verifyFirstCode(ctx, pool, user, request.UserCode);
    return { Status: "SUCCESS" };
  }
  const open = openChallenge(ctx, request.Session, "MFA_SETUP");
  if (open.challenge.step.stage !== "associated") throw fail.invalidSession();
  // A wrong code leaves this session usable for another try (amplify-swift
  // TOTPSetupWhenUnauthenticatedTests.swift retries on it and signs in).
  await verifyFirstCode(ctx, open.pool, open.user, request.UserCode);
  ctx.sessions.spendChallenge(open.session);
  const session = ctx.sessions.putChallenge({ ...open.challenge, step: { ...open.challenge.step, stage: "verified" } });
  return { Status: "SUCCESS", Session: session };
}
