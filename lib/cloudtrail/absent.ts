import { formatDuration } from "../format/time";
import type { CorrelationContext, FailedCall, TrailEvent, Verdict } from "./types";

/**
 * No AssumeRoleWithWebIdentity event for this call. Absence is not a finding by itself, so the
 * verdict lists what it can mean, most likely first, from what is known: how long ago the call
 * was, the Region searched versus the identity pool's, what the events cover, and which other
 * identities do show up.
 */

/** CloudTrail delivers most events within about 5 minutes; past 15, waiting longer rarely helps. */
const DELIVERY_TYPICAL_MS = 5 * 60_000;
const DELIVERY_PATIENCE_MS = 15 * 60_000;

const regionOf = (id: string | undefined) => id?.match(/^([a-z]{2}(?:-[a-z]+)+-\d+):/)?.[1];
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** `web`: how many AssumeRoleWithWebIdentity events were searched, and those inside `window`. */
export function absentVerdict(
  failure: FailedCall,
  web: { total: number; inWindow: readonly TrailEvent[] },
  ctx: CorrelationContext,
  window: { startMs: number; endMs: number },
): Verdict {
  const atMs = Date.parse(failure.at);
  const now = ctx.now ?? Date.now();
  const causes: string[] = [];
  const notes: string[] = [];
  let lookAgainAt: string | undefined;

  if (!failure.identityId && !failure.identityPoolId && !failure.accessKeyId && !failure.expectedRoleArn) {
    causes.push("Nothing ties an event to this call: give the identity id, identity pool id, access key id or role ARN of the failing call.");
  }
  const age = now - atMs;
  if (age >= 0 && age < DELIVERY_PATIENCE_MS) {
    lookAgainAt = iso(Math.max(now + 60_000, atMs + DELIVERY_TYPICAL_MS));
    causes.push(
      `Not delivered yet: the call was ${formatDuration(age / 1000)} ago, and CloudTrail usually needs about 5 minutes (it is not guaranteed). Look again at ${lookAgainAt}.`,
    );
  }
  const poolRegion = regionOf(failure.identityPoolId) ?? regionOf(failure.identityId);
  if (ctx.region && poolRegion && ctx.region !== poolRegion) {
    causes.unshift(`Wrong Region: the events were looked up in ${ctx.region}, but the identity pool is in ${poolRegion}, where Cognito calls STS (enhanced flow).`);
  } else {
    causes.push(
      `Another Region: enhanced-flow events are recorded in the identity pool's Region${poolRegion ? ` (${poolRegion})` : ""}; basic-flow events in the Region that served the app's STS call — for the global sts.amazonaws.com that was always us-east-1, and since AWS's global-endpoint change it is usually the caller's own Region: look in both (additionalEventData.RequestDetails.awsServingRegion says which).`,
    );
  }
  if (ctx.coverage && (atMs < ctx.coverage.startMs || atMs > ctx.coverage.endMs + 60_000)) {
    causes.unshift(`The events cover ${iso(ctx.coverage.startMs)} to ${iso(ctx.coverage.endMs)}; the call at ${failure.at} is outside that.`);
  }
  causes.push(
    "Credentials cached from an earlier session: the app may have signed with credentials issued before this window (they last an hour by default). Widen the window to the session's start, or look up by the access key id.",
  );
  if (failure.identityId) {
    const samePool = web.inWindow.filter((e) => e.identityPoolId === failure.identityPoolId && e.identityId !== failure.identityId);
    if (samePool.length > 0) {
      const ids = [...new Set(samePool.map((e) => e.identityId))].slice(0, 3).join(", ");
      notes.push(`${samePool.length} AssumeRoleWithWebIdentity event(s) in the window belong to other identities of this pool (${ids}).`);
    }
    causes.push("Another identity: a guest (unauthenticated) identity or a merged identity has a different id — look for events of the pool without the identity filter.");
  }
  causes.push("Basic vs enhanced flow: with the basic flow the app calls STS itself (its own session name, its STS endpoint's Region); with the enhanced flow Cognito does (session name CognitoIdentityCredentials, the pool's Region).");
  notes.push("GetId and GetCredentialsForIdentity are CloudTrail data events: LookupEvents never returns them, only a trail or event data store with data events does.");

  const recent = lookAgainAt !== undefined;
  return {
    failure,
    verdict: "absent",
    headline: "No AssumeRoleWithWebIdentity event for this call",
    explanation: `No matching event between ${iso(window.startMs)} and ${iso(window.endMs)}${web.total ? ` among ${web.total} AssumeRoleWithWebIdentity event(s)` : ""}. That alone does not say the role was not assumed.`,
    nextStep: recent
      ? `Wait and look again at ${lookAgainAt} (the page can poll every minute).`
      : "Check the Region, widen the window, and look up by the access key id; if it is still absent, these credentials were not issued through this identity pool.",
    evidence: [],
    causes,
    ...(lookAgainAt ? { lookAgainAt } : {}),
    notes,
  };
}
