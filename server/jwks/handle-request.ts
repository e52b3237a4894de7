import "server-only";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { fetchLimited, OutboundError } from "../net/fetch-limited";
import { clientAddress } from "../net/client-address";
import { createRateLimiter } from "../net/rate-limit";
import { sandboxOrigins } from "../net/server-config";
import { logEvent } from "../security/log";
import { jwksUrlFor } from "../../lib/tokens/issuer";
import { jwksDocumentSchema, jwksQuerySchema, queryRecord } from "./request-schema";

/**
 * The JWKS of a Cognito user pool, for browsers that cannot fetch it themselves (CORS, proxies).
 * Only Cognito JWKS URLs (under either issuer form) and the configured sandbox: never an arbitrary host (no redirects,
 * 5 s, 64 KB), and only a JWKS is passed back. Query schema: ./request-schema.ts. GET has no body.
 */
const limiter = createRateLimiter({ capacity: 60, windowMs: 10_000 });

const refuse = (message: string, status = 400, headers: Record<string, string> = {}) =>
  Response.json({ message }, { status, headers: { "Cache-Control": "no-store", ...headers } });

export async function handleJwksRequest(request: Request): Promise<Response> {
  const verdict = limiter.take(clientAddress(request.headers));
  if (!verdict.ok) {
    return refuse(`Too many JWKS requests; retry in ${verdict.retryAfterSeconds} s.`, 429, { "Retry-After": String(verdict.retryAfterSeconds) });
  }
  const query = jwksQuerySchema.safeParse(queryRecord(new URL(request.url).searchParams));
  if (!query.success) {
    return refuse(`Refused: ${query.error.issues.map((issue) => issue.message).slice(0, 3).join("; ")}`);
  }
  // Either issuer form's host: cognito-idp (ORIGINAL) or issuer-cognito-idp (UPDATED).
  const target = checkOutboundUrl(jwksUrlFor(query.data.issuer), { services: ["cognito-idp", "cognito-idp-issuer"], sandboxOrigins: sandboxOrigins() });
  if (!target.ok || !target.url.pathname.endsWith("/.well-known/jwks.json")) {
    return refuse(`Refused: ${target.ok ? "not a JWKS path" : target.reason}`);
  }
  try {
    const answer = await fetchLimited(target.url, { timeoutMs: 5_000, maxBytes: 64 * 1024 });
    if (answer.status < 200 || answer.status > 299) {
      return refuse(`${target.url.host} answered HTTP ${answer.status}`, answer.status === 404 ? 404 : 502);
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      json = undefined;
    }
    const jwks = jwksDocumentSchema.safeParse(json);
    if (!jwks.success) return refuse(`${target.url.host} did not answer with a JWKS`, 502);
    return Response.json(jwks.data, { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    if (error instanceof OutboundError) {
      logEvent("jwks.upstream-failed", { host: target.url.host, status: error.status, message: error.message }, "warn");
      return refuse(error.message, error.status);
    }
    logEvent("jwks.internal-error", { host: target.url.host, error }, "error");
    return refuse("The JWKS could not be fetched.", 500);
  }
}
