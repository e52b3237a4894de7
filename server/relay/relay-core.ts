// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
/**
 * The relay, framework-free: a Request in, a Response out. It forwards one request from the
 * browser to an allow-listed AWS endpoint (or the configured sandbox) unchanged, so a SigV4
 * signature made in the browser still verifies, for the calls a browser cannot make itself
 * (STS sends no CORS headers).
 *
 * It never logs: no console call here touches request data, and refusal messages carry only the
 * target host and limits. Every failure is a `RelayError` answered from the table in errors.ts.
 */
import type { AwsServiceHost } from "../net/allowed-hosts";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { clientAddress } from "../net/client-address";
import { createRateLimiter, type RateLimiter } from "../net/rate-limit";
import { refuseUnlessSameOriginJson } from "../net/same-origin";
import { RelayError, relayErrorResponse } from "../../lib/http/errors";
import { readCappedText } from "../../lib/http/read-body";
import { relayEnvelopeSchema, type RelayEnvelope } from "../../lib/http/relay-envelope";
import { forwardUpstream } from "./relay-forward";

const RELAY_SERVICES: readonly AwsServiceHost[] = [
  "appsync",
  "bedrock-agentcore",
  "agentcore-gateway",
  "sts",
  "cognito-identity",
  "cognito-idp",
];

interface RelayLimits {
  maxRequestBytes: number;
  maxResponseBytes: number;
  timeoutMs: number;
}

export const RELAY_LIMITS: RelayLimits = { maxRequestBytes: 1024 * 1024, maxResponseBytes: 5 * 1024 * 1024, timeoutMs: 30_000 };

interface RelayOptions {
  /** Read per request, from the deployment's configuration, never from the request. */
  sandboxOrigins: () => readonly string[];
  fetchImpl?: typeof fetch;
  rateLimiter?: RateLimiter;
  limits?: Partial<RelayLimits>;
}

type RelayHandler = (request: Request) => Promise<Response>;

export function createRelay(options: RelayOptions): RelayHandler {
  const limits = { ...RELAY_LIMITS, ...options.limits };
  const limiter = options.rateLimiter ?? createRateLimiter({ capacity: 60, windowMs: 10_000 });
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));

  return async (request) => {
    // Before anything else: another site's page must not reach the relay (./same-origin).
    const crossOrigin = refuseUnlessSameOriginJson(request, "relay", (code) => ({ "x-relay-error": code, "x-relay": "1" }));
    if (crossOrigin) return crossOrigin;
    try {
      const verdict = limiter.take(clientAddress(request.headers));
      if (!verdict.ok) {
        throw new RelayError("throttled:relay", `Too many relay requests; retry in ${verdict.retryAfterSeconds} s.`, verdict.retryAfterSeconds);
      }
      const envelope = await readEnvelope(request, limits.maxRequestBytes);
      const target = checkOutboundUrl(envelope.url, { services: RELAY_SERVICES, sandboxOrigins: options.sandboxOrigins() });
      if (!target.ok) {
        throw new RelayError("forbidden:relay:host", `Refused: ${target.reason}. The relay forwards only to ${RELAY_SERVICES.join(", ")} endpoints and the configured sandbox.`);
      }
      return await forwardUpstream(target.url, envelope, { ...limits, fetchImpl, signal: request.signal });
    } catch (error) {
      // Anything unexpected becomes a generic answer: its message could quote the request.
      return relayErrorResponse(error instanceof RelayError ? error : new RelayError("internal:relay"));
    }
  };
}

async function readEnvelope(request: Request, maxBytes: number): Promise<RelayEnvelope> {
  const tooLarge = () => new RelayError("too-large:relay", `The relay request is larger than ${maxBytes} bytes (1 MB); send a smaller body.`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  const { text, truncated } = await readCappedText(request.body, maxBytes);
  if (truncated) throw tooLarge();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RelayError("invalid:relay", "The relay request body is not JSON; send { method, url, headers, body }.");
  }
  const parsed = relayEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(envelope)"}: ${issue.message}`);
    throw new RelayError("invalid:relay", `The relay request is not a valid envelope: ${problems.slice(0, 5).join("; ")}.`);
  }
  return parsed.data;
}
