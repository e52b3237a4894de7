import { redactText } from "../redact";
import { diagnose } from "./engine";
import { splitEntries, type LogEntry } from "./log-entries";
import { checkLogSize, utf8Bytes } from "./log-limit";

export { looksLikeLog } from "./log-entries";
export { checkLogSize, formatBytes, LOG_LIMIT_BYTES, utf8Bytes } from "./log-limit";
import { findCandidates, anchorsOf } from "./log-prefilter";
import { FAILURE_MARKER, failureLine, signature } from "./log-signature";
import { diagnosisLink } from "./links";
import type { Match } from "./types";

/**
 * A whole log (CloudWatch export, console dump, CLI output, app log) → each distinct failure once,
 * with the lines it was seen on. The log is split into entries (log-entries.ts); one pass over the
 * lower-cased text finds the entries holding a rule's anchor or a failure word; only those are
 * diagnosed, each on its own, and grouped by the best rule. Entries that look like failures but fit
 * no rule are grouped by their message with ids, times and numbers stripped (log-signature.ts), so
 * nothing is silently lost. Every quoted line goes through lib/redact first.
 */

/** Line numbers kept per group; `count` and `lastLine` still cover every occurrence. */
export const MAX_LINES_KEPT = 1000;
/** Not-recognised groups listed; the rest are counted in `unlisted`. */
export const MAX_UNRECOGNISED_GROUPS = 100;
const MAX_EXCERPT = 200;
/** How much of a line is redacted and quoted: any secret that starts in the quote ends well inside this. */
const EXCERPT_SOURCE = 4096;

interface Group {
  readonly count: number;
  /** Line numbers (1-based) where the failure is written, in order; the first MAX_LINES_KEPT. */
  readonly lines: readonly number[];
  readonly firstLine: number;
  readonly lastLine: number;
  /** The first occurrence's line, redacted and shortened. */
  readonly excerpt: string;
}

export interface KnownFailure extends Group {
  readonly id: string;
  readonly title: string;
  /** /diagnose#<id>: the rule's cause and fix. */
  readonly link: string;
}

export interface UnrecognisedFailure extends Group {
  /** The message with ids, times, numbers and tokens stripped; what the group's entries share. */
  readonly message: string;
}

export interface LogScanResult {
  readonly bytes: number;
  readonly lines: number;
  readonly entries: number;
  /** Entries looked at (those holding a rule's anchor or a failure word); the rest cannot fail. */
  readonly examined: number;
  /** Known failures, in order of first appearance. */
  readonly known: readonly KnownFailure[];
  /** Failures no rule fits, in order of first appearance. */
  readonly unrecognised: readonly UnrecognisedFailure[];
  /** Not-recognised groups beyond MAX_UNRECOGNISED_GROUPS: counted, not listed. */
  readonly unlisted: { readonly groups: number; readonly entries: number };
}

export interface LogScanProgress {
  readonly examined: number;
  readonly candidates: number;
}

export interface LogScanOptions {
  /** Where the log comes from, when known (appsync, agentcore …): passed to every diagnosis. */
  readonly service?: string;
}

const MEMO_MAX_CHARS = 2048;
const MEMO_ENTRIES = 20_000;
const LEADING_TIME = /^\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?/;

interface Building {
  count: number;
  lines: number[];
  firstLine: number;
  lastLine: number;
  excerpt: string;
}

function add(group: Building | undefined, line: number, quote: () => string): Building {
  if (!group) return { count: 1, lines: [line], firstLine: line, lastLine: line, excerpt: quote() };
  group.count++;
  if (group.lines.length < MAX_LINES_KEPT) group.lines.push(line);
  group.lastLine = line;
  return group;
}

/** The line (1-based) `offset` characters into an entry, and that line's text. */
function lineAt(entryText: string, entry: LogEntry, offset: number): { line: number; text: string } {
  let line = entry.startLine;
  for (let i = entryText.indexOf("\n"); i !== -1 && i < offset; i = entryText.indexOf("\n", i + 1)) line++;
  const start = entryText.lastIndexOf("\n", offset - 1) + 1;
  const nl = entryText.indexOf("\n", offset);
  return { line, text: entryText.slice(start, Math.min(nl === -1 ? entryText.length : nl, start + EXCERPT_SOURCE)) };
}

/**
 * Where in an entry its failure is written: the first line holding one of the rule's anchors and a
 * failure word (a traceback's exception line, not the `raise` above it), else the first holding an
 * anchor, else the first failure line, else the entry's first line.
 */
