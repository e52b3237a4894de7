import { WEB_IDENTITY_EVENT, type TrailEvent } from "./types";

/**
 * The AssumeRoleWithWebIdentity events of a parse, in time order, found by time window (binary
 * search) or by the access key they issued (a map). correlate() builds it once for all failed
 * calls: filtering and sorting every event again per call made the page's verdicts cost
 * calls × events, with tens of thousands of events kept from a large file.
 */
export class WebIdentityIndex {
  /** Sorted by time; events of equal time keep their input order (Array.prototype.sort is stable). */
  readonly events: readonly TrailEvent[];
  /** The same, without events whose time is not a number (they can match no window). */
  private readonly timed: readonly TrailEvent[];
  private byIssuedKey: Map<string, TrailEvent[]> | null = null;

  constructor(events: readonly TrailEvent[]) {
    this.events = events.filter((e) => e.eventName === WEB_IDENTITY_EVENT).sort((a, b) => a.timeMs - b.timeMs);
    const timed = this.events.filter((e) => Number.isFinite(e.timeMs));
    this.timed = timed.length === this.events.length ? this.events : timed;
  }

  /** Events with startMs ≤ time ≤ endMs, in time order. */
  between(startMs: number, endMs: number): readonly TrailEvent[] {
    const from = this.firstIndex((t) => t >= startMs);
    const to = this.firstIndex((t) => t > endMs);
    return from < to ? this.timed.slice(from, to) : [];
  }

  /** Events that handed out this access key, in time order. */
  issued(accessKeyId: string): readonly TrailEvent[] {
    if (!this.byIssuedKey) {
      this.byIssuedKey = new Map();
      for (const e of this.events) {
        if (e.issuedAccessKeyId === undefined) continue;
        const list = this.byIssuedKey.get(e.issuedAccessKeyId);
        if (list) list.push(e);
        else this.byIssuedKey.set(e.issuedAccessKeyId, [e]);
      }
    }
    return this.byIssuedKey.get(accessKeyId) ?? [];
  }

  /** The first index whose time passes `test` (monotonic over the sorted times), or the length. */
  private firstIndex(test: (timeMs: number) => boolean): number {
    let low = 0;
    let high = this.timed.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (test(this.timed[mid]!.timeMs)) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
