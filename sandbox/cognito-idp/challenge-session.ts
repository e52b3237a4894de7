import * as fail from "./errors";
import type { ChallengeSession, ChallengeStep } from "./sessions";
import type { CognitoContext } from "./context";
import type { ClientRecord, PoolRecord, UserRecord } from "./store";

/**
 * Finds the sign-in a Session string stands for, with Cognito's answers when it can't:
 * expired (about three minutes, captured in aws-amplify/amplify-js#2824), already used, or never
 * issued. A session handed to the wrong call is "Invalid session for the user." (captured for
 * AssociateSoftwareToken with an SMS_MFA session and VerifySoftwareToken with the sign-in's
 * session, aws-amplify/amplify-js#6461).
 */

interface OpenChallenge<S extends ChallengeStep> {
  readonly session: string;
  readonly challenge: ChallengeSession & { readonly step: S };
  readonly pool: PoolRecord;
  readonly client: ClientRecord;
  readonly user: UserRecord;
}

export function openChallenge<N extends ChallengeStep["name"]>(
  ctx: CognitoContext,
  session: string | undefined,
  name: N,
  expected?: { pool: PoolRecord; client: ClientRecord },
): OpenChallenge<Extract<ChallengeStep, { name: N }>> {
  // Captured: RespondToAuthChallenge without a Session answers "Missing required parameter
  // Session" (amazon-archives/amazon-cognito-identity-js#627, #542).
  if (!session) throw fail.missingParameter("Session");
  const lookup = ctx.sessions.challenge(session);
  if ("problem" in lookup) {
    throw lookup.problem === "expired" ? fail.sessionExpired() : lookup.problem === "used" ? fail.sessionUsed() : fail.invalidSession();
  }
  const challenge = lookup.value;
  if (expected && (challenge.poolId !== expected.pool.id || challenge.clientId !== expected.client.id)) throw fail.invalidSession();
  if (challenge.step.name !== name) throw fail.invalidSession();
  const found = ctx.store.client(challenge.clientId);
  const user = found && ctx.store.user(found.pool, challenge.username);
  if (!found || !user) throw fail.invalidSession();
  return {
    session,
    challenge: challenge as ChallengeSession & { step: Extract<ChallengeStep, { name: N }> },
    pool: found.pool,
    client: found.client,
    user,
  };
}

/** Every challenge answer names the user (RespondToAuthChallenge's ChallengeResponses docs). */
export function assertSameUser(ctx: CognitoContext, open: { pool: PoolRecord; user: UserRecord }, responses: Record<string, string>): void {
  const login = responses["USERNAME"];
  if (!login) throw fail.missingParameter("USERNAME");
  // Unconfirmed: Cognito's answer when USERNAME names someone else; our best guess.
  if (ctx.store.findUser(open.pool, login) !== open.user) throw fail.invalidSession();
}
