/**
 * Server logs: one JSON object per line, every field redacted with lib/redact before it is
 * written. The only way server code in this app should write a log line.
 *
 *   logEvent("jwks.upstream-failed", { host: url.host, status: 502, error })
 *   → {"time":"…","level":"warn","event":"jwks.upstream-failed","host":"…","status":502,"error":{…}}
 *
 * Values are judged by their field name first (`password`, `authorization`, `*Token`, `secret*`:
 * replaced or shortened whatever they look like) and by their shape everywhere (a JWT loses its
 * signature, a secret key or session token is dropped, an API key or access key id is shortened),
 * at any depth, keys included. Errors keep name, message and code, not their stack (a stack can
 * quote the request). URLs, Headers and Requests are turned into redacted plain data first.
 */
import "server-only";
import { redactJson, redactText, redactUrl } from "../../lib/redact";

export type LogLevel = "debug" | "info" | "warn" | "error";

interface LogSink {
  write(line: string, level: LogLevel): void;
}

/** stdout for info/debug, stderr for warn/error: what container and Lambda log shippers expect. */
const processSink: LogSink = {
  write(line, level) {
    (level === "warn" || level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
  },
};

let sink: LogSink = processSink;

/** Tests point the log somewhere else; returns a function that restores the previous sink. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

const MAX_STRING = 2_000;
const MAX_DEPTH = 6;
const MAX_ENTRIES = 50;
const RESERVED = new Set(["time", "level", "event"]);

export function logEvent(event: string, fields: Record<string, unknown> = {}, level: LogLevel = "info"): void {
  sink.write(formatLogLine(event, fields, level), level);
}

/** The line logEvent writes (exported for tests and for callers that ship lines elsewhere). */
export function formatLogLine(event: string, fields: Record<string, unknown>, level: LogLevel, now: Date = new Date()): string {
  const record: Record<string, unknown> = { time: now.toISOString(), level, event: clip(redactText(String(event))) };
  const redacted = clipAll(redactJson(toPlain(fields, 0, new WeakSet()))) as Record<string, unknown>;
  for (const [key, value] of Object.entries(redacted ?? {})) record[RESERVED.has(key) ? `field_${key}` : key] = value;
  return JSON.stringify(record);
}

/**
 * JSON-able data, keys redacted (values are redacted after, by redactJson). Non-plain values are converted here,
 * because redactJson passes them through untouched and JSON.stringify would then print a URL
 * whole (toJSON) or an Error as `{}`.
 */
function toPlain(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "symbol" || typeof value === "function") return `[${typeof value}]`;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    if (value instanceof URL) return redactUrl(value);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    if (value instanceof Headers) return Object.fromEntries(value.entries());
    if (typeof Request !== "undefined" && value instanceof Request) {
      return { method: value.method, url: redactUrl(value.url), headers: Object.fromEntries(value.headers.entries()) };
    }
    if (typeof Response !== "undefined" && value instanceof Response) {
      return { status: value.status, headers: Object.fromEntries(value.headers.entries()) };
    }
    if (value instanceof Error) {
      const code = (value as { code?: unknown }).code;
      return {
        name: value.name,
        message: value.message,
        ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
        ...(value.cause !== undefined ? { cause: toPlain(value.cause, depth + 1, seen) } : {}),
      };
    }
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
    if (value instanceof Map) return toPlain(Object.fromEntries(value), depth, seen);
    if (value instanceof Set) return toPlain([...value], depth, seen);
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ENTRIES).map((item) => toPlain(item, depth + 1, seen));
      return value.length > MAX_ENTRIES ? [...items, `[${value.length - MAX_ENTRIES} more]`] : items;
    }
    const out: Record<string, unknown> = {};
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, item] of entries.slice(0, MAX_ENTRIES)) out[clip(redactText(key), 200)] = toPlain(item, depth + 1, seen);
    if (entries.length > MAX_ENTRIES) out["[more]"] = entries.length - MAX_ENTRIES;
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Strings are clipped after redaction, so a cut can never leave part of a secret unrecognised. */
function clipAll(value: unknown): unknown {
  if (typeof value === "string") return clip(value);
  if (Array.isArray(value)) return value.map(clipAll);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clipAll(item)]));
  }
  return value;
}

function clip(text: string, max = MAX_STRING): string {
  return text.length > max ? `${text.slice(0, max)}…[${text.length - max} more chars]` : text;
}
