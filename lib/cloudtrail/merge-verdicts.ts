import type { FailedCall, Verdict } from "./types";

/**
 * One verdict per set of credentials: every failed call of a test-call run that was signed with the
 * same access key rests on the same AssumeRoleWithWebIdentity event, so its verdict would say the
 * same thing once per call. Calls are merged when they share the key, the verdict and the decisive
 * event; calls without a key (typed in, linked) stay on their own.
 */

export interface VerdictGroup {
  /** The first call's verdict: its wording and evidence stand for the group. */
  verdict: Verdict;
  /** Every call the verdict covers, in the order they came. */
  calls: FailedCall[];
  /** What each call needed, once each (`assumed` verdicts). */
  needed: { action: string; resource: string }[];
}

const groupKey = (v: Verdict) => (v.failure.accessKeyId ? `${v.failure.accessKeyId}|${v.verdict}|${v.evidence[0]?.event.eventId ?? ""}` : undefined);

export function mergeByAccessKey(verdicts: readonly Verdict[]): VerdictGroup[] {
  const groups: VerdictGroup[] = [];
  const byKey = new Map<string, VerdictGroup>();
  for (const verdict of verdicts) {
    const key = groupKey(verdict);
    const existing = key ? byKey.get(key) : undefined;
    const group = existing ?? { verdict, calls: [], needed: [] };
    group.calls.push(verdict.failure);
    const needed = verdict.needed;
    if (needed && !group.needed.some((n) => n.action === needed.action && n.resource === needed.resource)) group.needed.push(needed);
    if (!existing) {
      groups.push(group);
      if (key) byKey.set(key, group);
    }
  }
  return groups;
}
