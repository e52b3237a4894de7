/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1), and so are not
 * forwarded in either direction. Everything else passes unchanged: the SigV4 signature covers
 * the headers as the browser built them.
 */
import "server-only";
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Request side, also dropped: `host` (fetch derives it from the URL, which is what was signed),
 * `content-length` (recomputed from the same body, so the same value), `expect` (refused by fetch).
 */
const REQUEST_ONLY = new Set(["host", "content-length", "expect"]);
/**
 * Answer side, also dropped: `set-cookie` (an AWS cookie must not land on the dashboard's
 * origin), `content-encoding` / `content-length` (fetch already decoded the body). Every
 * `access-control-*` header goes too: the relay answers on the dashboard's origin, and an
 * endpoint's `Access-Control-Allow-Origin: *` passed on would let any other origin read it.
 */
const RESPONSE_ONLY = new Set(["set-cookie", "content-encoding", "content-length"]);
const isCorsHeader = (name: string) => name.startsWith("access-control-");

function connectionListed(connection: string | undefined): Set<string> {
  return new Set((connection ?? "").split(",").map((name) => name.trim().toLowerCase()).filter(Boolean));
}

export function forwardableRequestHeaders(headers: Record<string, string>): Headers {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const listed = connectionListed(lower["connection"]);
  const out = new Headers();
  for (const [name, value] of Object.entries(lower)) {
    if (!HOP_BY_HOP.has(name) && !REQUEST_ONLY.has(name) && !listed.has(name)) out.set(name, value);
  }
  return out;
}

export function forwardableResponseHeaders(headers: Headers): Headers {
  const listed = connectionListed(headers.get("connection") ?? undefined);
  const out = new Headers();
  headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && !RESPONSE_ONLY.has(name) && !isCorsHeader(name) && !listed.has(name)) out.append(name, value);
  });
  return out;
}
