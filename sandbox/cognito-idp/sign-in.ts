import { randomUUID } from "node:crypto";
import type { RequestContext } from "../http/types";
import { challengeResponse, mfaStepFor } from "./mfa";
import { newSalt, passwordVerifier } from "./srp";
import type { ClientRecord, PoolRecord, UserRecord } from "./store";
import type { CognitoContext } from "./context";
import { mintTokens } from "./tokens";

/**
 * What every successful password check ends in, whichever flow got there (USER_PASSWORD_AUTH,
 * PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED): either the next challenge (a new password, then a
 * second factor) or the tokens.
 */

export function srpVerifier(ctx: CognitoContext, pool: PoolRecord, user: UserRecord) {
  const key = `${pool.id}/${user.username}`;
  const cached = ctx.verifiers.get(key);
  if (cached && cached.password === user.password) return cached;
  const salt = newSalt();
  const entry = { password: user.password, salt, v: passwordVerifier(salt, pool.srpName, user.username, user.password) };
  ctx.verifiers.set(key, entry);
  return entry;
}

/** Cognito sends every value as a string, including the nested JSON ones. */
function newPasswordChallenge(ctx: CognitoContext, pool: PoolRecord, client: ClientRecord, user: UserRecord) {
  const session = ctx.sessions.putChallenge({
    poolId: pool.id,
    clientId: client.id,
    username: user.username,
    step: { name: "NEW_PASSWORD_REQUIRED" },
  });
  // userAttributes leaves out sub, as real responses do ({"email_verified":"true","email":"…"});
  // requiredAttributes is empty because scenarios declare no required attributes.
  const { sub: _sub, ...visible } = user.attributes;
  return {
    ChallengeName: "NEW_PASSWORD_REQUIRED",
    Session: session,
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: "[]",
      userAttributes: JSON.stringify(visible),
    },
  };
}

/** A new sign-in: fresh origin_jti and auth_time, a refresh token remembered server side. */
export async function issueSignInTokens(ctx: CognitoContext, req: RequestContext, pool: PoolRecord, client: ClientRecord, user: UserRecord) {
  const originJti = randomUUID();
  const authTime = Math.floor(ctx.now() / 1000);
  const tokens = await mintTokens(ctx, req.baseUrl, { pool, client, user, originJti, authTime });
  const refreshToken = ctx.sessions.issueRefreshToken({
    poolId: pool.id,
    clientId: client.id,
    username: user.username,
    originJti,
    authTime,
    expiresAt: ctx.now() + client.refreshTokenSeconds * 1000,
  });
  return {
    AuthenticationResult: {
      AccessToken: tokens.accessToken,
      ExpiresIn: tokens.expiresIn,
      IdToken: tokens.idToken,
      RefreshToken: refreshToken,
      TokenType: "Bearer",
    },
    ChallengeParameters: {},
  };
}

export async function completeSignIn(
  ctx: CognitoContext,
  req: RequestContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
) {
  if (user.status === "FORCE_CHANGE_PASSWORD") return newPasswordChallenge(ctx, pool, client, user);
  // A new password is followed by MFA as any sign-in is (MFA_SETUP right after
  // NEW_PASSWORD_REQUIRED is captured in aws-amplify/amplify-js#6461).
  const step = mfaStepFor(ctx, pool, user);
  if (step) return challengeResponse(ctx, pool, client, user, step);
  return issueSignInTokens(ctx, req, pool, client, user);
}
