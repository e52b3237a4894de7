import { normalizeRecord, recordOf } from "./normalize";
import { RecordScanner, type ScannedValue, type ValueKind } from "./record-scanner";
import { StringPool } from "./string-pool";
import { WEB_IDENTITY_EVENT, type TrailEvent } from "./types";

/**
 * Text in, events out: drives the RecordScanner and decides per record. Only the asked-for event
 * names are kept, so memory follows the number of AssumeRoleWithWebIdentity events, not the size
 * of the file. A record whose text does not even contain a wanted name cannot be one, so it is
 * skimmed (eventName, eventTime, awsRegion read by pattern — also inside lookup-events' escaped
 * CloudTrailEvent strings) instead of parsed: that halves the time for a 100 MB file. Wanted
 * records are fully parsed and validated; others are checked for structure and those fields.
 */

export interface TrailParserOptions {
  /** Event names to keep; "*" keeps every event. Default: AssumeRoleWithWebIdentity. */
  eventNames?: readonly string[] | "*";
  /** How many malformed records to list with their position (all are counted). */
  maxListedMalformed?: number;
  /** A bound on memory for pathological files; the rest are counted as matches, not kept. */
  maxKept?: number;
  /** Keep only these of the matches (e.g. `relevantTo(failures)`); the rest are counted. */
  keep?: (event: TrailEvent) => boolean;
}

export type TrailFormat = "records" | "lookup-events" | "record-array" | "single-record" | "json-lines" | "mixed";

export interface MalformedRecord {
  /** 0-based position among the values of the file. */
  index: number;
  /** Character offset in the (decompressed) text. */
  offset: number;
  reason: string;
}

export interface TrailParseSummary {
  format: TrailFormat | null;
  /** Usable records seen, of every event name. */
  records: number;
  /** Records of the asked-for names (kept in `events` up to maxKept). */
  matches: number;
  events: TrailEvent[];
  malformed: { count: number; first: MalformedRecord[] };
  truncated: { offset: number; reason: string } | null;
  /** First and last eventTime of all usable records. */
  coverage: { startMs: number; endMs: number } | null;
  /** Records per event name and per Region: "no GetId here" and "wrong Region" come from these. */
  eventNames: Record<string, number>;
  regions: Record<string, number>;
  chars: number;
}

const FORMAT_OF: Record<ValueKind, TrailFormat> = {
  record: "records",
  "lookup-event": "lookup-events",
  "array-element": "record-array",
  "top-level": "single-record",
};
const MAX_DISTINCT_COUNTS = 500;
/** `"eventName": "X"`, or `\"eventName\":\"X\"` inside a lookup event's CloudTrailEvent string. */
const field = (key: string) => new RegExp(`\\\\?"${key}\\\\?"\\s*:\\s*\\\\?"([^"\\\\]+)`);
const NAME = field("eventName");
const TIME = field("eventTime");
const REGION = field("awsRegion");

/** V8 quotes part of the input in its message; the position is enough and shows no data. */
const jsonReason = (error: unknown) => `not valid JSON (${String((error as Error).message).replace(/,? ?".*" is not valid JSON$/s, "").slice(0, 120)})`;

export class TrailParser {
  private readonly scanner = new RecordScanner((value) => this.handle(value));
  private readonly wanted: Set<string> | "*";
  private readonly wantedList: readonly string[] | null;
  private readonly maxListed: number;
  private readonly maxKept: number;
  private readonly keep: ((event: TrailEvent) => boolean) | undefined;
  private topLevelValues = 0;
  /** Shares repeated strings among the kept events (they can be every record of the file). */
  private readonly strings = new StringPool();
  readonly summary: TrailParseSummary = {
    format: null,
    records: 0,
    matches: 0,
    events: [],
    malformed: { count: 0, first: [] },
    truncated: null,
    coverage: null,
    eventNames: {},
    regions: {},
    chars: 0,
  };

  constructor(options: TrailParserOptions = {}) {
    const names = options.eventNames ?? [WEB_IDENTITY_EVENT];
    this.wanted = names === "*" ? "*" : new Set(names);
    this.wantedList = names === "*" ? null : [...names];
    this.maxListed = options.maxListedMalformed ?? 20;
    this.maxKept = options.maxKept ?? 200_000;
    this.keep = options.keep;
  }

