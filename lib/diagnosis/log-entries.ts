/**
 * Splits a log into entries: a line that starts a log record, with the lines that continue it
 * (stack frames, indented or multi-line JSON bodies, a Python traceback down to its exception
 * line). One failure printed over twenty lines is then one failure, seen once, on one line number.
 *
 * Offsets only: a 10 MB log is not copied into a hundred thousand strings; callers slice the few
 * entries they need.
 */

export interface LogEntry {
  /** 1-based line numbers of the entry's first and last line. */
  readonly startLine: number;
  readonly endLine: number;
  /** Character offsets in the log: [start, end), the last line's line break excluded. */
  readonly start: number;
  readonly end: number;
}

/** An entry longer than this is cut: a log with no record structure must not become one entry. */
const MAX_ENTRY_LINES = 400;
const MAX_ENTRY_CHARS = 64 * 1024;
/** Lines read to decide whether the log marks its records (timestamps, levels) at all. */
const SAMPLE_LINES = 500;

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";

/**
 * How a record starts in the logs support engineers are sent: an ISO or slashed date, a bare
 * clock time, a syslog date, epoch seconds or milliseconds (CloudWatch CSV exports), a level word,
 * Lambda's START/END/REPORT lines, `aws logs filter-log-events --output text` rows, one-line JSON.
 */
const RECORD_START = new RegExp(
  [
    String.raw`^\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}`,
    String.raw`^\[?\d{2}:\d{2}:\d{2}\b`,
    String.raw`^\[?(?:${MONTHS})[a-z]* +\d{1,2},? +(?:\d{4} +)?\d{2}:\d{2}:\d{2}`,
    String.raw`^\d{10}(?:\d{3})?[\s,;|]`,
    String.raw`^\[(?:trace|debug|info|notice|warn|warning|error|err|fatal|critical|crit|severe)\]`,
    String.raw`^(?:start|end|report|init_start|init_report) requestid:`,
    String.raw`^events\t`,
    String.raw`^\{"`,
  ].join("|"),
  "i",
);
/** Level words open a record in capitals ("ERROR …"); "Error: …" is an exception's first line. */
const LEVEL_START = /^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE)\b/;

const isRecordStart = (head: string) => RECORD_START.test(head) || LEVEL_START.test(head);

/** Lines that can only continue what came before, wherever they appear. */
const CONTINUATION = /^(?:[}\])]|caused by:|suppressed:|\.\.\. \d+ (?:more|common frames omitted))/i;
const TRACEBACK = "Traceback (most recent call last):";
/** Python's words between chained tracebacks. */
const CHAINED = /^(?:During handling of the above exception|The above exception was the direct cause)/;

/** True when the log marks its records: most unindented lines start like one (see RECORD_START). */
export function marksRecords(text: string): boolean {
  let lines = 0;
  let starts = 0;
  let at = 0;
  while (at < text.length && lines < SAMPLE_LINES) {
    const nl = text.indexOf("\n", at);
    const end = nl === -1 ? text.length : nl;
    const first = text.charCodeAt(at);
    if (end > at && first !== 32 && first !== 9 && first !== 13) {
      lines++;
      if (isRecordStart(text.slice(at, Math.min(end, at + 64)))) starts++;
    }
    at = end + 1;
  }
  return starts >= 2 && starts >= lines * 0.2;
}

/**
 * Whether pasted text is a log rather than one failure: several lines open a record (a time, a
 * level), or there are simply many lines. A single stack trace is neither.
 */
export function looksLikeLog(text: string): boolean {
  let lines = 0;
  let records = 0;
  for (let at = 0; at < text.length && lines < 200; ) {
    const nl = text.indexOf("\n", at);
    const end = nl === -1 ? text.length : nl;
    lines++;
    if (isRecordStart(text.slice(at, Math.min(end, at + 64)))) records++;
    if (nl === -1) break;
    at = nl + 1;
  }
  return records >= 3 || lines >= 40;
}

/** The log's entries, in order. Blank lines belong to the entry before them. */
export function splitEntries(text: string): LogEntry[] {
  const structured = marksRecords(text);
  const entries: LogEntry[] = [];
  let current: { startLine: number; start: number; lines: number } | null = null;
  let traceback: Traceback = "none";
  let lastEnd = 0;
  let lastLine = 0;

  const close = () => {
    if (current) entries.push({ startLine: current.startLine, endLine: lastLine, start: current.start, end: lastEnd });
    current = null;
  };

  let line = 0;
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf("\n", at);
    const rawEnd = nl === -1 ? text.length : nl;
    const end = rawEnd > at && text.charCodeAt(rawEnd - 1) === 13 ? rawEnd - 1 : rawEnd;
    line++;
    if (nl === -1 && at === text.length) break;
    const head = text.slice(at, Math.min(end, at + 64));
    const blank = head.trim() === "";
    let starts: boolean;
    if (current === null) starts = !blank;
    else if (blank) starts = false;
    else starts = startsRecord(head, structured, traceback);
    if (!blank) traceback = nextTracebackState(head, traceback);

    const full = current !== null && (current.lines >= MAX_ENTRY_LINES || at - current.start >= MAX_ENTRY_CHARS);
    if (starts || (full && !blank)) {
      close();
      current = { startLine: line, start: at, lines: 0 };
    }
    if (current !== null) {
      current.lines++;
      if (!blank) {
        lastEnd = end;
        lastLine = line;
      }
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  close();
  return entries;
}

/**
 * Python tracebacks: "frames" after a Traceback header until the unindented exception line that
 * closes it; "closed" just after; "chained" once "During handling of the above exception …" says
 * the next Traceback belongs to the same failure.
 */
type Traceback = "none" | "frames" | "closed" | "chained";

function startsRecord(head: string, structured: boolean, traceback: Traceback): boolean {
  const first = head.charCodeAt(0);
  if (first === 32 || first === 9) return false;
  // A logger prints the traceback under its own record line; on bare output it opens one, unless chained.
  if (head.startsWith(TRACEBACK)) return !structured && traceback !== "chained";
  // The unindented line after the frames is the exception: "botocore.exceptions.ClientError: …".
  if (traceback === "frames") return structured && isRecordStart(head);
  if (CHAINED.test(head) || CONTINUATION.test(head)) return false;
  if (isRecordStart(head)) return true;
  return !structured;
}

function nextTracebackState(head: string, state: Traceback): Traceback {
  if (head.startsWith(TRACEBACK)) return "frames";
  const first = head.charCodeAt(0);
  const indented = first === 32 || first === 9;
  if (state === "frames") return indented ? "frames" : "closed";
  if (state === "closed" || state === "chained") return CHAINED.test(head) ? "chained" : "none";
  return "none";
}
