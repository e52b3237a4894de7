import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst of `capacity`, then refuses with a Retry-After, then refills", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 3, windowMs: 3000, now: () => t });
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("b").ok).toBe(true);
    t = 1000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });

  it("keeps at most maxKeys buckets", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 1, windowMs: 1_000_000, maxKeys: 2, now: () => t });
    expect(limiter.take("a").ok).toBe(true);
    t = 1;
    expect(limiter.take("b").ok).toBe(true);
    expect(limiter.take("c").ok).toBe(true);
    // "a" was the stalest and was dropped, so it starts again with a full bucket.
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("c").ok).toBe(false);
  });
});
