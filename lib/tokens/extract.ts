import { fromEncodedHeaders } from "./extract-encoded";
import { fromJson } from "./extract-json";
import type { TokenCandidate } from "./token-candidate";

/**
 * Finds tokens in whatever a customer pasted: a bare JWT, an Authorization header line, a whole
 * HTTP request, a curl command, a HAR or JSON blob, a WebSocket URL. Each candidate says where it
 * came from, because "the app sent the ID token in Authorization" is half a diagnosis.
 */

export const MAX_CANDIDATES = 10;
/** Past this we only scan the start: a HAR can be megabytes and tokens sit in the first requests. */
const MAX_SCAN_CHARS = 2 * 1024 * 1024;

/** Three or five base64url segments starting with a JSON header ("eyJ" = base64 of '{"'). */
const JWT_PATTERN = /eyJ[\w-]*\.[\w-]*\.[\w-]*(?:\.[\w-]*\.[\w-]*)?/g;
const NOT_TOKEN_SCHEMES = /^(AWS4-HMAC-SHA256|Basic|Digest|Negotiate)$/i;
const HEADER_PATTERN = /\b(authorization|x-api-key)["']?\s*:\s*["']?(?:(bearer)\s+)?([\w.~+/=-]+)/gi;

export function extractTokens(text: string): TokenCandidate[] {
  if (typeof text !== "string") return [];
  const input = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const trimmed = input.trim();
  if (trimmed === "") return [];

  const found = new Collector();
  const bare = /^(?:(bearer)\s+)?(\S+)$/i.exec(trimmed);
  if (bare?.[2] && !/^[[{"]/.test(bare[2])) {
    // A single word is the token itself, even an opaque one: decode will say what it is.
    found.add({ token: bare[2], source: bare[1] ? "pasted Bearer value" : "pasted token", ...(bare[1] ? { scheme: "bearer" as const } : {}) });
    return found.list();
  }

  const curl = /(^|\s)curl\s/.test(trimmed);
  for (const match of input.matchAll(HEADER_PATTERN)) {
    const [, header = "", bearer, value = ""] = match;
    // SigV4 and Basic credentials are not tokens; what follows their scheme name is not either.
    if (!bearer && NOT_TOKEN_SCHEMES.test(value)) continue;
    const apiKey = header.toLowerCase() === "x-api-key";
    const where = `${curl ? "curl -H " : ""}${apiKey ? "x-api-key" : "Authorization"} header`;
    if (apiKey) found.add({ token: value, source: where });
    else found.add({ token: value, source: bearer ? where : `${where} (raw, no Bearer)`, scheme: bearer ? "bearer" : "raw" });
  }

  for (const candidate of fromJsonParts(input)) found.add(candidate);
  for (const candidate of fromEncodedHeaders(input)) found.add(candidate);

  const body = httpBody(input);
  for (const match of input.matchAll(JWT_PATTERN)) {
    const inBody = body !== null && match.index >= input.length - body.length;
    found.add({ token: match[0], source: inBody ? "request body" : "pasted text" });
  }
  return found.list();
}

/** The whole input if it is JSON, else the body of a pasted HTTP request if that is JSON. */
function fromJsonParts(input: string): TokenCandidate[] {
  const whole = fromJson(input.trim(), "JSON");
  if (whole) return whole;
  const body = httpBody(input);
  if (body !== null) return fromJson(body.trim(), "request body JSON") ?? [];
  // curl --data '{...}' / -d '{...}'
  const data = /(?:--data(?:-raw|-binary)?|-d)\s+(['"])([\s\S]*?)\1/.exec(input);
  return data?.[2] ? (fromJson(data[2].trim(), "curl --data JSON") ?? []) : [];
}

/** Text after the blank line of something that starts like an HTTP request or response. */
function httpBody(input: string): string | null {
  if (!/^\s*(?:[A-Z]+ \S+ HTTP\/[\d.]+|HTTP\/[\d.]+ \d{3})/.test(input)) return null;
  const split = /\r?\n\r?\n/.exec(input);
  return split ? input.slice(split.index + split[0].length) : null;
}

class Collector {
  private readonly byToken = new Map<string, TokenCandidate>();

  add(candidate: TokenCandidate): void {
    const token = candidate.token.replace(/^["']|["',;]+$/g, "");
    if (token.length < 8 || this.byToken.has(token) || this.byToken.size >= MAX_CANDIDATES) return;
    this.byToken.set(token, { ...candidate, token });
  }

  list(): TokenCandidate[] {
    return [...this.byToken.values()];
  }
}
