/**
 * Redaction of free text (request dumps, copied command lines, response bodies, log lines) and of
 * the structured values inside and around it (parsed JSON, header maps, report objects). One module,
 * because each needs the other: a realtime header in text is JSON, and a JSON string is text.
 *
 * One left-to-right scan with a single alternation of every rule, so rules never see each
 * other's output (a re-encoded realtime header is not re-read as a bare secret key) and the
 * leftmost, first-listed rule wins where two could apply. Rules that cover a value after a
 * name (`"PASSWORD": "…"`) find the end of that value themselves, quotes and escapes included.
 */
import { redactBearerSubprotocol, redactRealtimeHeaderB64url, redactRealtimeHeaderQuery } from "./encoded";
import {
  isAuthorizationName,
  isSecretName,
  ACCESS_KEY_ID_SOURCE,
  APPSYNC_API_KEY_SOURCE,
  AUTHORIZATION_NAME_SOURCE,
  BARE_SECRET_KEY_SOURCE,
  JWE_SOURCE,
  JWT_SOURCE,
  REDACTED_JWT_SOURCE,
  SECRET_NAME_SOURCE,
  SESSION_TOKEN_SOURCE,
} from "./shapes";
import { scanValue, type ValueSpan } from "./scan-value";
import {
  REDACTED,
  redactAuthorizationValue,
  redactJwt,
  redactSecretValue,
  shortenAccessKeyId,
  shortenApiKey,
} from "./values";

/** What a rule did at a match: the text to emit and where scanning resumes; null = no change. */
type Handled = { replacement: string; end: number } | null;
type Rule = (text: string, match: RegExpExecArray) => Handled;

const NAME_THEN_SEPARATOR = `(?<![A-Za-z0-9_-])(?:\\\\?["'])?NAME(?:\\\\?["'])?[ \\t]*[:=][ \\t]*`;

/**
 * Rules that scan a run of characters start only where a run starts, so a long run (a 256 KB
 * base64 blob, "eyeyey…") is scanned once, not once per position.
 */
const TOKEN_START = "(?<![A-Za-z0-9_-])";

/** Order matters only between rules that can match at the same position. */
const RULES: Array<[name: string, source: string, rule: Rule]> = [
  ["realtime", "header-(?=e[wy])", (text, m) => encodedAfter(text, m, /[A-Za-z0-9_-]+/y, (v) => redactRealtimeHeaderB64url(v, redactJson))],
  ["realtimeQuery", "[?&]header=(?=e[wy])", (text, m) => encodedAfter(text, m, /[A-Za-z0-9+/=%_-]+/y, (v) => redactRealtimeHeaderQuery(v, redactJson))],
  ["bearerSubprotocol", "base64UrlBearerAuthorization\\.", (text, m) => encodedAfter(text, m, /[A-Za-z0-9_.=%-]+/y, redactBearerSubprotocol)],
  ["authorization", NAME_THEN_SEPARATOR.replace("NAME", AUTHORIZATION_NAME_SOURCE), (text, m) => namedValue(text, m, redactAuthorizationValue)],
  ["secretNamed", NAME_THEN_SEPARATOR.replace("NAME", SECRET_NAME_SOURCE), (text, m) => namedValue(text, m, (value) => redactNamedSecret(nameIn(m[0]), value))],
  ["xmlSecret", `<${SECRET_NAME_SOURCE}>`, xmlElement],
  ["userinfo", "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}://[^\\s/?#@:]{0,256}:", userinfoPassword],
  // Already redacted: kept whole, so its 40-character header is not taken for a secret key.
  ["redactedJwt", `${TOKEN_START}${REDACTED_JWT_SOURCE}`, (_t, m) => whole(m, m[0])],
  ["jwe", `${TOKEN_START}${JWE_SOURCE}`, (_t, m) => whole(m, REDACTED)],
  ["jwt", `${TOKEN_START}${JWT_SOURCE}`, (_t, m) => whole(m, redactJwt(m[0]))],
  ["sessionToken", SESSION_TOKEN_SOURCE, (_t, m) => whole(m, REDACTED)],
  ["appsyncApiKey", APPSYNC_API_KEY_SOURCE, (_t, m) => whole(m, shortenApiKey(m[0]))],
  ["accessKeyId", ACCESS_KEY_ID_SOURCE, (_t, m) => whole(m, shortenAccessKeyId(m[0]))],
  ["bareSecretKey", BARE_SECRET_KEY_SOURCE, (_t, m) => (looksLikeSecretAccessKey(m[0]) ? whole(m, REDACTED) : null)],
];

