import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlate, correlateOne } from "./correlate";
import { otherRecord, webIdentityEvent } from "./test-support/records";
import { normalizeRecord } from "./normalize";
import type { TrailEvent } from "./types";
import { WebIdentityIndex } from "./web-identity-index";

const T0 = Date.parse("2025-02-24T14:00:00Z");
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
const other = (minute: number): TrailEvent => {
  const n = normalizeRecord(otherRecord(at(minute)));
  if (!n.ok) throw new Error(n.reason);
  return n.event;
};

// Few distinct minutes and keys, so equal times and keys issued twice are common.
const eventSpec = fc.record({ minute: fc.integer({ min: 0, max: 30 }), key: fc.integer({ min: 0, max: 5 }), web: fc.boolean() });
const eventsOf = (specs: { minute: number; key: number; web: boolean }[]) =>
  specs.map((s, i) => (s.web ? webIdentityEvent({ time: at(s.minute), accessKeyId: `ASIAKEY${s.key}`, eventId: `e${i}` }) : other(s.minute)));

describe("WebIdentityIndex", () => {
  it("finds what filtering every event finds: by window (in time order, ties in input order) and by issued key", () => {
    fc.assert(
      fc.property(fc.array(eventSpec, { maxLength: 40 }), fc.integer({ min: -2, max: 32 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 6 }), (specs, from, length, key) => {
        const events = eventsOf(specs);
        const web = events.filter((e) => e.eventName === "AssumeRoleWithWebIdentity").sort((a, b) => a.timeMs - b.timeMs);
        const index = new WebIdentityIndex(events);
        const [startMs, endMs] = [T0 + from * 60_000, T0 + (from + length) * 60_000];
        expect(index.events).toEqual(web);
        expect(index.between(startMs, endMs)).toEqual(web.filter((e) => e.timeMs >= startMs && e.timeMs <= endMs));
        expect(index.issued(`ASIAKEY${key}`)).toEqual(web.filter((e) => e.issuedAccessKeyId === `ASIAKEY${key}`));
      }),
      { numRuns: 500 },
    );
  });
});

describe("correlate over many calls", () => {
  it("gives each call the verdict it gets on its own", () => {
    const events = eventsOf(Array.from({ length: 200 }, (_, i) => ({ minute: (i * 7) % 31, key: i % 6, web: i % 4 !== 0 })));
    const failures = Array.from({ length: 25 }, (_, i) => ({ at: at(i * 2 - 5), ...(i % 3 === 0 ? { accessKeyId: `ASIAKEY${i % 8}` } : {}), ...(i % 5 === 0 ? { identityId: "ap-northeast-1:00000000-0000-4000-8000-000000000999" } : {}) }));
    const now = T0 + 86_400_000;
    const together = correlate(failures, events, { now });
    expect(together.map((v) => v.verdict)).toContain("absent");
    expect(together).toEqual(failures.map((f) => correlateOne(f, events, { now })));
  });

  it("still counts every AssumeRoleWithWebIdentity searched when none is in the window", () => {
    const events = [webIdentityEvent({ time: at(0) }), webIdentityEvent({ time: at(1) }), other(100)];
    const [verdict] = correlate([{ at: at(100), identityId: "ap-northeast-1:00000000-0000-4000-8000-000000000999" }], events, { now: T0 + 86_400_000 });
    expect(verdict?.verdict).toBe("absent");
    expect(verdict?.explanation).toContain("among 2 AssumeRoleWithWebIdentity event(s)");
  });
});
