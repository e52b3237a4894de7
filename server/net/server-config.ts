// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
/**
 * Deployment settings the server routes share, read from the environment only (never from a
 * request), so a caller cannot widen what the server will talk to.
 */
export function sandboxOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const url = env.AUTH_DEBUGGER_SANDBOX_URL;
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}
