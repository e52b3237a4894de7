import { TrailFileError } from "./errors";
import { ValueCapture } from "./value-capture";

/**
 * A streaming tokenizer for the outer structure of CloudTrail files. It is fed text chunk by
 * chunk and hands out one event's text at a time, so a 100 MB file is never one string and never
 * one JSON.parse. It understands every shape people bring:
 *   {"Records":[…]}            a trail's log file, or the console's JSON download
 *   {"Events":[…],"NextToken"} `aws cloudtrail lookup-events` output
 *   […]                        an array of records (or of lookup events)
 *   {…record…}                 one record pasted from the console's event page (seed 001)
 *   {…}\n{…}                   JSON Lines: one record per line
 * Structural damage between records is reported as an issue and skipped, never thrown; only input
 * that is not JSON at all (a CSV download, say) is an error.
 */

/** Where a value sat: in Records, in Events, in a top-level array, or the top-level value itself. */
export type ValueKind = "record" | "lookup-event" | "array-element" | "top-level";

export interface ScannedValue {
  text: string;
  kind: ValueKind;
  /** Character offset of the value's first character in the decoded text. */
  offset: number;
  /** 0-based position among all values handed out. */
  index: number;
  /** Larger than the per-record cap: counted, not kept. */
  oversized: boolean;
}

interface ScanIssue {
  offset: number;
  reason: string;
}

type Frame =
  | { role: "object"; state: "key-or-end" | "colon" | "value" | "comma-or-end"; key: string; container: boolean }
  | { role: "array"; state: "value-or-end" | "comma-or-end"; kind: ValueKind };

type Purpose = "element" | "key" | "member";

const CONTAINERS: Record<string, ValueKind> = { Records: "record", Events: "lookup-event" };
const MAX_RECORD_CHARS = 8 * 1024 * 1024;
/** A top-level object is kept whole only until it turns out to be a container (or this big). */
const MAX_SINGLE_OBJECT_CHARS = 32 * 1024 * 1024;

export class RecordScanner {
  private offset = 0;
  private index = 0;
  private readonly stack: Frame[] = [];
  private capture: { value: ValueCapture; purpose: Purpose; offset: number; kind: ValueKind; fresh: boolean } | null = null;
  private whole: ValueCapture | null = null;
  private started = false;
  readonly issues: ScanIssue[] = [];

  constructor(private readonly emit: (value: ScannedValue) => void) {}

  push(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    if (this.whole) this.whole.start = 0;
    while (i < n) {
      if (this.capture) {
        const c = this.capture;
        const startedHere = c.fresh;
        const end = c.value.scan(chunk, i, c.fresh);
        c.fresh = false;
        if (end < 0) {
          c.value.suspend(chunk);
          break;
        }
        this.capture = null;
        this.finishCapture(c, c.value.finish(chunk, end));
        // A value that ends where it began (a stray "}" where a record should be) consumed
        // nothing; step over that character, or the same spot would be scanned forever.
        i = startedHere && end === i ? i + 1 : end;
        continue;
      }
      const code = chunk.charCodeAt(i);
      if (code === 32 || code === 10 || code === 13 || code === 9) i++;
      else i = this.structural(chunk, i, code);
    }
    this.whole?.suspend(chunk);
    this.offset += n;
  }

  /** Call after the last chunk: says whether the text stopped in the middle of something. */
  finish(): { truncated: boolean } {
    if (!this.started) throw new TrailFileError("invalid:trail-file:empty", "The file is empty.");
    return { truncated: this.stack.length > 0 || this.capture !== null };
  }

  private issue(offset: number, reason: string): void {
    this.issues.push({ offset, reason });
  }

  private startCapture(chunk: string, i: number, purpose: Purpose, kind: ValueKind = "top-level"): number {
    const keep = purpose !== "member";
    this.capture = { value: new ValueCapture(chunk.charCodeAt(i), i, keep, MAX_RECORD_CHARS), purpose, offset: this.offset + i, kind, fresh: true };
    return i;
  }

