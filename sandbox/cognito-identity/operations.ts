import { USER_POOL_ID_PATTERN } from "../../lib/config/environment";
import { cognitoUserPoolAmr, COGNITO_UNAUTHENTICATED_AMR } from "../../lib/iam";
import { COGNITO_INTERNAL_USER_AGENT } from "../cloudtrail/web-identity-event";
import type { RequestContext } from "../http/types";
import type { IamState } from "../iam/state";
import { assumeRoleWithWebIdentity } from "../sts/assume-role";
import * as fail from "./errors";
import type { IdentityStore } from "./identities";
import { parseIdentityInput } from "./input";
import { GUEST_SESSION_POLICY } from "./guest-session-policy";
import { verifyLogins, type JwksCache } from "./logins";
import { poolOfIdentity, proveIdentity, type ResolvedIdentity } from "./resolve";
import { chooseRoleFor } from "./role-choice";

/**
 * GetId, GetCredentialsForIdentity (enhanced flow) and GetOpenIdToken (basic flow). All three
 * are public APIs: callers are unsigned and prove who they are with user pool ID tokens.
 */

export interface IdentityOpsContext {
  readonly store: IdentityStore;
  readonly iam: IamState;
  readonly jwks: JwksCache;
  readonly now: () => number;
}

/** Every session Cognito opens for an identity is named this (CloudTrail roleSessionName). */
const SESSION_NAME = "CognitoIdentityCredentials";
/** Enhanced-flow credentials last one hour. */
const CREDENTIALS_SECONDS = 3600;
/** The sandbox listens on loopback only, so every caller is local. */
const SOURCE_IP = "127.0.0.1";

/** The amr Cognito puts in tokens and trust evaluations for this identity. */
function amrOf(resolved: ResolvedIdentity): string[] {
  if (resolved.logins.length === 0) return [...COGNITO_UNAUTHENTICATED_AMR];
  // "authenticated", then each login's provider and provider:CognitoSignIn:sub.
  const providers = resolved.logins.flatMap((login) => {
    const region = USER_POOL_ID_PATTERN.exec(login.userPoolId)?.[1] ?? resolved.pool.region;
    return cognitoUserPoolAmr(region, login.userPoolId, login.sub).slice(1);
  });
  return ["authenticated", ...providers];
}

export async function getId(ctx: IdentityOpsContext, input: Record<string, unknown>, req: RequestContext) {
  const { ids, logins } = parseIdentityInput(input, ["IdentityPoolId"], ["AccountId"]);
  const pool = ctx.store.pool(ids["IdentityPoolId"]!);
  if (!pool) throw fail.poolNotFound(ids["IdentityPoolId"]!);
  if (Object.keys(logins).length === 0) {
    if (!pool.allowUnauthenticatedIdentities) throw fail.unauthenticatedNotSupported();
    return { IdentityId: ctx.store.guest(pool).id };
  }
  const [first] = await verifyLogins(pool, logins, { baseUrl: req.baseUrl, now: ctx.now(), jwks: ctx.jwks });
  return { IdentityId: ctx.store.authenticated(pool, first!.provider, first!.sub).id };
}

export async function getCredentialsForIdentity(ctx: IdentityOpsContext, input: Record<string, unknown>, req: RequestContext) {
  const { ids, logins, strings } = parseIdentityInput(input, ["IdentityId"], ["CustomRoleArn"]);
  const identityId = ids["IdentityId"]!;
  const found = await poolOfIdentity(ctx, req, identityId, logins);
  const resolved = await proveIdentity(ctx, req, identityId, logins, found);
  const { pool } = resolved;
  // The role: the pool's default, or what its role mapping for this login's provider chooses
  // (lib/identity/role-mapping: the developer guide's order, shared with the dashboard's prediction).
  const roleArn = chooseRoleFor(resolved, strings["CustomRoleArn"]);

  const assumed = assumeRoleWithWebIdentity(ctx.iam, {
    roleArn,
    roleSessionName: SESSION_NAME,
    durationSeconds: CREDENTIALS_SECONDS,
    identityPoolId: pool.id,
    identityId: resolved.identity.id,
    amr: amrOf(resolved),
    region: pool.region,
    sourceIp: SOURCE_IP,
    userAgent: COGNITO_INTERNAL_USER_AGENT,
    // Guests are scoped down to Cognito's documented list of services (guest-session-policy.ts).
    ...(resolved.logins.length === 0 ? { sessionPolicy: GUEST_SESSION_POLICY } : {}),
  });
  // STS said no (trust policy, or a role that does not exist): Cognito reports its own error.
  if (!assumed.ok) throw fail.invalidPoolConfiguration();
  const credentials = assumed.credentials;
  return {
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      Expiration: Math.floor(credentials.expiration.getTime() / 1000),
      SecretKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
    },
    IdentityId: resolved.identity.id,
  };
}

export async function getOpenIdToken(ctx: IdentityOpsContext, input: Record<string, unknown>, req: RequestContext) {
  const { ids, logins } = parseIdentityInput(input, ["IdentityId"]);
  const identityId = ids["IdentityId"]!;
  const found = await poolOfIdentity(ctx, req, identityId, logins);
  if (!found.pool.allowClassicFlow) throw fail.classicFlowDisabled();
  const resolved = await proveIdentity(ctx, req, identityId, logins, found);
  const token = await ctx.iam.openIdKeys.sign({
    region: resolved.pool.region,
    accountId: resolved.pool.accountId,
    identityId: resolved.identity.id,
    identityPoolId: resolved.pool.id,
    amr: amrOf(resolved),
    now: ctx.now(),
  });
  return { IdentityId: resolved.identity.id, Token: token };
}
