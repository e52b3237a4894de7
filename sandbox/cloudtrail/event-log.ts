/**
 * The sandbox's CloudTrail: an in-memory, append-only list of management events in CloudTrail's
 * record shape (eventVersion 1.08), newest last. Services record what the real service would
 * log (today: sts:AssumeRoleWithWebIdentity, which Cognito identity pools call on the user's
 * behalf); the LookupEvents endpoint (./index.ts) reads it a page at a time through `page`.
 */

export interface CloudTrailUserIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  identityProvider?: string;
}

export interface CloudTrailResource {
  accountId: string;
  type: string;
  ARN: string;
}

/** One record, member order as CloudTrail writes it (errorCode/errorMessage only on failures). */
export interface CloudTrailEvent {
  eventVersion: "1.08";
  userIdentity: CloudTrailUserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown>;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  resources?: CloudTrailResource[];
  eventType: "AwsApiCall";
  managementEvent: boolean;
  recipientAccountId: string;
  eventCategory: "Management" | "Data";
}

/** The lookup attributes LookupEvents accepts, plus a time window. All given ones must match. */
export interface EventFilter {
  eventId?: string;
  eventName?: string;
  eventSource?: string;
  readOnly?: boolean;
  username?: string;
  resourceType?: string;
  resourceName?: string;
  accessKeyId?: string;
  awsRegion?: string;
  recipientAccountId?: string;
  /** Inclusive bounds on eventTime. */
  startTime?: Date;
  endTime?: Date;
}

/** CloudTrail keeps 90 days of management events for LookupEvents. */
const RETENTION_MS = 90 * 24 * 3600 * 1000;
/** A bound on memory for long-running sandboxes; far more than any support session produces. */
const MAX_EVENTS = 10_000;

function responseAccessKeyId(event: CloudTrailEvent): string | undefined {
  const credentials = event.responseElements?.["credentials"] as { accessKeyId?: unknown } | undefined;
  return typeof credentials?.accessKeyId === "string" ? credentials.accessKeyId : undefined;
}

function matches(event: CloudTrailEvent, filter: EventFilter): boolean {
  const time = Date.parse(event.eventTime);
  const resources = event.resources ?? [];
  return (
    (filter.eventId === undefined || event.eventID === filter.eventId) &&
    (filter.eventName === undefined || event.eventName === filter.eventName) &&
    (filter.eventSource === undefined || event.eventSource === filter.eventSource) &&
    (filter.readOnly === undefined || event.readOnly === filter.readOnly) &&
    (filter.username === undefined || event.userIdentity.userName === filter.username) &&
    (filter.resourceType === undefined || resources.some((r) => r.type === filter.resourceType)) &&
    (filter.resourceName === undefined || resources.some((r) => r.ARN === filter.resourceName)) &&
    // LookupEvents matches the caller's key and, for STS, the key the call handed out.
    (filter.accessKeyId === undefined ||
      event.userIdentity.accessKeyId === filter.accessKeyId ||
      responseAccessKeyId(event) === filter.accessKeyId) &&
    (filter.awsRegion === undefined || event.awsRegion === filter.awsRegion) &&
    (filter.recipientAccountId === undefined || event.recipientAccountId === filter.recipientAccountId) &&
    (filter.startTime === undefined || time >= filter.startTime.getTime()) &&
    (filter.endTime === undefined || time <= filter.endTime.getTime())
  );
}

interface EventPage {
  events: CloudTrailEvent[];
  /** Pass as `beforeSeq` for the next page; absent on the last page. */
  nextSeq?: number;
}

interface PageRequest {
  /** Only events recorded before this sequence number (exclusive): the cursor of a NextToken. */
  beforeSeq?: number;
  limit: number;
  /** A further condition (the sandbox's delivery delay). */
  where?: (event: CloudTrailEvent) => boolean;
}

export class EventLog {
  private readonly events: CloudTrailEvent[] = [];
  /** Sequence number of events[0]: a stable cursor even after old events are dropped. */
  private firstSeq = 0;
  /** True while every event came in no earlier than the one before, so scans may stop early. */
  private ordered = true;
  private capacity = MAX_EVENTS;

  constructor(private readonly now: () => number = Date.now) {}

  /** Raises (or lowers) the memory bound, e.g. for a benchmark that records 100k events. */
  setCapacity(max: number): void {
    this.capacity = Math.max(1, Math.floor(max));
    this.trim();
  }

  /** Appends a copy, frozen so no caller can rewrite history after the fact. */
  recordEvent(event: CloudTrailEvent): CloudTrailEvent {
    const stored = Object.freeze(structuredClone(event));
    const last = this.events.at(-1);
    if (last && Date.parse(stored.eventTime) < Date.parse(last.eventTime)) this.ordered = false;
    this.events.push(stored);
    this.trim();
    return stored;
  }

  /** Matching events within the retention window, newest first (LookupEvents' order). */
  listEvents(filter: EventFilter = {}): CloudTrailEvent[] {
    const oldest = this.now() - RETENTION_MS;
    return this.events.filter((e) => Date.parse(e.eventTime) >= oldest && matches(e, filter)).reverse();
  }

  /**
   * One page of `listEvents`, newest first, walking back from a cursor instead of filtering the
   * whole log per page: LookupEvents over a 100k-event history stays cheap per request.
   */
  page(filter: EventFilter, request: PageRequest): EventPage {
    const oldest = Math.max(this.now() - RETENTION_MS, filter.startTime?.getTime() ?? -Infinity);
    const cursor = request.beforeSeq === undefined ? this.events.length - 1 : request.beforeSeq - this.firstSeq - 1;
    const start = Math.min(cursor, this.lastAtOrBefore(filter.endTime));
    const out: CloudTrailEvent[] = [];
    for (let i = start; i >= 0; i--) {
      const event = this.events[i]!;
      const time = Date.parse(event.eventTime);
      if (time < oldest) {
        if (this.ordered) break;
        continue;
      }
      if (!matches(event, filter) || (request.where && !request.where(event))) continue;
      if (out.length === request.limit) return { events: out, nextSeq: this.firstSeq + i + 1 };
      out.push(event);
    }
    return { events: out };
  }

  /** Index of the newest event at or before `end` (binary search while the log is in order). */
  private lastAtOrBefore(end: Date | undefined): number {
    let high = this.events.length - 1;
    if (!end || !this.ordered) return high;
    let low = 0;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (Date.parse(this.events[mid]!.eventTime) <= end.getTime()) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  private trim(): void {
    const excess = this.events.length - this.capacity;
    if (excess <= 0) return;
    this.events.splice(0, excess);
    this.firstSeq += excess;
  }
}

/** `2025-02-24T14:15:12Z`: CloudTrail's eventTime has no milliseconds. */
export const cloudTrailTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * `Feb 24, 2025, 3:15:12 PM`: how STS records the credentials' expiration in responseElements
 * (Java's medium date-time format, UTC), as seen in real AssumeRoleWithWebIdentity events.
 */
export function cloudTrailExpiration(date: Date): string {
  const hours = date.getUTCHours();
  const two = (n: number) => String(n).padStart(2, "0");
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${clock} ${hours < 12 ? "AM" : "PM"}`;
}