const SCANNER_SOURCE = RULES.map(([name, source]) => `(?<${name}>${source})`).join("|");
const RULE_BY_NAME = new Map(RULES.map(([name, , rule]) => [name, rule]));

export function redactText(text: string): string {
  if (typeof text !== "string" || text === "") return typeof text === "string" ? text : "";
  const scanner = new RegExp(SCANNER_SOURCE, "g");
  let out = "";
  let copiedUpTo = 0;
  for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
    const name = Object.keys(match.groups ?? {}).find((key) => match?.groups?.[key] !== undefined);
    const handled = name ? RULE_BY_NAME.get(name)?.(text, match) : null;
    if (!handled) {
      // No change here; step one character so a shorter secret inside this match is still seen.
      scanner.lastIndex = match.index + 1;
      continue;
    }
    out += text.slice(copiedUpTo, match.index) + handled.replacement;
    copiedUpTo = handled.end;
    scanner.lastIndex = handled.end;
  }
  return out + text.slice(copiedUpTo);
}

/** `"NoApiKey": ` → `NoApiKey`. */
const nameIn = (matched: string) => /[A-Za-z0-9_-]+/.exec(matched)?.[0] ?? "";

/**
 * A word of a sentence: letters (an apostrophe or hyphen inside), maybe in brackets or quotes,
 * maybe followed by punctuation; or a lone separator (a Markdown table's `|`, a dash). Tokens, keys
 * and signatures are never written like that.
 */
