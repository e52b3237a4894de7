// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { readCappedText } from "../../lib/http/read-body";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { sandboxOrigins } from "../net/server-config";
import { clientAddress } from "../net/client-address";
import { createRateLimiter, type RateLimiter } from "../net/rate-limit";
import { refuseUnlessSameOriginJson } from "../net/same-origin";
import { logEvent } from "../security/log";
import type { JwksCache } from "../../lib/tokens/jwks-cache";
import { LookupError, lookupErrorResponse } from "../../lib/cloudtrail/lookup/errors";
import { lookupTrail } from "./lookup-trail";
import { createPacer, type Pacer } from "./pacer";
import { formatLookupIssues, lookupRequestSchema, MAX_BODY_BYTES, type LookupRequest } from "../../lib/cloudtrail/lookup/request-schema";
import { authorizeSandboxReader } from "./sandbox-reader";
import { authorizeServerCaller, guardedJwksCache, serverModeConfig } from "./server-mode";

/**
 * POST /api/cloudtrail: validate, pick the credentials, check the endpoint, then stream the
 * lookup as NDJSON. Pasted credentials live in this request's memory only: never stored, never
 * logged, never echoed (error texts pass through scrubSecrets). The one line written is the audit
 * line of a lookup with credentials the server holds — server mode, or the local sandbox's
 * CloudTrail reader (who, which pool, which window; no token, no key).
 */

type Env = Record<string, string | undefined>;

export interface LookupDeps {
  env: Env;
  pacer: Pacer;
  jwks: JwksCache;
  now?: () => number;
  /** Test hook: faster backoff. */
  backoffBaseMs?: number;
  /** Per client: a lookup holds a stream open and spends the account's CloudTrail budget. */
  rateLimiter?: RateLimiter;
}

const sharedLimiter = createRateLimiter({ capacity: 20, windowMs: 60_000 });

let shared: LookupDeps | undefined;
/** One pacer and one JWKS cache per server process, so all lookups share the 2 requests/s. */
function defaultLookupDeps(): LookupDeps {
  shared ??= { env: process.env, pacer: createPacer(), jwks: guardedJwksCache(sandboxOrigins()) };
  return shared;
}

/** GET /api/cloudtrail: what this deployment offers, so the page shows only usable choices. */
export function lookupCapabilities(env: Env = process.env) {
  const config = serverModeConfig(env, sandboxOrigins(env));
  return { serverMode: config.enabled, ...(config.enabled ? {} : { serverModeOff: config.reason }), sandbox: sandboxOrigins(env).length > 0 };
}

async function readRequest(request: Request): Promise<LookupRequest> {
  const body = await readCappedText(request.body, MAX_BODY_BYTES);
  if (body.truncated) throw new LookupError("too-large:cloudtrail");
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    throw new LookupError("invalid:cloudtrail", "The body is not JSON.");
  }
  const parsed = lookupRequestSchema.safeParse(json);
  if (!parsed.success) throw new LookupError("invalid:cloudtrail", formatLookupIssues(parsed.error));
  return parsed.data;
}

function endpointOf(input: LookupRequest, env: Env): { endpoint?: string; kind: "aws" | "sandbox" } {
  if (!input.endpoint) return { kind: "aws" };
  const target = checkOutboundUrl(input.endpoint, { services: ["cloudtrail"], sandboxOrigins: sandboxOrigins(env) });
  if (!target.ok) throw new LookupError("forbidden:cloudtrail:endpoint", `Refused endpoint: ${target.reason}.`);
  if (target.via === "cloudtrail" && !target.url.hostname.startsWith(`cloudtrail.${input.region}.`)) {
    throw new LookupError("forbidden:cloudtrail:endpoint", `The endpoint ${target.url.hostname} is not in ${input.region}.`);
  }
  return { endpoint: target.url.href, kind: target.via === "sandbox" ? "sandbox" : "aws" };
}

export async function handleLookupRequest(request: Request, deps: LookupDeps = defaultLookupDeps()): Promise<Response> {
  const crossOrigin = refuseUnlessSameOriginJson(request, "cloudtrail");
  if (crossOrigin) return crossOrigin;
  const verdict = (deps.rateLimiter ?? sharedLimiter).take(clientAddress(request.headers));
  if (!verdict.ok) {
    const refusal = lookupErrorResponse(new LookupError("throttled:cloudtrail", `Too many lookups from this client; retry in ${verdict.retryAfterSeconds} s.`));
    refusal.headers.set("retry-after", String(verdict.retryAfterSeconds));
    return refusal;
  }
  let input: LookupRequest;
  let target: ReturnType<typeof endpointOf>;
  let sandboxReader: { accessKeyId: string; secretAccessKey: string } | undefined;
  try {
    input = await readRequest(request);
    target = endpointOf(input, deps.env);
    if (input.credentials.mode === "server") {
      const config = serverModeConfig(deps.env, sandboxOrigins(deps.env));
      if (!config.enabled) throw new LookupError("forbidden:cloudtrail:server-mode-off");
      const caller = await authorizeServerCaller(request.headers.get("authorization"), config, deps.jwks, deps.now?.(), { sandboxOrigins: sandboxOrigins(deps.env) });
      // The deployment's AWS access is being used on someone's behalf: say who, for what. Never the token.
      logEvent("cloudtrail.server-lookup", {
        sub: caller.subject,
        userPoolId: caller.userPoolId,
        region: input.region,
        startTime: input.startTime,
        endTime: input.endTime,
        eventNames: input.eventNames,
      });
    }
    if (input.credentials.mode === "sandbox") {
      // Only against the configured sandbox's own endpoint: its reader keys mean nothing to AWS.
      if (target.kind !== "sandbox") throw new LookupError("forbidden:cloudtrail:sandbox-reader-off");
      const use = await authorizeSandboxReader(request.headers.get("authorization"), {
        sandboxUrl: deps.env["AUTH_DEBUGGER_SANDBOX_URL"],
        jwks: deps.jwks,
        ...(deps.now ? { now: deps.now() } : {}),
      });
      logEvent("cloudtrail.sandbox-reader-lookup", {
        sub: use.subject,
        userPoolId: use.userPoolId,
        scenario: use.scenario,
        accountId: use.accountId,
        region: input.region,
        startTime: input.startTime,
        endTime: input.endTime,
        eventNames: input.eventNames,
      });
      sandboxReader = use.credentials;
    }
  } catch (error) {
    if (error instanceof LookupError) return lookupErrorResponse(error);
    return lookupErrorResponse(new LookupError("internal:cloudtrail"));
  }

  const abort = new AbortController();
  request.signal?.addEventListener("abort", () => abort.abort(), { once: true });
  const credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined = input.credentials.mode === "pasted" ? input.credentials : sandboxReader;
  const messages = lookupTrail({
    region: input.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    endpointKind: target.kind,
    ...(credentials ? { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) } } : {}),
    startTime: new Date(input.startTime),
    endTime: new Date(input.endTime),
    eventNames: input.eventNames,
    maxPages: input.maxPages,
    signal: abort.signal,
    pacer: deps.pacer,
    // The limit is per account; a key id is the closest stand-in the server has for one.
    pacerKey: `${credentials?.accessKeyId ?? "server"}|${input.region}|${target.kind}`,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.backoffBaseMs !== undefined ? { backoffBaseMs: deps.backoffBaseMs } : {}),
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await messages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      abort.abort();
      await messages.return(undefined);
    },
  });
  return new Response(body, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}