  private finishCapture(c: NonNullable<RecordScanner["capture"]>, text: string): void {
    const frame = this.stack.at(-1);
    if (c.purpose === "element") {
      this.emit({ text, kind: c.kind, offset: c.offset, index: this.index++, oversized: c.value.oversized });
      if (frame?.role === "array") frame.state = "comma-or-end";
      return;
    }
    if (frame?.role !== "object") return;
    if (c.purpose === "key") {
      frame.key = text.length >= 2 && text.startsWith('"') ? text.slice(1, -1) : text;
      frame.state = "colon";
    } else frame.state = "comma-or-end";
  }

  /** One character outside any captured value; returns where to continue. */
  private structural(chunk: string, i: number, code: number): number {
    const at = this.offset + i;
    const frame = this.stack.at(-1);
    if (!frame) return this.topLevel(chunk, i, code);
    if (frame.role === "array") {
      if (code === 93) return this.close(chunk, i);
      if (frame.state === "value-or-end") {
        if (code === 44) return this.issue(at, "an empty element (two commas in a row)"), i + 1;
        return this.startCapture(chunk, i, "element", frame.kind);
      }
      if (code === 44) return (frame.state = "value-or-end"), i + 1;
      this.issue(at, `expected "," or "]" between records, found "${chunk[i]}"`);
      return this.startCapture(chunk, i, "element", frame.kind);
    }
    switch (frame.state) {
      case "key-or-end":
        if (code === 125) return this.close(chunk, i);
        if (code === 34) return this.startCapture(chunk, i, "key");
        break;
      case "colon":
        if (code === 58) return (frame.state = "value"), i + 1;
        break;
      case "value": {
        const kind = CONTAINERS[frame.key];
        if (kind && code === 91 && this.stack.length === 1) {
          // A container after all: stop keeping the whole object, stream its elements instead.
          frame.container = true;
          this.whole = null;
          this.stack.push({ role: "array", state: "value-or-end", kind });
          return i + 1;
        }
        return this.startCapture(chunk, i, "member");
      }
      case "comma-or-end":
        if (code === 125) return this.close(chunk, i);
        if (code === 44) return (frame.state = "key-or-end"), i + 1;
        break;
    }
    this.issue(at, `unexpected "${chunk[i]}" in an object`);
    return i + 1;
  }

  private topLevel(chunk: string, i: number, code: number): number {
    if (code !== 123 && code !== 91) {
      if (!this.started) throw notJson(chunk.slice(i, i + 200));
      this.issue(this.offset + i, `unexpected "${chunk[i]}" after the end of the JSON`);
      return i + 1;
    }
    this.started = true;
    if (code === 91) {
      this.stack.push({ role: "array", state: "value-or-end", kind: "array-element" });
    } else {
      this.stack.push({ role: "object", state: "key-or-end", key: "", container: false });
      this.whole = new ValueCapture(123, i, true, MAX_SINGLE_OBJECT_CHARS);
    }
    return i + 1;
  }

  private close(chunk: string, i: number): number {
    const frame = this.stack.pop()!;
    const parent = this.stack.at(-1);
    if (parent?.role === "object") parent.state = "comma-or-end";
    if (frame.role === "object" && !frame.container && this.whole) {
      // A top-level object that held no Records/Events list is itself a record (or a JSON line).
      const whole = this.whole;
      this.whole = null;
      const text = whole.finish(chunk, i + 1);
      this.emit({ text, kind: "top-level", offset: this.offset + i + 1 - whole.size, index: this.index++, oversized: whole.oversized });
    }
    return i + 1;
  }
}

function notJson(head: string): TrailFileError {
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  if (/,/.test(firstLine) && /event/i.test(firstLine)) {
    return new TrailFileError("invalid:trail-file:not-json", "This looks like a CSV download. Download the events as JSON instead (CSV leaves out the event record).");
  }
  return new TrailFileError("invalid:trail-file:not-json", "This is not JSON: a CloudTrail file starts with { or [.");
}
