import { redactText } from "../redact";

/**
 * Failures no rule knows still have to be reported, or a log scan would silently drop them. A
 * line "looks like a failure" by a few words any auth or AWS error carries; lines that differ only
 * in ids, times, numbers and tokens are the same failure, so each is grouped under its message with
 * those stripped.
 */

/**
 * HTTP 401/403 (as status fields, status lines or access-log columns), "Unauthorized", "AccessDenied",
 * "not authorized", exception names and "Error:" — the words a refused or failed call leaves.
 */
export const FAILURE_MARKER = new RegExp(
  [
    String.raw`\bunauthori[sz]ed\b`,
    String.raw`accessdenied|access denied`,
    String.raw`\bnot authori[sz]ed\b`,
    String.raw`exception\b`,
    String.raw`error:`,
    String.raw`status(?:[ _]?code)?["']?\s*[:=]?\s*["']?40[13]\b`,
    String.raw`\bhttp/\d(?:\.\d)?"?\s+40[13]\b`,
    String.raw`\b40[13]\s+(?:unauthori[sz]ed|forbidden|\(unauthori[sz]ed\)|\(forbidden\))`,
    String.raw`\b(?:get|post|put|patch|delete|head|options)\s+\S+(?:\s+http/[\d.]+"?)?\s+40[13]\b`,
  ].join("|"),
  "i",
);

/** The literal words a FAILURE_MARKER match contains, for a cheap first pass over a whole log. */
export const MARKER_WORDS = ["unauthori", "accessdenied", "access denied", "not authori", "exception", "error:", "401", "403"] as const;

/** The first line of `entry` that looks like a failure, or null. */
export function failureLine(entry: string): { text: string; offset: number } | null {
  let at = 0;
  while (at < entry.length) {
    const nl = entry.indexOf("\n", at);
    const end = nl === -1 ? entry.length : nl;
    // A line too long to be a message (a minified bundle, a base64 blob) is judged by its head.
    const text = entry.slice(at, Math.min(end, at + 4096));
    if (FAILURE_MARKER.test(text)) return { text, offset: at };
    at = end + 1;
  }
  return null;
}

const MAX_SIGNATURE = 160;

/**
 * UUIDs and timestamps are never secrets, and redaction can take part of one for a key (a UUID's
 * "…-ada2-…" for an AppSync key): they are replaced before redaction, so repeats still match.
 */
const NEVER_SECRET: ReadonlyArray<[RegExp, string]> = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<id>"],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, "<time>"],
];

/** After redaction. Order matters: tokens before ids before times before numbers, each replaced whole. */
const VOLATILE: ReadonlyArray<[RegExp, string]> = [
  [/\beyJ[\w-]+\.[\w-]+(?:\.[\w-]*)?/g, "<token>"],
  [/\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g, "<key>"],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, "<email>"],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, "<time>"],
  // Long runs with digits in them: request ids, hashes, opaque tokens.
  [/\b(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}\b/g, "<id>"],
  [/\b(?=[a-f]*\d)[0-9a-f]{8,}\b/gi, "<id>"],
  // Every other number, except an HTTP status standing alone (401 and 403 are different failures).
  [/\b(?![45]\d\d\b)\d+(?:\.\d+)?/g, "<n>"],
];

/** What opens a record rather than saying anything: times, levels, ids, brackets, separators. */
const LEADING_NOISE = /^(?:(?:<time>|<id>|<n>|\[[^\]]{0,40}\]|(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\b:?|[-|:,;=\t ]+)\s*)+/;

/**
 * The failure line redacted (lib/redact) and with its volatile parts replaced, so repeats of one
 * failure share it. Safe to show: secrets are gone before anything else is rewritten.
 */
export function signature(line: string): string {
  let s = line.slice(0, 1024);
  for (const [pattern, replacement] of NEVER_SECRET) s = s.replace(pattern, replacement);
  s = redactText(s);
  for (const [pattern, replacement] of VOLATILE) s = s.replace(pattern, replacement);
  s = s.replace(/\s+/g, " ").trim();
  const stripped = s.replace(LEADING_NOISE, "");
  s = stripped.length > 0 ? stripped : s;
  return s.length > MAX_SIGNATURE ? `${s.slice(0, MAX_SIGNATURE - 1)}…` : s;
}
