// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * Who is calling, for the rate limits: an address a client cannot choose.
 *
 * A route handler never sees the socket. Next.js passes the peer's address only through
 * `X-Forwarded-For`, and only when the request has none: next 16.4.6,
 * node_modules/next/dist/server/base-server.js (handleRequestImpl):
 *   req.headers['x-forwarded-for'] ??= originalRequest?.socket?.remoteAddress
 * So a client that sends its own `X-Forwarded-For` hides its address from the route. To close
 * that, this module appends the socket's address to `X-Forwarded-For` itself, as a proxy does,
 * when Node's HTTP server starts a request — the `http.server.request.start` diagnostics
 * channel, published before the server's 'request' event (Node's diagnostics_channel
 * documentation, "Built-in channels: HTTP") — before Next reads the headers. The last entry is
 * then always the socket's address, and with N trusted proxies in front
 * (AUTH_DEBUGGER_TRUSTED_PROXY_HOPS), each of which appends the address it saw, the client is
 * the entry N places further left. Everything left of that was written by the client.
 *
 * The channel is subscribed at server start (instrumentation.ts), and again harmlessly by the
 * routes and the page proxy that load this module.
 */

const MAX_HOPS = 16;
const INSTALLED = Symbol.for("auth-flow-debugger.peer-address-stamp");

/** AUTH_DEBUGGER_TRUSTED_PROXY_HOPS: proxies in front that append to X-Forwarded-For; 0 unless a whole number up to 16. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.AUTH_DEBUGGER_TRUSTED_PROXY_HOPS?.trim();
  if (!raw || !/^\d{1,2}$/.test(raw)) return 0;
  const hops = Number(raw);
  return hops <= MAX_HOPS ? hops : 0;
}

/**
 * Appends each request's socket address to its `X-Forwarded-For`. Once per process, however
 * many bundles load this module (the flag lives on globalThis).
 */
export function installPeerAddressStamp(): void {
  const global = globalThis as { [INSTALLED]?: true };
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const peer = socket?.remoteAddress;
    if (!peer) return;
    // Node joins repeated X-Forwarded-For headers into one string with ", ".
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  });
}

installPeerAddressStamp();

/** The entry `hops` places left of the last one in X-Forwarded-For (the leftmost if there are fewer), else `x-real-ip`, else one shared key. */
export function clientAddress(headers: Headers, hops: number = trustedProxyHops()): string {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const address = entries.length > 0 ? entries[Math.max(0, entries.length - 1 - hops)] : headers.get("x-real-ip")?.trim();
  return address ? address.slice(0, 64) : "unknown";
}
