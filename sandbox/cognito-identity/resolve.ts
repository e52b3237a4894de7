import type { RequestContext } from "../http/types";
import * as fail from "./errors";
import type { IdentityPoolRecord, IdentityRecord, IdentityStore } from "./identities";
import { verifyLogins, type JwksCache, type VerifiedLogin } from "./logins";

/**
 * Finds the identity an operation names (IdentityId + Logins) and proves the caller may act as
 * it. Shared by GetCredentialsForIdentity and GetOpenIdToken, which check the same things.
 */

interface ResolveContext {
  readonly store: IdentityStore;
  readonly jwks: JwksCache;
  readonly now: () => number;
}

export interface ResolvedIdentity {
  pool: IdentityPoolRecord;
  identity: IdentityRecord;
  /** Empty for a guest. */
  logins: VerifiedLogin[];
}

/**
 * Step one, the pool an identity belongs to (pool-level checks such as the classic-flow switch
 * come before the logins are examined). Known identities say so; an unknown one is looked for among
 * the pools of its region whose user would derive that very id — so identity ids a browser cached
 * before a sandbox restart keep working, as they would against AWS.
 */
export async function poolOfIdentity(ctx: ResolveContext, req: RequestContext, identityId: string, logins: Record<string, string>) {
  const known = ctx.store.identity(identityId);
  if (known) return { pool: ctx.store.pool(known.poolId)!, identity: known as IdentityRecord | undefined };
  const region = identityId.split(":")[0];
  // A pool that trusts the provider but rejects the token explains more than "not found" does.
  let rejection: unknown;
  for (const pool of ctx.store.allPools().filter((p) => p.region === region)) {
    let verified: VerifiedLogin[] = [];
    try {
      verified = await verifyLogins(pool, logins, { baseUrl: req.baseUrl, now: ctx.now(), jwks: ctx.jwks });
    } catch (error) {
      if ((error as Error).message !== fail.unsupportedProvider().message) rejection ??= error;
    }
    if (verified.some((login) => ctx.store.authenticatedIdFor(pool, login.provider, login.sub) === identityId)) {
      return { pool, identity: undefined };
    }
  }
  throw rejection ?? fail.identityNotFound(identityId);
}

/** Step two: the logins are valid and belong to this identity, or it is a guest the pool allows. */
export async function proveIdentity(
  ctx: ResolveContext,
  req: RequestContext,
  identityId: string,
  logins: Record<string, string>,
  found: { pool: IdentityPoolRecord; identity: IdentityRecord | undefined },
): Promise<ResolvedIdentity> {
  const { pool } = found;
  if (Object.keys(logins).length === 0) {
    // An authenticated identity must present a login; a guest needs a pool that allows guests.
    if (!found.identity || found.identity.logins.size > 0) throw fail.loginsDontMatch();
    if (!pool.allowUnauthenticatedIdentities) throw fail.unauthenticatedNotSupported();
    return { pool, identity: found.identity, logins: [] };
  }
  const verified = await verifyLogins(pool, logins, { baseUrl: req.baseUrl, now: ctx.now(), jwks: ctx.jwks });
  const owner = verified.find((login) => ctx.store.authenticatedIdFor(pool, login.provider, login.sub) === identityId);
  // Logins of another user (AWS would merge identities; the sandbox does not) or a guest id.
  if (!owner) throw fail.loginsDontMatch();
  return { pool, identity: ctx.store.authenticated(pool, owner.provider, owner.sub), logins: verified };
}
