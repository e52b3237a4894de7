// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { AthenaClient } from "@aws-sdk/client-athena";
import { readCappedText } from "../../lib/http/read-body";
import { correlationQuery } from "../../lib/cloudtrail/athena/correlation-query";
import { athenaRequestSchema, ATHENA_MAX_BODY_BYTES, type AthenaMessage, type AthenaRequest } from "../../lib/cloudtrail/athena/request-schema";
import { AthenaQueryError, runAthenaQuery } from "../../lib/cloudtrail/athena/run-query";
import { redactRecord } from "../../lib/cloudtrail/normalize";
import { LookupError, lookupErrorResponse, lookupMessage, type LookupErrorCode } from "../../lib/cloudtrail/lookup/errors";
import { formatLookupIssues } from "../../lib/cloudtrail/lookup/request-schema";
import { awsSuffix } from "../../lib/security/connect-sources";
import type { JwksCache } from "../../lib/tokens/jwks-cache";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { clientAddress } from "../net/client-address";
import { createRateLimiter, type RateLimiter } from "../net/rate-limit";
import { refuseUnlessSameOriginJson } from "../net/same-origin";
import { sandboxOrigins } from "../net/server-config";
import { logEvent } from "../security/log";
import { authorizeSandboxReader } from "./sandbox-reader";
import { scrubSecrets } from "./scrub";
import { authorizeServerCaller, guardedJwksCache, serverModeConfig } from "./server-mode";

/**
 * POST /api/cloudtrail/athena: the /cloudtrail page's Athena source. Validates the request, picks
 * the credentials exactly as the LookupEvents route does (pasted for this request only; the
 * deployment's own under server mode's group gate; the sandbox's reader for its own endpoint),
 * checks the endpoint (AWS's regional Athena endpoint or the configured sandbox), builds the
 * query itself from the validated failed calls, runs it with the official client and streams
 * progress and rows as NDJSON. Every run is logged — who when known, where, which table, the
 * window; never a key, a token or the SQL's ids.
 */

type Env = Record<string, string | undefined>;

export interface AthenaDeps {
  env: Env;
  jwks: JwksCache;
  now?: () => number;
  rateLimiter?: RateLimiter;
  /** Test hook: faster polling. */
  pollMs?: number;
  timeoutMs?: number;
}

/** A query costs money and holds a stream open: fewer per client than LookupEvents. */
const sharedLimiter = createRateLimiter({ capacity: 10, windowMs: 60_000 });
let shared: AthenaDeps | undefined;
function defaultDeps(): AthenaDeps {
  shared ??= { env: process.env, jwks: guardedJwksCache(sandboxOrigins()) };
  return shared;
}

async function readRequest(request: Request): Promise<AthenaRequest> {
  const body = await readCappedText(request.body, ATHENA_MAX_BODY_BYTES);
  if (body.truncated) throw new LookupError("too-large:cloudtrail", "The Athena request is larger than 32 KB.");
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    throw new LookupError("invalid:cloudtrail", "The body is not JSON.");
  }
  const parsed = athenaRequestSchema.safeParse(json);
  if (!parsed.success) throw new LookupError("invalid:cloudtrail", formatLookupIssues(parsed.error));
  return parsed.data;
}

function endpointOf(input: AthenaRequest, env: Env): { endpoint?: string; kind: "aws" | "sandbox"; shown: string } {
  if (!input.endpoint) return { kind: "aws", shown: `https://athena.${input.region}.${awsSuffix(input.region)}` };
  const target = checkOutboundUrl(input.endpoint, { services: ["athena"], sandboxOrigins: sandboxOrigins(env) });
  if (!target.ok) throw new LookupError("forbidden:cloudtrail:athena-endpoint", `Refused endpoint: ${target.reason}.`);
  if (target.via === "athena" && !target.url.hostname.startsWith(`athena.${input.region}.`)) {
    throw new LookupError("forbidden:cloudtrail:athena-endpoint", `The endpoint ${target.url.hostname} is not in ${input.region}.`);
  }
  return { endpoint: target.url.href, kind: target.via === "sandbox" ? "sandbox" : "aws", shown: target.url.origin };
}

const FAILURE_CODES: Record<AthenaQueryError["kind"], LookupErrorCode> = {
  refused: "upstream:cloudtrail:athena",
  failed: "upstream:cloudtrail:athena",
  malformed: "upstream:cloudtrail:athena",
  cancelled: "upstream:cloudtrail:athena",
  timeout: "timeout:cloudtrail:athena",
  unreachable: "unreachable:cloudtrail:athena",
  credentials: "misconfigured:cloudtrail:credentials",
};

