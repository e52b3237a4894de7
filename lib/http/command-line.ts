/**
 * Copyable command lines for a cell's detail view. Redaction happens here, on every call, so a
 * caller cannot forget it; what is copied shows the request's shape, not a replayable request.
 */
import { redactText, redactUrl } from "../redact";
import { redactRequest } from "./exchange";
import type { PreparedRequest } from "./types";

/** POSIX shell word: bare when it cannot be misread, else single-quoted (`'` → `'\''`). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\/.:,=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl derives itself; `host` is kept only when it differs from the URL's (AppSync host override). */
function shownHeaders(request: PreparedRequest): Array<[string, string]> {
  let urlHost = "";
  try {
    urlHost = new URL(request.url).host;
  } catch {
    // keep every header
  }
  return Object.entries(request.headers).filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === "content-length") return false;
    return !(lower === "host" && value === urlHost);
  });
}

export function toCurl(request: PreparedRequest): string {
  const safe = redactRequest(request);
  const method = safe.method.toUpperCase();
  const parts = [`curl -sS${method === "GET" && safe.body === undefined ? "" : ` -X ${shellQuote(method)}`} ${shellQuote(safe.url)}`];
  for (const [name, value] of shownHeaders(safe)) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (safe.body !== undefined) parts.push(`--data-raw ${shellQuote(safe.body)}`);
  return parts.join(" \\\n  ");
}

/** websocat sends `--protocol` verbatim as `Sec-WebSocket-Protocol`, so several are comma-joined. */
export function toWebsocat(url: string, protocols: readonly string[] = []): string {
  const parts = ["websocat"];
  if (protocols.length > 0) parts.push(`--protocol ${shellQuote(protocols.map(redactText).join(", "))}`);
  parts.push(shellQuote(redactUrl(url)));
  return parts.join(" ");
}
