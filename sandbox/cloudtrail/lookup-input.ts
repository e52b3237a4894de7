import { createHash } from "node:crypto";
import { AwsError } from "../http/aws-json";
import type { EventFilter } from "./event-log";

/**
 * LookupEvents' request, checked the way CloudTrail checks it: at most one lookup attribute
 * (the API takes a list but "currently the list can contain only one item"), MaxResults 1–50
 * (default 50), StartTime ≤ EndTime, and a NextToken that only continues the query it came from.
 * Exception names are CloudTrail's (API reference, LookupEvents "Errors"); their message texts
 * are not documented and are best guesses here.
 */

const MAX_RESULTS = 50;
const RETENTION_MS = 90 * 24 * 3600 * 1000;

/** The eight lookup attribute keys and the event field each one filters on. */
const ATTRIBUTE_FIELDS = {
  EventId: "eventId",
  EventName: "eventName",
  ReadOnly: "readOnly",
  Username: "username",
  ResourceType: "resourceType",
  ResourceName: "resourceName",
  EventSource: "eventSource",
  AccessKeyId: "accessKeyId",
} as const;

interface LookupQuery {
  filter: EventFilter;
  limit: number;
  beforeSeq?: number;
  /** Insights events: the sandbox records none, so such a query is valid and empty. */
  insights: boolean;
  /** Ties a NextToken to the query that produced it. */
  fingerprint: string;
}

const invalid = (type: string, message: string) => new AwsError(type, message);

/** Smithy's JSON 1.1 timestamps are epoch seconds; ISO strings are accepted too. */
function timestamp(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === "number" ? value * 1000 : typeof value === "string" ? (/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value)) : NaN;
  if (!Number.isFinite(ms)) throw new AwsError("SerializationException", `${name} is not a timestamp`, 400, "Message");
  return new Date(ms);
}

function attribute(input: unknown): Partial<EventFilter> {
  if (input === undefined || input === null) return {};
  if (!Array.isArray(input)) throw new AwsError("SerializationException", "LookupAttributes must be a list", 400, "Message");
  if (input.length === 0) return {};
  if (input.length > 1) throw invalid("InvalidLookupAttributesException", "You can specify only one lookup attribute per request.");
  const { AttributeKey: key, AttributeValue: value } = (input[0] ?? {}) as { AttributeKey?: unknown; AttributeValue?: unknown };
  if (typeof key !== "string" || !Object.hasOwn(ATTRIBUTE_FIELDS, key)) {
    throw invalid("InvalidLookupAttributesException", `Lookup attribute key ${String(key)} is not valid.`);
  }
  if (typeof value !== "string" || value.length < 1 || value.length > 2000) {
    throw invalid("InvalidLookupAttributesException", "Lookup attribute value must be 1 to 2000 characters.");
  }
  const field = ATTRIBUTE_FIELDS[key as keyof typeof ATTRIBUTE_FIELDS];
  if (field === "readOnly") return { readOnly: value.toLowerCase() === "true" };
  return { [field]: value };
}

export function encodeNextToken(seq: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ s: seq, f: fingerprint }), "utf8").toString("base64url");
}

function decodeNextToken(token: unknown, fingerprint: string): number | undefined {
  if (token === undefined || token === null) return undefined;
  let parsed: { s?: unknown; f?: unknown } | undefined;
  try {
    parsed = typeof token === "string" ? (JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as typeof parsed) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed.s !== "number" || !Number.isInteger(parsed.s)) {
    throw invalid("InvalidNextTokenException", "Invalid NextToken.");
  }
  if (parsed.f !== fingerprint) {
    throw invalid("InvalidNextTokenException", "The NextToken was issued for a request with different parameters.");
  }
  return parsed.s;
}

export function parseLookupInput(input: Record<string, unknown>, now: number): LookupQuery {
  const filter: EventFilter = { ...attribute(input["LookupAttributes"]) };
  const start = timestamp(input["StartTime"], "StartTime");
  const end = timestamp(input["EndTime"], "EndTime");
  if (start && end && start.getTime() > end.getTime()) {
    throw invalid("InvalidTimeRangeException", "The start time must not be after the end time.");
  }
  filter.startTime = start ?? new Date(now - RETENTION_MS);
  if (end) filter.endTime = end;

  const max = input["MaxResults"];
  if (max !== undefined && max !== null && (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > MAX_RESULTS)) {
    throw invalid("InvalidMaxResultsException", `MaxResults must be between 1 and ${MAX_RESULTS}.`);
  }
  const category = input["EventCategory"];
  if (category !== undefined && category !== null && category !== "insight") {
    throw invalid("InvalidEventCategoryException", "EventCategory must be insight.");
  }
  // MaxResults is left out on purpose: a client may change the page size while paging.
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([input["LookupAttributes"] ?? null, start?.getTime() ?? null, end?.getTime() ?? null, category ?? null]))
    .digest("base64url")
    .slice(0, 16);
  const beforeSeq = decodeNextToken(input["NextToken"], fingerprint);
  return {
    filter,
    limit: typeof max === "number" ? max : MAX_RESULTS,
    ...(beforeSeq !== undefined ? { beforeSeq } : {}),
    insights: category === "insight",
    fingerprint,
  };
}
