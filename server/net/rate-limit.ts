// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
/**
 * Per-client token buckets for the relay, in memory: enough to stop a page (or a script) from
 * turning the relay into a free proxy, with no store to run. Each instance of the server counts
 * on its own; behind several instances the effective limit is a multiple — acceptable for a
 * debugging tool, where this is abuse control, not a security boundary.
 */

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateLimitVerdict;
}

interface RateLimitOptions {
  /** Requests allowed in a burst, and per window on average. */
  capacity?: number;
  windowMs?: number;
  /** Buckets kept at most; beyond this, full (idle) buckets and then the oldest are dropped. */
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const capacity = options.capacity ?? 60;
  const windowMs = options.windowMs ?? 10_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? (() => Date.now());
  const perMs = capacity / windowMs;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * perMs);
    bucket.updatedAt = at;
  };

  const evict = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
    // Map iteration is insertion order and `take` re-inserts, so the first keys are the stalest.
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  };

  return {
    take(key) {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: at };
      buckets.delete(key);
      // Evict before re-inserting, so the caller's own fresh bucket is never the one dropped.
      if (buckets.size >= maxKeys) evict(at);
      refill(bucket, at);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
