import type { JSONWebKeySet } from "jose";
import { unreachableMessage } from "../errors/unreachable";
import { JwksError } from "./errors";
import { jwksUrlFor } from "./issuer";

/**
 * One JWKS per issuer for the life of the page (or CLI run), as aws-jwt-verify does: verifying
 * ten tokens fetches once. A token whose kid is not in the cached set triggers one refetch (keys
 * rotate), but at most one per issuer every 10 s, so a stream of forged kids can't become a
 * stream of requests to the pool.
 */

/** Fetches a URL and returns its parsed JSON; the browser passes one that falls back to a proxy. */
export type JsonFetcher = (url: string) => Promise<unknown>;

/** What verifyToken needs: the key set for an issuer, refreshed if it lacks `kid`. */
export type JwksGetter = (issuer: string, kid?: string) => Promise<JSONWebKeySet>;

interface JwksCacheOptions {
  readonly fetchJson?: JsonFetcher;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
  readonly kidRefetchIntervalMs?: number;
}

interface Entry {
  jwks?: JSONWebKeySet;
  fetchedAt: number;
  pending?: Promise<JSONWebKeySet>;
}

export const KID_REFETCH_INTERVAL_MS = 10_000;

export class JwksCache {
  private readonly entries = new Map<string, Entry>();
  private readonly fetchJson: JsonFetcher;
  private readonly now: () => number;
  private readonly interval: number;

  constructor(options: JwksCacheOptions = {}) {
    this.fetchJson = options.fetchJson ?? fetchJsonOverHttp;
    this.now = options.now ?? Date.now;
    this.interval = options.kidRefetchIntervalMs ?? KID_REFETCH_INTERVAL_MS;
  }

  /** Bound, so it can be handed to verifyToken as `getJwks: cache.getJwks`. */
  readonly getJwks: JwksGetter = async (issuer, kid) => {
    const entry = this.entries.get(issuer);
    if (entry?.pending) return entry.pending;
    if (entry?.jwks) {
      const known = kid === undefined || entry.jwks.keys.some((key) => key.kid === kid);
      // In the penalty box: answer from cache and let the caller report the unknown kid.
      if (known || this.now() - entry.fetchedAt < this.interval) return entry.jwks;
    }
    return this.refresh(issuer);
  };

  /** Forgets everything, e.g. when the user switches environment. */
  clear(): void {
    this.entries.clear();
  }

  private refresh(issuer: string): Promise<JSONWebKeySet> {
    const entry: Entry = this.entries.get(issuer) ?? { fetchedAt: 0 };
    const url = jwksUrlFor(issuer);
    entry.fetchedAt = this.now();
    entry.pending = Promise.resolve()
      .then(() => this.fetchJson(url))
      .then(
        (body) => parseJwks(body, url),
        (error: unknown) => {
          if (error instanceof JwksError) throw error;
          const reason = error instanceof Error ? error.message : String(error);
          throw new JwksError("unreachable:jwks", `Could not fetch the JWKS from ${url}: ${reason}`, url);
        },
      )
      .then((jwks) => {
        entry.jwks = jwks;
        return jwks;
      })
      .finally(() => {
        entry.pending = undefined;
        // A failed first fetch leaves nothing worth keeping, so the next call tries again.
        if (!entry.jwks) this.entries.delete(issuer);
      });
    this.entries.set(issuer, entry);
    return entry.pending;
  }
}

export function createJwksCache(options: JwksCacheOptions = {}): JwksCache {
  return new JwksCache(options);
}

function parseJwks(body: unknown, url: string): JSONWebKeySet {
  const keys = typeof body === "object" && body !== null ? (body as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "object" && k !== null && !Array.isArray(k))) {
    throw new JwksError("upstream:jwks:invalid", `${url} did not return a JWKS ({"keys": [...]}).`, url);
  }
  return { keys: keys as JSONWebKeySet["keys"] };
}

/**
 * A JSON fetcher over a given `fetch`, with a timeout. The local sandbox passes one that also
 * trusts its own certificate authority, to read its own https discovery documents.
 */
export function fetchJsonVia(doFetch: typeof fetch): JsonFetcher {
  return async (url) => {
    const response = await doFetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } });
    if (!response.ok) {
      throw new JwksError("unreachable:jwks", `${url} answered HTTP ${response.status}.`, url);
    }
    try {
      return await response.json();
    } catch {
      throw new JwksError("upstream:jwks:invalid", `${url} did not return JSON.`, url);
    }
  };
}

/** The default fetcher: plain fetch (looked up at call time, so tests may stub it); works in browsers, Node 20 and tests. */
export const fetchJsonOverHttp: JsonFetcher = fetchJsonVia((input, init) => fetch(input, init));

/**
 * For the browser: try the JWKS directly, and if that fails (CORS, network), ask the dashboard's
 * server to fetch it. When the browser got no answer at all (fetch rejects with a TypeError) and
 * the fallback failed too, the endpoint is named as unreachable with both attempts; otherwise the
 * error kept is the fallback's, as the last thing tried.
 */
export function fetchWithFallback(primary: JsonFetcher, fallback: JsonFetcher, names = { primary: "from this browser", fallback: "through the dashboard's server" }): JsonFetcher {
  return async (url) => {
    let first: unknown;
    try {
      return await primary(url);
    } catch (error) {
      first = error;
    }
    try {
      return await fallback(url);
    } catch (second) {
      if (!(first instanceof TypeError)) throw second;
      const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
      throw new JwksError(
        "unreachable:jwks",
        unreachableMessage("The user pool's JWKS", url, [`${url} ${names.primary}: no answer it may read (${reason(first)}: no connection, or refused by CORS)`, `${names.fallback}: ${reason(second)}`]),
        url,
      );
    }
  };
}