const PLAIN_WORD = /^(?:[("'`]?[A-Za-z][A-Za-z'-]*[)"'`]?[.,:;!?]?|[|—–·-])$/;

/**
 * Whether a value after a secret-sounding name is a sentence rather than a secret: AWS and its
 * client libraries name errors after what is missing or wrong (`NoApiKey: No api-key configured`,
 * aws-amplify's GraphQLAuthError; `ExpiredToken: The security token included in the request is
 * expired`, STS), and the message after such a name is what a report must keep. Three or more
 * words, each a plain word or something the shape rules redact on their own (a JWT, a key): an
 * unrecognised run (an opaque token) makes the whole value secret again.
 */
function isSentence(value: string): boolean {
  const words = value.trim().split(/\s+/);
  const plain = words.filter((word) => PLAIN_WORD.test(word)).length;
  return words.length >= 3 && plain >= 2 && words.every((word) => PLAIN_WORD.test(word) || redactText(word) !== word);
}

/** Passwords and cookies are secret whatever they look like: a passphrase is a sentence too. */
const SHAPELESS_SECRET_NAME = /(?:passw(?:or)?d|cookie)$/i;

/**
 * A value under a secret-bearing name: redacted unless it is a sentence (isSentence), which keeps
 * an error's message readable; any token inside a sentence is still redacted by its shape.
 */
function redactNamedSecret(name: string, value: string): string {
  if (!SHAPELESS_SECRET_NAME.test(name) && isSentence(value)) return redactText(value);
  return redactSecretValue(value);
}

function whole(match: RegExpExecArray, replacement: string): Handled {
  return { replacement, end: match.index + match[0].length };
}

/**
 * A bare 40-character run counts as a secret key only if it looks random: a digit or `/` `+`
 * (all but ~0.03% of real keys), or at least 10 letters of each case (random base64 has ~16).
 * That spares hex digests and 40-letter camelCase names (Amplify's GraphQL input types).
 * Keys after their name (`SecretKey`, `aws_secret_access_key`) are redacted whatever they look like.
 */
export function looksLikeSecretAccessKey(run: string): boolean {
  if (/^[0-9a-f]+$/i.test(run)) return false;
  const upper = run.replace(/[^A-Z]/g, "").length;
  const lower = run.replace(/[^a-z]/g, "").length;
  if (upper === 0 || lower === 0) return false;
  return /[0-9/+]/.test(run) || (upper >= 10 && lower >= 10);
}

function encodedAfter(text: string, match: RegExpExecArray, valuePattern: RegExp, redact: (value: string) => string): Handled {
  const start = match.index + match[0].length;
  valuePattern.lastIndex = start;
  const value = valuePattern.exec(text)?.[0];
  if (!value) return null;
  return { replacement: match[0] + redact(value), end: start + value.length };
}

/** `name: value`, `"name": "value"`, `name=value`, `\"name\":\"value\"` (JSON inside a JSON string). */
function namedValue(text: string, match: RegExpExecArray, redact: (value: string) => string): Handled {
  const start = match.index + match[0].length;
  const separator = /=[ \t]*$/.test(match[0]) ? "=" : ":";
  const jsonKey = /"[ \t]*:[ \t]*$/.test(match[0]);
  const span: ValueSpan | null = scanValue(text, start, { separator, jsonKey });
  if (!span) return null;
  const inner = text.slice(span.innerStart, span.innerEnd);
  let replaced = redact(inner);
  // An unquoted JSON value that is not a literal becomes a string, so the document stays JSON.
  if (span.kind === "json-literal") {
    if (/^(?:null|true|false)$/.test(inner)) return null;
    replaced = JSON.stringify(replaced);
  }
  return { replacement: text.slice(match.index, span.innerStart) + replaced, end: span.innerEnd };
}

/** `<SecretAccessKey>…</SecretAccessKey>` in STS XML answers. */
function xmlElement(text: string, match: RegExpExecArray): Handled {
  const start = match.index + match[0].length;
  const close = text.indexOf("<", start);
  const end = close === -1 ? text.length : close;
  if (end === start) return null;
  return { replacement: match[0] + redactSecretValue(text.slice(start, end)), end };
}

/** `https://user:password@host` keeps the user, drops the password. */
function userinfoPassword(text: string, match: RegExpExecArray): Handled {
  const start = match.index + match[0].length;
  const rest = /[^\s/?#@]*@/y;
  rest.lastIndex = start;
  const found = rest.exec(text);
  if (!found || found[0].length === 1) return null;
  return { replacement: `${match[0]}${REDACTED}@`, end: start + found[0].length };
}

// Structured values. A value under a secret-bearing name is judged by its name first (so an opaque
// refresh token or a password is caught though it has no recognisable shape); every other string
// goes through the text rules (so a JWT in an unexpected field still loses its signature).

function redactNamedValue(name: string, value: string): string {
  if (isAuthorizationName(name)) return redactAuthorizationValue(value);
  if (isSecretName(name)) return redactNamedSecret(name, value);
  return redactText(value);
}

/**
 * Deep copy with secrets removed. Numbers under a secret name (a numeric PIN as `password`)
 * become the redaction marker, so the result's type matches the input's only for strings.
 */
export function redactJson<T>(value: T): T {
  return walk(value, undefined, new WeakSet()) as T;
}

function walk(value: unknown, name: string | undefined, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return name === undefined ? redactText(value) : redactNamedValue(name, value);
  if (typeof value === "number" || typeof value === "bigint") {
    return name !== undefined && (isSecretName(name) || isAuthorizationName(name)) ? REDACTED : value;
  }
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    // An array inherits its name: `"Cookie": ["a=1", "b=2"]` is all cookies.
    if (Array.isArray(value)) return value.map((item) => walk(item, name, seen));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = walk(item, key, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Header map (names in any case) with every value redacted by its name, then by its shape. */
export function redactHeaders(headers: Record<string, string> | Headers | Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = isHeaderRecord(headers) ? Object.entries(headers) : headers;
  for (const [name, value] of entries) out[name] = redactNamedValue(name, String(value));
  return out;
}

function isHeaderRecord(headers: unknown): headers is Record<string, string> {
  return typeof headers === "object" && headers !== null && !(Symbol.iterator in headers);
}