function evidenceOffset(entryText: string, entryLower: string, anchors: readonly string[]): number {
  let firstAnchor = -1;
  for (let at = 0; at < entryLower.length; ) {
    const nl = entryLower.indexOf("\n", at);
    const end = nl === -1 ? entryLower.length : nl;
    const line = entryLower.slice(at, end);
    if (anchors.some((a) => line.includes(a))) {
      if (FAILURE_MARKER.test(line)) return at;
      if (firstAnchor < 0) firstAnchor = at;
    }
    at = end + 1;
  }
  return firstAnchor >= 0 ? firstAnchor : (failureLine(entryText)?.offset ?? 0);
}

/** Redacted first, then shortened: a secret is never cut into a shape redaction no longer knows. */
function quote(line: string): string {
  const text = redactText(line.slice(0, EXCERPT_SOURCE)).replace(/\s+/g, " ").trim();
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text;
}

/**
 * The scan as steps: yields progress between batches of entries, returns the result. scanLog runs
 * it straight through; a page without a worker can yield to the browser between steps.
 */
export function* scanLogSteps(text: string, options: LogScanOptions = {}, batch = 500): Generator<LogScanProgress, LogScanResult> {
  const bytes = utf8Bytes(text);
  checkLogSize(bytes);
  const entries = splitEntries(text);
  const lower = text.toLowerCase();
  // Lower-casing can change a string's length (rare Unicode); offsets then only fit the lower copy.
  const source = lower.length === text.length ? text : lower;
  const picked = findCandidates(lower, entries);
  yield { examined: 0, candidates: picked.length };

  const known = new Map<string, { id: string; title: string; group: Building }>();
  const unrecognised = new Map<string, Building>();
  const unlisted = { groups: 0, entries: 0 };
  const unlistedKeys = new Set<string>();
  // A failure repeated all through a log is diagnosed once: entries equal but for their leading
  // time share the answer (the rules read messages, never a record's timestamp).
  const memo = new Map<string, Match | null>();
  const diagnoseEntry = (entryText: string): Match | undefined => {
    const key = entryText.length <= MEMO_MAX_CHARS ? entryText.replace(LEADING_TIME, "") : null;
    const known = key === null ? undefined : memo.get(key);
    if (known !== undefined) return known ?? undefined;
    const best = diagnose(options.service ? { text: entryText, service: options.service } : entryText)[0];
    if (key !== null && memo.size < MEMO_ENTRIES) memo.set(key, best ?? null);
    return best;
  };

  for (let i = 0; i < picked.length; i++) {
    if (i > 0 && i % batch === 0) yield { examined: i, candidates: picked.length };
    const { entry, diagnosable, marked } = picked[i]!;
    const entryText = source.slice(entry.start, entry.end);
    const best = diagnosable ? diagnoseEntry(entryText) : undefined;
    if (best) {
      const where = lineAt(entryText, entry, evidenceOffset(entryText, lower.slice(entry.start, entry.end), anchorsOf(best.id)));
      known.set(best.id, { id: best.id, title: best.title, group: add(known.get(best.id)?.group, where.line, () => quote(where.text)) });
      continue;
    }
    if (!marked) continue;
    const failing = failureLine(entryText);
    if (!failing) continue;
    const where = lineAt(entryText, entry, failing.offset);
    const key = signature(failing.text);
    if (!unrecognised.has(key) && unrecognised.size >= MAX_UNRECOGNISED_GROUPS) {
      if (!unlistedKeys.has(key)) {
        unlistedKeys.add(key);
        unlisted.groups++;
      }
      unlisted.entries++;
      continue;
    }
    unrecognised.set(key, add(unrecognised.get(key), where.line, () => quote(where.text)));
  }

  const byFirst = (a: Group, b: Group) => a.firstLine - b.firstLine;
  return {
    bytes,
    lines: countLines(text),
    entries: entries.length,
    examined: picked.length,
    known: [...known.values()].map(({ id, title, group }) => ({ id, title, link: diagnosisLink(id), ...group })).sort(byFirst),
    unrecognised: [...unrecognised].map(([message, g]) => ({ message, ...g })).sort(byFirst),
    unlisted,
  };
}

/** Every distinct failure in a log, once each. Throws AppError too-large:diagnose-log over the limit. */
export function scanLog(text: string, options: LogScanOptions & { onProgress?: (p: LogScanProgress) => void } = {}): LogScanResult {
  const steps = scanLogSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") ? n - 1 : n;
}
