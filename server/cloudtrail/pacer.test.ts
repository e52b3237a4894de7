import { describe, expect, it } from "vitest";
import { createPacer } from "./pacer";

describe("pacer", () => {
  it("starts requests for one key at least the interval apart, even when they all ask at once", async () => {
    const pacer = createPacer({ intervalMs: 100 });
    const starts = await Promise.all([1, 2, 3, 4].map(() => pacer.wait("acct|region")));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
  });

  it("keeps keys apart and lets a cancelled waiter drop out without stalling the queue", async () => {
    const pacer = createPacer({ intervalMs: 200 });
    const first = await pacer.wait("a");
    const other = await pacer.wait("b");
    expect(other - first).toBeLessThan(50);
    const abort = new AbortController();
    const cancelled = pacer.wait("a", abort.signal);
    abort.abort();
    await expect(cancelled).rejects.toBeDefined();
    const next = await pacer.wait("a");
    expect(next - first).toBeGreaterThanOrEqual(200);
  });
});
