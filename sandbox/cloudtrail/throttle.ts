import { performance } from "node:perf_hooks";

/**
 * LookupEvents' documented limit: two requests per second, per account, per Region; beyond it
 * CloudTrail answers ThrottlingException (HTTP 400). A token bucket (two tokens, two per second)
 * per account+region gives exactly that rate while tolerating the jitter of a client that paces
 * itself at 500 ms. It runs on the wall clock, not the sandbox clock: tests that freeze the
 * sandbox's time for token expiry must not freeze the rate limit too.
 */

export interface Throttle {
  take(key: string): boolean;
}

export function createThrottle(options: { ratePerSecond?: number; burst?: number; now?: () => number } = {}): Throttle {
  const rate = options.ratePerSecond ?? 2;
  const burst = options.burst ?? rate;
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * rate);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
