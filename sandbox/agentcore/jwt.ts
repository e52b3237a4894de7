import type { JSONWebKeySet } from "jose";
import { checkAgentCore, decodeToken, fetchJsonOverHttp, fetchJsonVia, verifyToken, type AgentCoreTarget, type DecodedToken, type JsonFetcher } from "../../lib/tokens";
import { errorTypeFor, invalidBearer, type AgentCoreFailure } from "./errors";
import { resolveDiscoveryUrl, type JwtAuthorizer } from "./scenario";

/**
 * CUSTOM_JWT, as the inbound authorizer does it: fetch the discovery document, take its
 * `jwks_uri`, check the signature with those keys, then apply the configured rules. The rules
 * (iss vs the discovery URL's issuer, exp, allowedClients, allowedAudience, allowedScopes,
 * customClaims) and their wire answers are lib/tokens' checkAgentCore, the same code the
 * dashboard uses to predict the outcome; nothing is re-implemented here.
 */

type JwtOutcome =
  | { ok: true; token: DecodedToken; detail: string }
  /** Not a JWT at all ("Bearer undefined", an opaque token): the caller decides the answer (runtime 403, gateway 401). */
  | { ok: false; unreadable: true }
  | { ok: false; unreadable: false; failure: AgentCoreFailure };

/** JWKS by discovery URL. Sandbox keys live as long as the sandbox, so one fetch per URL is enough. */
export class DiscoveryKeys {
  private readonly cache = new Map<string, Promise<JSONWebKeySet>>();
  private readonly fetchJson: JsonFetcher;

  constructor(doFetch?: typeof fetch) {
    this.fetchJson = doFetch ? fetchJsonVia(doFetch) : fetchJsonOverHttp;
  }

  jwks(discoveryUrl: string): Promise<JSONWebKeySet> {
    let pending = this.cache.get(discoveryUrl);
    if (!pending) {
      pending = (async () => {
        const doc = (await this.fetchJson(discoveryUrl)) as { jwks_uri?: unknown };
        if (typeof doc.jwks_uri !== "string") throw new Error(`${discoveryUrl} names no jwks_uri`);
        return (await this.fetchJson(doc.jwks_uri)) as JSONWebKeySet;
      })();
      // A failed fetch must not stick: the next request tries again.
      pending.catch(() => this.cache.delete(discoveryUrl));
      this.cache.set(discoveryUrl, pending);
    }
    return pending;
  }
}

export interface JwtEnv {
  baseUrl: string;
  now: number;
  keys: DiscoveryKeys;
}

export async function checkBearer(raw: string, authorizer: JwtAuthorizer, env: JwtEnv, target: AgentCoreTarget): Promise<JwtOutcome> {
  let token: DecodedToken;
  try {
    token = decodeToken(raw);
  } catch {
    return { ok: false, unreadable: true };
  }
  const discoveryUrl = resolveDiscoveryUrl(authorizer.discoveryUrl, env.baseUrl);
  let jwks: JSONWebKeySet;
  try {
    jwks = await env.keys.jwks(discoveryUrl);
  } catch (error) {
    return { ok: false, unreadable: false, failure: invalidBearer(`the discovery document could not be read (${(error as Error).message})`) };
  }
  const verified = await verifyToken(token, { issuer: null, clientId: null, tokenUse: null }, { getJwks: async () => jwks, now: env.now });
  const forged = verified.checks.find((c) => ["signature", "alg", "kid"].includes(c.name) && c.status === "fail");
  if (forged) return { ok: false, unreadable: false, failure: invalidBearer(`${forged.name}: ${forged.message}`) };

  const { allowedClients, allowedAudience, allowedScopes, customClaims } = authorizer;
  const result = checkAgentCore(
    { token, now: env.now, scheme: "bearer" },
    {
      discoveryUrl,
      ...(allowedClients ? { allowedClients } : {}),
      ...(allowedAudience ? { allowedAudience } : {}),
      ...(allowedScopes ? { allowedScopes } : {}),
      ...(customClaims ? { customClaims } : {}),
    },
    target,
  );
  if (result.verdict === "fail") {
    const response = result.response;
    const status = response?.status ?? (target === "runtime" ? 401 : 403);
    return {
      ok: false,
      unreadable: false,
      failure: {
        status,
        errorType: errorTypeFor(status),
        message: response?.message ?? "Token rejected by the JWT authorizer.",
        // The prediction knows which of its answers a public source shows; the rest are flagged.
        ...(response?.confirmed ? {} : { unconfirmed: response?.status === null ? "status and wording" : "wording" }),
      },
    };
  }
  const kind = token.tokenUse === "unknown" ? "token" : `${token.tokenUse === "id" ? "ID" : "access"} token`;
  return { ok: true, token, detail: `CUSTOM_JWT: sub ${String(token.claims.sub ?? "?")} (${kind} from ${token.issuer ?? "?"})` };
}
