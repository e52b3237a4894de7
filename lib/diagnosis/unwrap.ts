/**
 * Errors rarely arrive bare. A GraphQL `errors` array sits inside a string inside a DataStore
 * warning; a Lambda logs its caught error as JSON escaped inside JSON; a CloudWatch line escapes
 * every quote. Rules are written against what AWS (or the client library) says, so before matching
 * the engine adds the same failure in plain form: each escaping level undone, and every error
 * object found in embedded JSON restated as one "Type: message" line. The original text is kept
 * first and unchanged; these lines only add to it, so nothing a rule could match is lost.
 */

/** Unwrapping is for pasted errors and excerpts of logs; past this, a log is matched as it is. */
const MAX_UNWRAP = 512 * 1024;
/** JSON values parsed per text, and the largest one tried: a log can hold thousands of bodies. */
const MAX_JSON_VALUES = 200;
const MAX_JSON_LENGTH = 64 * 1024;
const MAX_ESCAPE_LEVELS = 3;
const PYTHON_ERROR = /'Code':\s*'([^'\n]{1,100})',\s*'Message':\s*'([^'\n]{1,500})'/g;
/**
 * A GraphQL error dict printed by Python (graphql-python/gql gql/transport/requests.py raises TransportQueryError with
 * str() of the first errors entry, so AppSync's error prints as a repr):
 * {'errorType': 'UnauthorizedException', 'message': '…'}, either key first.
 */
const PYTHON_GRAPHQL_ERROR = /'errorType':\s*'([^'\n]{1,100})',\s*(?:'[a-zA-Z]+':\s*(?:'[^'\n]{0,200}'|\w+|\[[^\]\n]{0,200}\]),\s*){0,3}'message':\s*'([^'\n]{1,500})'/g;
const PYTHON_GRAPHQL_ERROR_MESSAGE_FIRST = /'message':\s*'([^'\n]{1,500})',\s*(?:'[a-zA-Z]+':\s*(?:'[^'\n]{0,200}'|\w+|\[[^\]\n]{0,200}\]),\s*){0,3}'errorType':\s*'([^'\n]{1,100})'/g;
/**
 * Amplify Android's AmplifyException.toString() (aws-amplify/amplify-android core/src/main/java/com/amplifyframework/AmplifyException.java:
 * `Name{message=…, cause=…, recoverySuggestion=…}`) and the AWS SDK for Kotlin's service exceptions it wraps as cause
 * (`NotAuthorizedException(message=…)`).
 */
const KOTLIN_ERROR = /\b([A-Z][A-Za-z0-9]{2,80}(?:Exception|Error))[{(]message=([^\n]{1,400}?)(?=, (?:cause|recoverySuggestion|errorType)=|\)(?:[,})\s]|$)|\}(?:[,\s]|$))/g;
/**
 * The AWS SDK for Java v1's AmazonServiceException message: `<message> (Service: <name>; Status Code: <n>; Error Code: <code>; Request ID: …)`.
 */
