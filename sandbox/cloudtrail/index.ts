import { AMZ_JSON_1_1, AwsError } from "../http/aws-json";
import type { RequestContext, SandboxService } from "../http/types";
import type { IamState } from "../iam/state";
import type { Scenario } from "../scenario";
import { authorizeLookup, readerIndex } from "./authorize";
import type { CloudTrailEvent } from "./event-log";
import { encodeNextToken, parseLookupInput } from "./lookup-input";
import { createThrottle, type Throttle } from "./throttle";

/**
 * CloudTrail `LookupEvents` (AWS JSON 1.1) at /cloudtrail — the value
 * of a environment's `endpoints.cloudTrail`. It serves what the sandbox recorded (iam.events), for the
 * caller's account and signing region only, as LookupEvents does: newest first, pages of at most
 * 50 with a NextToken, one lookup attribute, 2 requests/s, and per scenario a delivery delay
 * before an event shows up. CORS is closed: the dashboard calls it from its server route.
 */

/**
 * Both spellings of the target reach the same operation: botocore (the AWS CLI) sends
 * `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`, AWS SDK for JavaScript
 * v3 sends `CloudTrail_20131101.LookupEvents` (observed on the wire).
 */
const CLOUDTRAIL_TARGET_PREFIXES = ["com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "CloudTrail_20131101"] as const;

interface CloudTrailServiceOptions {
  /** Replaced in tests that need a different rate. */
  throttle?: Throttle;
}

/** LookupEvents' Event: the summary fields plus the record as a JSON string. */
function toLookupEvent(event: CloudTrailEvent) {
  return {
    EventId: event.eventID,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    ...(event.userIdentity.accessKeyId ? { AccessKeyId: event.userIdentity.accessKeyId } : {}),
    EventTime: Date.parse(event.eventTime) / 1000,
    EventSource: event.eventSource,
    ...(event.userIdentity.userName ? { Username: event.userIdentity.userName } : {}),
    Resources: (event.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
    CloudTrailEvent: JSON.stringify(event),
  };
}

/** Delivery delay per account: the largest any scenario of that account asks for. */
function delays(scenarios: readonly Scenario[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of scenarios) out.set(s.accountId, Math.max(out.get(s.accountId) ?? 0, s.cloudTrailDeliveryDelaySeconds * 1000));
  return out;
}

export function createCloudTrail(scenarios: readonly Scenario[], iam: IamState, options: CloudTrailServiceOptions = {}): SandboxService[] {
  const readers = readerIndex(scenarios);
  const delayMs = delays(scenarios);
  const throttle = options.throttle ?? createThrottle();

  async function lookupEvents(input: Record<string, unknown>, ctx: RequestContext) {
    const now = iam.now();
    const caller = await authorizeLookup(ctx, readers, now);
    if (!throttle.take(`${caller.accountId}|${caller.region}`)) throw new AwsError("ThrottlingException", "Rate exceeded");
    const query = parseLookupInput(input, now);
    if (query.insights) return { Events: [] };
    const delay = delayMs.get(caller.accountId) ?? 0;
    const page = iam.events.page(
      { ...query.filter, recipientAccountId: caller.accountId, awsRegion: caller.region },
      {
        limit: query.limit,
        ...(query.beforeSeq !== undefined ? { beforeSeq: query.beforeSeq } : {}),
        where: (event) => Date.parse(event.eventTime) + delay <= now,
      },
    );
    return {
      Events: page.events.map(toLookupEvent),
      ...(page.nextSeq !== undefined ? { NextToken: encodeNextToken(page.nextSeq, query.fingerprint) } : {}),
    };
  }

  return CLOUDTRAIL_TARGET_PREFIXES.map((targetPrefix) => ({
    name: "cloudtrail",
    targetPrefix,
    contentType: AMZ_JSON_1_1,
    mount: "/cloudtrail",
    cors: "closed" as const,
    operations: { LookupEvents: lookupEvents },
  }));
}
