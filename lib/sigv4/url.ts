/**
 * URL ⇄ the parts @smithy/signature-v4 signs. The path is kept exactly as it appears on the wire
 * (still percent-encoded): SigV4 for non-S3 services escapes it once more, so decoding it here
 * would make our canonical path differ from the SDK's.
 */
import { SigV4InputError } from "./errors";

export type QueryMap = Record<string, string | string[]>;

export interface UrlParts {
  protocol: string;
  hostname: string;
  port?: number;
  /** `host` header value: hostname plus a non-default port, as browsers and Node send it. */
  host: string;
  path: string;
  query: QueryMap;
}

export function parseUrl(url: string): UrlParts {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SigV4InputError("invalid:sigv4:url", `Not an absolute URL: '${url}'.`);
  }
  return {
    protocol: parsed.protocol,
    hostname: parsed.hostname,
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    host: parsed.host,
    path: parsed.pathname || "/",
    query: parseQuery(parsed.search),
  };
}

/**
 * Decodes `a=1&b=%2F&a=2` into `{ a: ["1", "2"], b: "/" }`. A `+` stays a `+`: AWS SDKs encode
 * spaces as `%20`, and reading `+` as a space would sign a different value than the client did.
 */
function parseQuery(search: string): QueryMap {
  const query: QueryMap = {};
  const text = search.startsWith("?") ? search.slice(1) : search;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decode(pair.slice(eq + 1));
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray '%' is the client's problem; keep the raw text so the signature check reports it.
    return text;
  }
}

/** RFC 3986 encoding, the form SigV4 canonicalises to, so the URL we emit signs as it reads. */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function serializeQuery(query: QueryMap): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      pairs.push(`${encodeRfc3986(key)}=${encodeRfc3986(item)}`);
    }
  }
  return pairs.join("&");
}

export function buildUrl(parts: Pick<UrlParts, "protocol" | "host" | "path" | "query">): string {
  const search = serializeQuery(parts.query);
  return `${parts.protocol}//${parts.host}${parts.path}${search ? `?${search}` : ""}`;
}

/** smithy's query bag allows `null` values; a URL cannot carry one, so drop them. */
export function fromQueryBag(bag: Record<string, string | string[] | null> | undefined): QueryMap {
  const out: QueryMap = {};
  for (const [key, value] of Object.entries(bag ?? {})) if (value !== null) out[key] = value;
  return out;
}

/** Lower-cases header names; two spellings of one name are joined as HTTP does (", "). */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const existing = out[key];
    out[key] = existing === undefined ? value : `${existing}, ${value}`;
  }
  return out;
}

/** First value of a query parameter, or undefined; repeated auth parameters are a client error. */
export function single(query: QueryMap, key: string): string | undefined {
  const value = query[key];
  return Array.isArray(value) ? value[0] : value;
}
