import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { createFaults, type Faults } from "./faults";
import { AMZ_JSON_1_1, AwsError, parseJsonObject, readBody, sendAwsError, sendJson, sentErrorType } from "./http/aws-json";
import { answerPreflight, applyCorsHeaders } from "./http/cors";
import type { HttpResult, RequestContext, Route, SandboxService } from "./http/types";

/**
 * Sends each request to the service AWS would send it to. JSON-RPC calls go by the
 * X-Amz-Target prefix; everything else by method and path, in service order.
 */

/** Coral's protocol-level error for a target no service owns; it carries no message. */
const unknownOperation = () => new AwsError("com.amazon.coral.service#UnknownOperationException");

function logLine(req: IncomingMessage, res: ServerResponse, what: string, started: number): void {
  // Never the body, headers or query string: they carry passwords and tokens.
  if (process.env["SANDBOX_LOG"] !== "1") return;
  const ms = (performance.now() - started).toFixed(1);
  const error = sentErrorType(res);
  console.log(`${req.method ?? "?"} ${what} ${res.statusCode} ${ms}ms${error ? ` ${error}` : ""}`);
}

const mountOf = (service: SandboxService) => normalizePath(service.mount ?? "/");
const normalizePath = (path: string) => path.replace(/\/+$/, "") || "/";

export function createRouter(services: readonly SandboxService[], baseUrl: () => string, faults: Faults = createFaults()): RequestListener {
  const routes: { route: Route; service: SandboxService }[] = services.flatMap((service) =>
    (service.routes ?? []).map((route) => ({ route, service })),
  );

  /** The service a path belongs to, for CORS: by JSON-RPC mount, else by a route of its own. */
  function ownerOf(pathname: string, method?: string): SandboxService | undefined {
    const path = normalizePath(pathname);
    const mounted = services.find((s) => s.operations && mountOf(s) === path && path !== "/");
    if (mounted) return mounted;
    const routed = routes.find(({ route }) => (!method || route.method === method) && route.path.test(pathname));
    return routed?.service ?? services.find((s) => s.operations && mountOf(s) === path);
  }

  async function dispatchTarget(target: string, res: ServerResponse, ctx: RequestContext) {
    const dot = target.lastIndexOf(".");
    const path = normalizePath(ctx.url.pathname);
    const service = services.find((s) => s.targetPrefix === target.slice(0, dot) && mountOf(s) === path);
    const operation = target.slice(dot + 1);
    const contentType = service?.contentType ?? AMZ_JSON_1_1;
    try {
      const handler = service?.operations && Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
      if (dot < 0 || !handler) throw unknownOperation();
      const input = parseJsonObject(ctx.body);
      sendJson(res, 200, await handler(input, ctx), contentType);
    } catch (error) {
      sendAwsError(res, asAwsError(error), contentType);
    }
  }

  async function dispatchPath(req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
    for (const { route } of routes) {
      const match = route.method === req.method ? route.path.exec(ctx.url.pathname) : null;
      if (!match) continue;
      await sendResult(res, await route.handle(match.slice(1), ctx));
      return;
    }
    // A POST without a target to a JSON-RPC mount is still a call, just one nobody can answer.
    if (req.method === "POST" && services.some((s) => s.operations && mountOf(s) === normalizePath(ctx.url.pathname))) {
      sendAwsError(res, unknownOperation());
    } else sendJson(res, 404, { message: `No sandbox route for ${req.method ?? "?"} ${ctx.url.pathname}` });
  }

  return (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = requestUrl(req.url, baseUrl());
    const target = req.headers["x-amz-target"];
    const targetName = Array.isArray(target) ? target[0] : target;
    res.on("finish", () => logLine(req, res, targetName ?? url.pathname, started));
    res.setHeader("x-amzn-RequestId", requestId);
    const method = req.method === "OPTIONS" ? String(req.headers["access-control-request-method"] ?? "") : req.method;
    const corsOpen = ownerOf(url.pathname, method || undefined)?.cors !== "closed";
    if (corsOpen) applyCorsHeaders(res);

    const fail = (error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendAwsError(res, asAwsError(error));
    };
    try {
      if (req.method === "OPTIONS") {
        // A closed service answers the preflight without CORS headers, so the browser refuses.
        if (corsOpen) return answerPreflight(req, res);
        res.writeHead(403, { "Content-Length": "0" });
        return void res.end();
      }
      const work = (async () => {
        const body = req.method === "GET" || req.method === "HEAD" ? Buffer.alloc(0) : await readBody(req);
        const ctx: RequestContext = { requestId, baseUrl: baseUrl(), method: req.method ?? "GET", url, headers: req.headers, body };
        if (faults.delayMs > 0 && !url.pathname.startsWith("/_sandbox/")) await delay(faults.delayMs);
        if (req.method === "POST" && targetName) await dispatchTarget(targetName, res, ctx);
        else await dispatchPath(req, res, ctx);
      })();
      work.catch(fail);
    } catch (error) {
      // A throw here would otherwise escape the 'request' event and stop the whole sandbox.
      fail(error);
    }
  };
}

async function sendResult(res: ServerResponse, result: HttpResult): Promise<void> {
  if (!("contentType" in result)) return sendJson(res, result.status, result.body, undefined, result.headers);
  if (typeof result.body === "string") {
    const payload = Buffer.from(result.body, "utf8");
    res.writeHead(result.status, { ...result.headers, "Content-Type": result.contentType, "Content-Length": String(payload.length) });
    return void res.end(payload);
  }
  // Streams (server-sent events) go out chunk by chunk, as the real service streams them.
  res.writeHead(result.status, { ...result.headers, "Content-Type": result.contentType, "Cache-Control": "no-cache" });
  res.flushHeaders();
  for await (const chunk of result.body) {
    if (res.destroyed) return;
    res.write(chunk);
  }
  res.end();
}

/** The request path, taken literally (a path like //x must not become host "x"). */
function requestUrl(raw: string | undefined, base: string): URL {
  try {
    return new URL(`${base}${raw?.startsWith("/") ? raw : "/"}`);
  } catch {
    return new URL(`${base}/`);
  }
}

/** Anything that is not already an AWS error is a sandbox bug: report it as Cognito would. */
function asAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  return new AwsError("InternalErrorException", `Internal server error. (${(error as Error)?.name ?? "Error"})`, 500);
}
