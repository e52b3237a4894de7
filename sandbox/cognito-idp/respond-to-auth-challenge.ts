import type { RequestContext } from "../http/types";
import * as fail from "./errors";
import { parseInput } from "./input";
import { answerEmailOtp, answerMfaSetup, answerSelectMfaType, answerSoftwareToken } from "./mfa-challenges";
import { assertPasswordPolicy } from "./password-policy";
import type { CognitoContext } from "./context";
import { completeSignIn } from "./sign-in";
import { verifyPasswordClaim } from "./srp";
import type { ClientRecord, PoolRecord } from "./store";

const CHALLENGE_NAMES = [
  "SMS_MFA",
  "EMAIL_OTP",
  "SOFTWARE_TOKEN_MFA",
  "SELECT_MFA_TYPE",
  "MFA_SETUP",
  "PASSWORD_VERIFIER",
  "CUSTOM_CHALLENGE",
  "SELECT_CHALLENGE",
  "DEVICE_SRP_AUTH",
  "DEVICE_PASSWORD_VERIFIER",
  "ADMIN_NO_SRP_AUTH",
  "NEW_PASSWORD_REQUIRED",
  "SMS_OTP",
  "PASSWORD",
  "WEB_AUTHN",
  "PASSWORD_SRP",
] as const;

export async function respondToAuthChallenge(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const request = parseInput(input, {
    ClientId: { type: "string", required: true },
    ChallengeName: { type: "string", required: true, enum: CHALLENGE_NAMES },
    Session: { type: "string" },
    ChallengeResponses: { type: "map" },
    ClientMetadata: { type: "map" },
  });
  const found = ctx.store.client(request.ClientId);
  if (!found) throw fail.clientNotFound(request.ClientId);
  const responses = request.ChallengeResponses ?? {};
  switch (request.ChallengeName) {
    case "PASSWORD_VERIFIER":
      return passwordVerifier(ctx, req, found.pool, found.client, responses);
    case "NEW_PASSWORD_REQUIRED":
      return newPassword(ctx, req, found.pool, found.client, request.Session, responses);
    case "SOFTWARE_TOKEN_MFA":
      return answerSoftwareToken(ctx, req, found, request.Session, responses);
    case "EMAIL_OTP":
      return answerEmailOtp(ctx, req, found, request.Session, responses);
    case "SELECT_MFA_TYPE":
      return answerSelectMfaType(ctx, found, request.Session, responses);
    case "MFA_SETUP":
      return answerMfaSetup(ctx, req, found, request.Session, responses);
    default:
      // The sandbox never issues other challenges, so any answer to one is out of sequence.
      throw fail.invalidParameter(`Unsupported challenge ${request.ChallengeName} in the local sandbox`);
  }
}

/** Second SRP step: the client proves it knows the password without sending it. */
async function passwordVerifier(
  ctx: CognitoContext,
  req: RequestContext,
  pool: PoolRecord,
  client: ClientRecord,
  responses: Record<string, string>,
) {
  for (const name of ["USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP"]) {
    if (!responses[name]) throw fail.missingParameter(name);
  }
  const lookup = ctx.sessions.takeSrp(responses["PASSWORD_CLAIM_SECRET_BLOCK"] ?? "");
  // Unconfirmed: what Cognito says for a stale or foreign secret block; this is our best guess.
  if ("problem" in lookup) throw lookup.problem === "expired" ? fail.sessionExpired() : fail.invalidSession();
  const srp = lookup.value;
  if (srp.poolId !== pool.id || srp.clientId !== client.id) throw fail.invalidSession();
  const user = srp.userExists ? ctx.store.user(pool, srp.userIdForSrp) : undefined;
  const login = responses["USERNAME"] ?? "";
  const sameUser = user ? ctx.store.findUser(pool, login) === user : login === srp.userIdForSrp;
  if (!user || !sameUser) throw fail.incorrectCredentials();
  // TIMESTAMP is signed as sent ("Tue Nov 24 23:26:03 UTC 2026"); clock skew is not checked.
  const valid = verifyPasswordClaim({
    A: srp.A,
    B: srp.B,
    b: srp.b,
    v: srp.v,
    poolName: pool.srpName,
    userId: srp.userIdForSrp,
    secretBlock: Buffer.from(responses["PASSWORD_CLAIM_SECRET_BLOCK"] ?? "", "base64"),
    timestamp: responses["TIMESTAMP"] ?? "",
    signature: responses["PASSWORD_CLAIM_SIGNATURE"] ?? "",
  });
  if (!valid) throw fail.incorrectCredentials();
  return completeSignIn(ctx, req, pool, client, user);
}

/** Answer to NEW_PASSWORD_REQUIRED: sets the password, confirms the user, signs them in. */
async function newPassword(
  ctx: CognitoContext,
  req: RequestContext,
  pool: PoolRecord,
  client: ClientRecord,
  session: string | undefined,
  responses: Record<string, string>,
) {
  if (!session) throw fail.invalidSession();
  const newPasswordValue = responses["NEW_PASSWORD"];
  if (!newPasswordValue) throw fail.missingParameter("NEW_PASSWORD");
  if (!responses["USERNAME"]) throw fail.missingParameter("USERNAME");
  const lookup = ctx.sessions.challenge(session);
  if ("problem" in lookup) {
    throw lookup.problem === "expired" ? fail.sessionExpired() : lookup.problem === "used" ? fail.sessionUsed() : fail.invalidSession();
  }
  const challenge = lookup.value;
  if (challenge.poolId !== pool.id || challenge.clientId !== client.id) throw fail.invalidSession();
  if (challenge.step.name !== "NEW_PASSWORD_REQUIRED") throw fail.invalidSession();
  const user = ctx.store.user(pool, challenge.username);
  if (!user || ctx.store.findUser(pool, responses["USERNAME"] ?? "") !== user) throw fail.invalidSession();
  // A password the policy rejects leaves the session usable for another try.
  assertPasswordPolicy(newPasswordValue);
  ctx.sessions.spendChallenge(session);
  // "userAttributes.name" answers fill in attributes, as Amplify's confirmSignIn sends them.
  for (const [key, value] of Object.entries(responses)) {
    if (key.startsWith("userAttributes.")) user.attributes[key.slice("userAttributes.".length)] = value;
  }
  user.password = newPasswordValue;
  user.status = "CONFIRMED";
  return completeSignIn(ctx, req, pool, client, user);
}
