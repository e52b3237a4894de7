import { AppError } from "./app-error";

/**
 * An endpoint that gave no answer at all, named the same way on every page: which service, which
 * host and port, and what was tried from where. Throw sites pick the code (`unreachable:<surface>`)
 * as for any AppError; this only words the message, so "could not be reached" means one thing.
 */

/** `host:port`, the port written out (443 for https), so a dead local port and a blocked AWS host read alike. */
export function endpointHost(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === "https:" || parsed.protocol === "wss:" ? "443" : "80");
    return `${parsed.hostname}:${port}`;
  } catch {
    return url;
  }
}

/** "AppSync at 127.0.0.1:4780 could not be reached. Tried: …; …." */
export function unreachableMessage(service: string, url: string, tried: readonly string[]): string {
  const attempts = tried.map((t) => t.replace(/[.\s]+$/, "")).join("; ");
  return `${service} at ${endpointHost(url)} could not be reached.${attempts ? ` Tried: ${attempts}.` : ""}`;
}

/** The AppError for it, e.g. `unreachableError("unreachable:cognito", "The Cognito user pool", url, ["sign-in from this browser: Failed to fetch"])`. */
export function unreachableError(code: `unreachable:${string}`, service: string, url: string, tried: readonly string[]): AppError {
  return new AppError(code, unreachableMessage(service, url, tried));
}
