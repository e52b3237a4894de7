/**
 * Runs once when the Next.js server starts: the socket-address stamp for rate limits
 * (server/net/client-address.ts) is installed before the first request, not when the first
 * rate-limited route loads.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/net/client-address");
}
