import { absentVerdict } from "./absent";
import { assumedWording, otherRoleWording, refusedWording } from "./explain";
import { highlightsFor } from "./highlights";
import { type CorrelationContext, type Evidence, type EvidenceRelation, type FailedCall, type TrailEvent, type Verdict } from "./types";
import { sameRole } from "./role-match";
import { WebIdentityIndex } from "./web-identity-index";

/**
 * The correlation engine: for each failed call, the AssumeRoleWithWebIdentity event that gave
 * (or refused) its credentials, and what that means. Pure and synchronous, for the browser, the
 * server and the CLI alike.
 *
 * Matching, strongest first:
 *  1. the access key the call was signed with = the key an event handed out (any time: cached
 *     credentials are normal) — proof the credentials came from that assumption;
 *  2. the same identity id (and pool, when both are known) within the window around the call;
 *  3. without an identity id, the same pool, else the same role ARN — weak, and said so.
 * Of several candidates the latest at or before the call decides (a refusal followed by a
 * success means the success is what the call used).
 */

const DEFAULT_WINDOW_BEFORE_MS = 15 * 60_000;
const DEFAULT_WINDOW_AFTER_MS = 60_000;
const MAX_EVIDENCE = 10;

function relationOf(failure: FailedCall, event: TrailEvent): EvidenceRelation | null {
  if (failure.identityId) {
    const samePool = !failure.identityPoolId || !event.identityPoolId || event.identityPoolId === failure.identityPoolId;
    return event.identityId === failure.identityId && samePool ? "same-identity" : null;
  }
  if (failure.identityPoolId) return event.identityPoolId === failure.identityPoolId ? "same-pool" : null;
  if (failure.expectedRoleArn) return sameRole(event.roleArn, failure.expectedRoleArn) ? "same-role" : null;
  return null;
}

function evidence(failure: FailedCall, event: TrailEvent, relation: EvidenceRelation): Evidence {
  return {
    event,
    relation,
    minutesFromCall: Math.round(((event.timeMs - Date.parse(failure.at)) / 60_000) * 10) / 10,
    highlights: highlightsFor(event, failure),
  };
}

function decide(failure: FailedCall, primary: TrailEvent, relation: EvidenceRelation, others: readonly TrailEvent[]): Verdict {
  const keyMatched = relation === "issued-these-credentials";
  const notes: string[] = [];
  if (relation === "same-pool") notes.push("Matched by identity pool only (no identity id given): this event may be another user's.");
  if (relation === "same-role") notes.push("Matched by role ARN only: this event may be another user's.");
  if (failure.accessKeyId && !keyMatched) {
    notes.push(`The call's access key ${failure.accessKeyId} is not among these events: it was probably issued earlier (cached credentials). Widen the window or look it up by AccessKeyId to be sure.`);
  }
  const atMs = Date.parse(failure.at);
  if (keyMatched && atMs - primary.timeMs > DEFAULT_WINDOW_BEFORE_MS) {
    notes.push(`These credentials were issued ${Math.round((atMs - primary.timeMs) / 60_000)} minutes before the call and reused since — normal for cached credentials.`);
  }
  const evidenceList = [primary, ...others.filter((e) => e !== primary)].slice(0, MAX_EVIDENCE).map((e) => evidence(failure, e, e === primary ? relation : (relationOf(failure, e) ?? relation)));

  if (primary.errorCode) return { failure, verdict: "refused", ...refusedWording(primary), evidence: evidenceList, notes };
  if (failure.expectedRoleArn && primary.roleArn && !sameRole(primary.roleArn, failure.expectedRoleArn)) {
    return { failure, verdict: "assumed-other-role", ...otherRoleWording(primary, failure), evidence: evidenceList, notes };
  }
  if (!failure.expectedRoleArn) notes.push("No expected role was given: compare requestParameters.roleArn with the role you expect.");
  return {
    failure,
    verdict: "assumed",
    ...assumedWording(primary, failure, keyMatched),
    evidence: evidenceList,
    ...(failure.action && failure.resource ? { needed: { action: failure.action, resource: failure.resource } } : {}),
    notes,
  };
}

export function correlateOne(failure: FailedCall, events: readonly TrailEvent[], ctx: CorrelationContext = {}): Verdict {
  return correlateIndexed(failure, new WebIdentityIndex(events), ctx);
}

function correlateIndexed(failure: FailedCall, index: WebIdentityIndex, ctx: CorrelationContext): Verdict {
  const atMs = Date.parse(failure.at);
  const window = { startMs: atMs - (ctx.windowBeforeMs ?? DEFAULT_WINDOW_BEFORE_MS), endMs: atMs + (ctx.windowAfterMs ?? DEFAULT_WINDOW_AFTER_MS) };
  if (!Number.isFinite(atMs)) {
    return { ...absentVerdict(failure, { total: 0, inWindow: [] }, ctx, { startMs: 0, endMs: 0 }), explanation: `The call's time "${failure.at}" is not a time, so no window can be searched.` };
  }
  const inWindow = index.between(window.startMs, window.endMs);
  const issuing = failure.accessKeyId ? index.issued(failure.accessKeyId) : [];
  if (issuing.length > 0) {
    const related = inWindow.filter((e) => relationOf(failure, e));
    return decide(failure, issuing.at(-1)!, "issued-these-credentials", related);
  }
  const candidates = inWindow.filter((e) => relationOf(failure, e) !== null);
  if (candidates.length === 0) return absentVerdict(failure, { total: index.events.length, inWindow }, ctx, window);
  const before = candidates.filter((e) => e.timeMs <= atMs);
  const primary = before.at(-1) ?? candidates[0]!;
  return decide(failure, primary, relationOf(failure, primary)!, candidates.slice().reverse());
}

/**
 * For parsing when the failures are known first (the CLI): keeps only the events correlation can
 * use — inside the window around some call, or the issuer of a key some call was signed with —
 * so a 100 MB file of nothing but AssumeRoleWithWebIdentity still fits in little memory.
 */
export function relevantTo(failures: readonly FailedCall[], ctx: Pick<CorrelationContext, "windowBeforeMs" | "windowAfterMs"> = {}): (event: TrailEvent) => boolean {
  const before = ctx.windowBeforeMs ?? DEFAULT_WINDOW_BEFORE_MS;
  const after = ctx.windowAfterMs ?? DEFAULT_WINDOW_AFTER_MS;
  const windows = failures.map((f) => Date.parse(f.at)).filter(Number.isFinite).map((at) => [at - before, at + after] as const);
  const keys = new Set(failures.flatMap((f) => (f.accessKeyId ? [f.accessKeyId] : [])));
  return (event) => (event.issuedAccessKeyId !== undefined && keys.has(event.issuedAccessKeyId)) || windows.some(([start, end]) => event.timeMs >= start && event.timeMs <= end);
}

export function correlate(failures: readonly FailedCall[], events: readonly TrailEvent[], ctx: CorrelationContext = {}): Verdict[] {
  // One index for all calls: sorting tens of thousands of events once, not once per call.
  const index = new WebIdentityIndex(events);
  return failures.map((failure) => correlateIndexed(failure, index, ctx));
}