const JAVA_SDK_ERROR = / \(Service: [^;)\n]{1,80}; Status Code: \d{3}; Error Code: ([A-Za-z][\w.#]{1,80});/g;
const MAX_DEPTH = 6;

/** Keys under which AWS services, SDKs and client libraries put an error's type and its message. */
const TYPE_KEYS = ["errorType", "__type", "code", "Code", "name", "errorCode", "error", "type"];
const MESSAGE_KEYS = ["message", "Message", "errorMessage", "error_description", "detail", "reason", "recoverySuggestion", "msg"];

/** Reflowing copies the text; only for what a person pastes, not for a log. */
const MAX_REFLOW = 64 * 1024;
/** A line that ends mid-sentence: the next one starts lower-case or indented with a word. */
const WRAPPED = /[^\s.;!?{}[\]][ \t]*\r?\n[ \t]*[a-z(]/;
const HTML_ENTITY = /&(?:quot|#39|#x27|apos|lt|gt|amp);/;
const ENTITIES: Readonly<Record<string, string>> = { quot: '"', "#39": "'", "#x27": "'", apos: "'", lt: "<", gt: ">", amp: "&" };

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\", "/": "/", "'": "'" };

/** One level of string escaping undone: \" → ", \\n → newline, \u0027 → '. */
export function unescapeOnce(text: string): string {
  return text.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/nrt']))/g, (_, hex: string | undefined, c: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : ESCAPES[c!]!,
  );
}

/** The extra plain-form lines for a text; "" when it holds nothing wrapped. */
export function unwrap(text: string): string {
  if (text.length > MAX_UNWRAP) return "";
  const views: string[] = [];
  let current = text;
  for (let level = 0; level < MAX_ESCAPE_LEVELS && /\\["\\nu]/.test(current); level++) {
    const next = unescapeOnce(current);
    if (next === current) break;
    views.push(next);
    current = next;
  }
  // A sentence broken over lines (terminal width, a wrapped log field) or spaced twice reads as one
  // line with single spaces again.
  if (text.length <= MAX_REFLOW && (WRAPPED.test(text) || /\S[ \t]{2,}\S/.test(text))) views.push(text.replace(/[ \t]*\r?\n[ \t]*|[ \t]{2,}/g, " "));
  // HTML-escaped text (a page or an issue's rendered body pasted as is).
  if (HTML_ENTITY.test(text)) views.push(text.replace(/&(quot|#39|#x27|apos|lt|gt|amp);/g, (_, e: string) => ENTITIES[e] ?? ""));
  const lines = new Set<string>();
  let budget = MAX_JSON_VALUES;
  for (const view of [text, ...views]) {
    for (const value of jsonValues(view, () => budget-- > 0)) collectErrors(value, lines, 0);
  }
  // botocore's error dict printed by Python: {'Error': {'Code': 'AccessDenied', 'Message': '…'}}.
  for (const m of text.matchAll(PYTHON_ERROR)) lines.add(`${m[1]}: ${m[2]}`);
  for (const m of text.matchAll(PYTHON_GRAPHQL_ERROR)) lines.add(`${m[1]}: ${m[2]}`);
  for (const m of text.matchAll(PYTHON_GRAPHQL_ERROR_MESSAGE_FIRST)) lines.add(`${m[2]}: ${m[1]}`);
  for (const m of text.matchAll(KOTLIN_ERROR)) lines.add(`${m[1]}: ${m[2]}`);
  for (const m of text.matchAll(JAVA_SDK_ERROR)) {
    // The message is what precedes the trailer on its line (after the exception's class name, when printed).
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    const message = text.slice(Math.max(lineStart, m.index - 400), m.index).replace(/^.*?\b[\w.$]*(?:Exception|Error):\s*/, "").trim();
    if (message) lines.add(`${m[1]}: ${message}`);
  }
  return [...views, ...lines].join("\n");
}

/** Every top-level JSON object or array embedded in the text that parses. */
function* jsonValues(text: string, more: () => boolean): Generator<unknown> {
  let from = 0;
  while (from < text.length) {
    const start = text.slice(from).search(/[{[]/);
    if (start < 0) return;
    const open = from + start;
    const close = matchingClose(text, open);
    if (close < 0) {
      from = open + 1;
      continue;
    }
    if (!more()) return;
    try {
      yield JSON.parse(text.slice(open, close + 1));
      from = close + 1;
    } catch {
      from = open + 1;
    }
  }
}

/** The index of the bracket closing the one at `open`, skipping strings; -1 if none within MAX_JSON_LENGTH. */
function matchingClose(text: string, open: number): number {
  const end = Math.min(text.length, open + MAX_JSON_LENGTH);
  let depth = 0;
  let inString = false;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

/** Restates error-shaped objects as "Type: message"; follows strings that are themselves JSON. */
function collectErrors(value: unknown, lines: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || value === null) return;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && trimmed.length <= MAX_JSON_LENGTH) {
      try {
        collectErrors(JSON.parse(trimmed), lines, depth + 1);
      } catch {
        // Not JSON after all: the text itself is already matched.
      }
    }
    return;
  }
  if (typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) collectErrors(item, lines, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  const type = firstString(o, TYPE_KEYS);
  const messages = MESSAGE_KEYS.map((k) => o[k]).filter((m): m is string => typeof m === "string" && m.trim() !== "");
  for (const message of messages) lines.add(type && type !== message ? `${type}: ${message}` : message);
  if (messages.length === 0 && type && /(?:exception|error|fault|denied|unauthori[sz]ed)/i.test(type)) lines.add(type);
  for (const v of Object.values(o)) collectErrors(v, lines, depth + 1);
}

function firstString(o: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === "string" && v.trim() !== "" && v.length < 200) return v;
  }
  return undefined;
}