  push(text: string): void {
    this.summary.chars += text.length;
    this.scanner.push(text);
  }

  /** `truncatedReason` when the bytes stopped early (a damaged gzip stream). */
  finish(truncatedReason?: string): TrailParseSummary {
    const { truncated } = this.scanner.finish();
    for (const issue of this.scanner.issues) this.malformed(-1, issue.offset, issue.reason);
    if (truncated || truncatedReason) {
      this.summary.truncated = {
        offset: this.summary.chars,
        reason: truncatedReason ?? "the file ends in the middle of the JSON (cut off while downloading or copying?); the records before that point were read",
      };
    }
    if (this.summary.format === "single-record" && this.topLevelValues > 1) this.summary.format = "json-lines";
    return this.summary;
  }

  private malformed(index: number, offset: number, reason: string): void {
    const m = this.summary.malformed;
    m.count++;
    if (m.first.length < this.maxListed) m.first.push({ index, offset, reason });
  }

  private handle(value: ScannedValue): void {
    const format = FORMAT_OF[value.kind];
    if (value.kind === "top-level") this.topLevelValues++;
    this.summary.format = this.summary.format === null || this.summary.format === format ? format : "mixed";
    if (value.oversized) return this.malformed(value.index, value.offset, "larger than 8 MB: not a CloudTrail record");
    if (this.wantedList && !this.wantedList.some((name) => value.text.includes(name)) && this.skim(value)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.text);
    } catch (error) {
      return this.malformed(value.index, value.offset, jsonReason(error));
    }
    // A whole log file's content inside an array (several files concatenated by a script).
    const nested = (parsed as { Records?: unknown } | null)?.Records;
    if (Array.isArray(nested)) for (const item of nested) this.take(item, value);
    else this.take(parsed, value);
  }

  /** Counts a record that cannot be a wanted one; false (parse it after all) when it looks damaged. */
  private skim(at: ScannedValue): boolean {
    const name = NAME.exec(at.text)?.[1];
    const time = TIME.exec(at.text)?.[1];
    const ms = time ? Date.parse(time) : NaN;
    if (!name || !Number.isFinite(ms)) return false;
    this.count(name, REGION.exec(at.text)?.[1], ms);
    return true;
  }

  private count(name: string, region: string | undefined, time: number): void {
    const s = this.summary;
    s.records++;
    count(s.eventNames, name);
    if (region) count(s.regions, region);
    if (!s.coverage) s.coverage = { startMs: time, endMs: time };
    else if (time < s.coverage.startMs) s.coverage.startMs = time;
    else if (time > s.coverage.endMs) s.coverage.endMs = time;
  }

  private take(value: unknown, at: ScannedValue): void {
    const unwrapped = recordOf(value);
    if ("reason" in unwrapped) return this.malformed(at.index, at.offset, unwrapped.reason);
    const { record } = unwrapped;
    const name = record["eventName"];
    const time = typeof record["eventTime"] === "string" ? Date.parse(record["eventTime"]) : NaN;
    if (typeof name !== "string" || name === "") return this.malformed(at.index, at.offset, "no eventName: not a CloudTrail record");
    if (!Number.isFinite(time)) return this.malformed(at.index, at.offset, "no usable eventTime");
    this.count(name, typeof record["awsRegion"] === "string" ? record["awsRegion"] : undefined, time);
    const s = this.summary;
    if (this.wanted !== "*" && !this.wanted.has(name)) return;
    s.matches++;
    if (s.events.length >= this.maxKept) return;
    if (this.keep) {
      const probe = normalizeRecord(record);
      if (!probe.ok || !this.keep(probe.event)) return;
    }
    // Pooled before the event is derived, so the event's fields point at the shared copies too.
    // Only kept records are pooled: a filtered parse (the CLI's) pays for the few it keeps.
    this.strings.internValues(record);
    const normalized = normalizeRecord(record);
    if (!normalized.ok) return;
    const { event } = normalized;
    // Split out of principalId for refusals, so not a record value: pool ids repeat throughout.
    if (event.identityPoolId !== undefined) event.identityPoolId = this.strings.intern(event.identityPoolId);
    s.events.push(event);
  }
}

function count(counts: Record<string, number>, key: string): void {
  if (counts[key] !== undefined) counts[key]++;
  else if (Object.keys(counts).length < MAX_DISTINCT_COUNTS) counts[key] = 1;
}