export async function handleAthenaRequest(request: Request, deps: AthenaDeps = defaultDeps()): Promise<Response> {
  const crossOrigin = refuseUnlessSameOriginJson(request, "cloudtrail");
  if (crossOrigin) return crossOrigin;
  const allowed = (deps.rateLimiter ?? sharedLimiter).take(clientAddress(request.headers));
  if (!allowed.ok) {
    const refusal = lookupErrorResponse(new LookupError("throttled:cloudtrail", `Too many Athena queries from this client; retry in ${allowed.retryAfterSeconds} s.`));
    refusal.headers.set("retry-after", String(allowed.retryAfterSeconds));
    return refusal;
  }
  let input: AthenaRequest;
  let target: ReturnType<typeof endpointOf>;
  let query: ReturnType<typeof correlationQuery>;
  let credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  const audit: Record<string, unknown> = {};
  try {
    input = await readRequest(request);
    target = endpointOf(input, deps.env);
    query = correlationQuery(input.failures, { database: input.database, table: input.table, accounts: input.accounts, regions: input.regions, windowBeforeMs: input.lookBackMinutes * 60_000 });
    if (input.credentials.mode === "server") {
      const config = serverModeConfig(deps.env, sandboxOrigins(deps.env));
      if (!config.enabled) throw new LookupError("forbidden:cloudtrail:server-mode-off");
      const caller = await authorizeServerCaller(request.headers.get("authorization"), config, deps.jwks, deps.now?.(), { sandboxOrigins: sandboxOrigins(deps.env) });
      Object.assign(audit, { sub: caller.subject, userPoolId: caller.userPoolId });
    } else if (input.credentials.mode === "sandbox") {
      if (target.kind !== "sandbox") throw new LookupError("forbidden:cloudtrail:sandbox-reader-off");
      const use = await authorizeSandboxReader(request.headers.get("authorization"), { sandboxUrl: deps.env["AUTH_DEBUGGER_SANDBOX_URL"], jwks: deps.jwks, ...(deps.now ? { now: deps.now() } : {}) });
      Object.assign(audit, { sub: use.subject, userPoolId: use.userPoolId, scenario: use.scenario, accountId: use.accountId });
      credentials = use.credentials;
    } else {
      credentials = input.credentials;
    }
  } catch (error) {
    if (error instanceof LookupError) return lookupErrorResponse(error);
    return lookupErrorResponse(new LookupError("internal:cloudtrail"));
  }
  // Each use, whoever pays for it; never a key, a token or an id from the query.
  logEvent("cloudtrail.athena-query", {
    mode: input.credentials.mode,
    ...audit,
    endpoint: target.kind,
    region: input.region,
    database: input.database,
    table: input.table,
    workgroup: input.workgroup ?? null,
    days: query.days.length,
    accounts: input.accounts.length,
    regions: input.regions.length,
    failures: input.failures.length,
    startTime: query.startTime,
    endTime: query.endTime,
  });

  const secrets = [credentials?.accessKeyId, credentials?.secretAccessKey, credentials?.sessionToken];
  const abort = new AbortController();
  request.signal?.addEventListener("abort", () => abort.abort(), { once: true });
  const client = new AthenaClient({ region: input.region, maxAttempts: 2, ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...(credentials ? { credentials } : {}) });
  const now = deps.now ?? Date.now;
  const started = now();
  async function* messages(): AsyncGenerator<AthenaMessage> {
    yield { type: "start", sql: query.sql, days: query.days, startTime: query.startTime, endTime: query.endTime, endpoint: target.kind };
    try {
      for await (const m of runAthenaQuery(
        { client, sql: query.sql, database: input.database, ...(input.workgroup ? { workgroup: input.workgroup } : {}), ...(input.outputLocation ? { outputLocation: input.outputLocation } : {}), signal: abort.signal, now, timeoutMs: deps.timeoutMs ?? 120_000, ...(deps.pollMs ? { pollMs: deps.pollMs } : {}), maxRows: 20_000 },
        target.shown,
      )) {
        if (m.type === "rows") yield { ...m, records: m.records.map(redactRecord) };
        else if (m.type === "done") yield { type: "done", queryExecutionId: m.queryExecutionId, dataScannedBytes: m.dataScannedBytes, rows: m.rows, elapsedMs: m.elapsedMs, truncated: m.truncated };
        else yield m;
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure = error instanceof AthenaQueryError ? error : new AthenaQueryError("unreachable", `Athena at ${target.shown} could not be reached.`);
      const code = FAILURE_CODES[failure.kind];
      const shown = failure.kind === "credentials" ? lookupMessage(new LookupError(code)) : scrubSecrets(failure.message, secrets);
      yield { type: "error", code, message: shown, ...(failure.awsError ? { awsError: failure.awsError } : {}), elapsedMs: now() - started };
    } finally {
      client.destroy();
    }
  }
  const iterator = messages();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      abort.abort();
      await iterator.return(undefined);
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}
