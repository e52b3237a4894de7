/**
 * The sandbox's CloudTrail: an in-memory, append-only list of management events in CloudTrail's
 * record shape (eventVersion 1.08), newest last. Services record what the real service would
 * log (today: sts:AssumeRoleWithWebIdentity, which Cognito identity pools call on the user's
 * behalf); a later LookupEvents endpoint reads it through `listEvents`.
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

export class EventLog {
  private readonly events: CloudTrailEvent[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Appends a copy, frozen so no caller can rewrite history after the fact. */
  recordEvent(event: CloudTrailEvent): CloudTrailEvent {
    const stored = Object.freeze(structuredClone(event));
    this.events.push(stored);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    return stored;
  }

  /** Matching events within the retention window, newest first (LookupEvents' order). */
  listEvents(filter: EventFilter = {}): CloudTrailEvent[] {
    const oldest = this.now() - RETENTION_MS;
    return this.events.filter((e) => Date.parse(e.eventTime) >= oldest && matches(e, filter)).reverse();
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
