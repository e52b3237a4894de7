/**
 * Sending straight from the browser. A browser reports a CORS refusal and a dead endpoint the
 * same way (a bare TypeError), so after a failure the same URL is probed with `mode: "no-cors"`:
 * an opaque answer means the server is up and it was CORS; another failure means no connection.
 */
import { errorText, recordResponse } from "./response-record";
import type { Attempt, PreparedRequest } from "./types";

interface DirectContext {
  fetchImpl: typeof fetch;
  signal: AbortSignal;
  pageOrigin?: string;
}

export async function sendDirect(request: PreparedRequest, url: URL, ctx: DirectContext): Promise<Attempt> {
  const page = pageUrl(ctx.pageOrigin);
  const insecureFromSecure = page?.protocol === "https:" && (url.protocol === "http:" || url.protocol === "ws:");
  if (insecureFromSecure && !isLoopback(url.hostname)) {
    return {
      outcome: "network-error",
      message: `mixed content: an https page cannot call ${url.origin}; the browser blocks it before sending. Use https, or the relay.`,
    };
  }
  let response: Response;
  try {
    response = await ctx.fetchImpl(url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      mode: "cors",
      credentials: "omit",
      cache: "no-store",
      signal: ctx.signal,
    });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return diagnoseFailure(url, error, ctx, page?.origin, insecureFromSecure);
  }
  try {
    const recorded = await recordResponse(response);
    return { outcome: "answered", message: `${url.host} answered ${statusLine(recorded.status, recorded.statusText)}.`, response: recorded };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return { outcome: "network-error", message: `${url.host} answered ${response.status}, but the answer broke off: ${errorText(error)}.` };
  }
}

async function diagnoseFailure(url: URL, error: unknown, ctx: DirectContext, origin: string | undefined, mixed: boolean): Promise<Attempt> {
  let serverIsUp = false;
  try {
    await ctx.fetchImpl(url.href, { method: "GET", mode: "no-cors", credentials: "omit", cache: "no-store", signal: ctx.signal });
    serverIsUp = true;
  } catch {
    serverIsUp = false;
  }
  if (ctx.signal.aborted) throw error;
  if (serverIsUp) {
    return {
      outcome: "cors-blocked",
      message:
        `The browser blocked the call: ${origin ?? "this page's origin"} is not allowed by CORS at ${url.host} ` +
        "(the preflight was refused or Access-Control-Allow-Origin is missing). The endpoint is up: a no-cors probe got an answer.",
    };
  }
  const mixedHint = mixed ? ` Some browsers also block an https page from calling ${url.origin} (mixed content).` : "";
  return {
    outcome: "network-error",
    message: `No connection to ${url.host}: the browser got no answer from it (refused, DNS, TLS, offline, or the connection dropped before the answer; ${errorText(error)}).${mixedHint}`,
  };
}

export function statusLine(status: number, statusText: string): string {
  return statusText ? `${status} ${statusText}` : String(status);
}

function pageUrl(explicit: string | undefined): URL | undefined {
  const origin = explicit ?? (globalThis as { location?: { origin?: string } }).location?.origin;
  try {
    return origin ? new URL(origin) : undefined;
  } catch {
    return undefined;
  }
}

/** Browsers treat loopback as potentially trustworthy, so most allow http://127.0.0.1 from https. */
function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
