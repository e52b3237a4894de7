// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { fetchLimited } from "../net/fetch-limited";
import { isUserPoolId, parseCognitoIssuer, poolIssuers } from "../../lib/tokens/issuer";
import { decodeToken, type DecodedToken } from "../../lib/tokens/decode";
import { JwksCache } from "../../lib/tokens/jwks-cache";
import { verifyToken } from "../../lib/tokens/verify";
import { LookupError } from "../../lib/cloudtrail/lookup/errors";
import { confirmTokenNotRevoked } from "./token-revocation";

/**
 * Server mode: the deployment looks up CloudTrail with its own AWS credential chain, for callers
 * who prove with a Cognito *access* token that they belong to an allow-listed pool and group.
 * Off unless AUTH_DEBUGGER_CLOUDTRAIL_MODE=server and both lists are set — no silent defaults for
 * a decision that hands out the server's AWS access.
 *
 *   AUTH_DEBUGGER_CLOUDTRAIL_POOLS   user pool ids (or sandbox issuer URLs), comma-separated
 *   AUTH_DEBUGGER_CLOUDTRAIL_GROUPS  cognito:groups values, any one suffices
 *   AUTH_DEBUGGER_CLOUDTRAIL_CLIENTS optional app client ids the token's client_id must be among
 */

type Env = Record<string, string | undefined>;

interface ServerModeConfig {
  enabled: boolean;
  issuers: string[];
  groups: string[];
  /** null: the client id is explicitly not checked. */
  clientIds: string[] | null;
  /** Why it is off, for the deployment's operator (shown by GET /api/cloudtrail). */
  reason?: string;
}

const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export function serverModeConfig(env: Env, sandboxOrigins: readonly string[]): ServerModeConfig {
  const groups = list(env["AUTH_DEBUGGER_CLOUDTRAIL_GROUPS"]);
  const clients = list(env["AUTH_DEBUGGER_CLOUDTRAIL_CLIENTS"]);
  const issuers = list(env["AUTH_DEBUGGER_CLOUDTRAIL_POOLS"]).flatMap((entry) => {
    // A pool id stands for both issuer forms the pool may sign with (ORIGINAL and UPDATED).
    if (isUserPoolId(entry)) return poolIssuers(entry);
    const parsed = parseCognitoIssuer(entry);
    // A non-AWS issuer is only trusted when it is the sandbox this deployment configured.
    return parsed && (parsed.aws || sandboxOrigins.includes(new URL(entry).origin)) ? [entry] : [];
  });
  const config = { issuers, groups, clientIds: clients.length > 0 ? clients : null };
  if (env["AUTH_DEBUGGER_CLOUDTRAIL_MODE"] !== "server") return { ...config, enabled: false, reason: "AUTH_DEBUGGER_CLOUDTRAIL_MODE is not server" };
  if (issuers.length === 0) return { ...config, enabled: false, reason: "AUTH_DEBUGGER_CLOUDTRAIL_POOLS names no usable user pool" };
  if (groups.length === 0) return { ...config, enabled: false, reason: "AUTH_DEBUGGER_CLOUDTRAIL_GROUPS is empty" };
  return { ...config, enabled: true };
}

/** JWKS only from Cognito or the configured sandbox, with a deadline and a size cap. */
export function guardedJwksCache(sandboxOrigins: readonly string[]): JwksCache {
  return new JwksCache({
    fetchJson: async (url) => {
      const target = checkOutboundUrl(url, { services: ["cognito-idp", "cognito-idp-issuer"], sandboxOrigins });
      if (!target.ok) throw new Error(target.reason);
      const answer = await fetchLimited(target.url, { timeoutMs: 5_000, maxBytes: 64 * 1024 });
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
      return JSON.parse(answer.body) as unknown;
    },
  });
}

/**
 * The first checks every use of credentials the server holds makes of its caller's access token:
 * readable, from an issuer the use accepts, signature and claims valid. Callers add their own
 * rules (groups) and then ask Cognito whether the token is revoked.
 */
export async function verifiedAccessToken(
  header: string | null,
  accepts: { issuer: (issuer: string) => boolean; clientIds: string[] | null; refusal: string },
  jwks: JwksCache,
  now = Date.now(),
): Promise<{ raw: string; token: DecodedToken; issuer: string; pool: NonNullable<ReturnType<typeof parseCognitoIssuer>> }> {
  const raw = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!raw) throw new LookupError("unauthorized:cloudtrail", "Send your Cognito access token as Authorization: Bearer … to use the server's credentials.");
  let token: DecodedToken;
  try {
    token = decodeToken(raw);
  } catch {
    throw new LookupError("unauthorized:cloudtrail", "The Authorization header does not hold a readable JWT.");
  }
  const issuer = token.issuer;
  const pool = issuer ? parseCognitoIssuer(issuer) : null;
  if (!issuer || !pool || !accepts.issuer(issuer)) throw new LookupError("forbidden:cloudtrail", accepts.refusal);
  let result;
  try {
    result = await verifyToken(token, { issuer, clientId: accepts.clientIds, tokenUse: "access" }, { getJwks: jwks.getJwks, now });
  } catch {
    throw new LookupError("unauthorized:cloudtrail", "The token could not be verified (the user pool's keys could not be fetched).");
  }
  if (!result.ok) {
    const failed = result.checks.filter((c) => c.status === "fail").map((c) => c.name);
    throw new LookupError("unauthorized:cloudtrail", `The access token is not valid (${failed.join(", ")}).`);
  }
  return { raw, token, issuer, pool };
}

/**
 * Checks the caller's access token, in order: readable, from an allowed pool, signature and
 * claims valid, in an allowed group, and — asking Cognito — not revoked. The last step is a call
 * to Cognito per lookup, made only for tokens that passed every local check.
 */
export async function authorizeServerCaller(
  header: string | null,
  config: ServerModeConfig,
  jwks: JwksCache,
  now = Date.now(),
  options: { sandboxOrigins: readonly string[]; confirmNotRevoked?: typeof confirmTokenNotRevoked } = { sandboxOrigins: [] },
): Promise<{ subject: string; userPoolId: string }> {
  const { raw, token, issuer, pool } = await verifiedAccessToken(
    header,
    { issuer: (iss) => config.issuers.includes(iss), clientIds: config.clientIds, refusal: "Tokens of this user pool may not use the server's credentials." },
    jwks,
    now,
  );
  const groups = token.claims["cognito:groups"];
  if (!Array.isArray(groups) || !groups.some((g) => config.groups.includes(String(g)))) {
    throw new LookupError("forbidden:cloudtrail", "Your user is in none of the groups allowed to use the server's credentials.");
  }
  await (options.confirmNotRevoked ?? confirmTokenNotRevoked)(raw, issuer, pool.region, options.sandboxOrigins);
  return { subject: String(token.claims.sub ?? ""), userPoolId: pool.userPoolId };
}
