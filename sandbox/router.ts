import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { AMZ_JSON_1_1, AwsError, parseJsonObject, readBody, sendAwsError, sendJson, sentErrorType } from "./http/aws-json";
import { answerPreflight, applyCorsHeaders } from "./http/cors";
import type { RequestContext, Route, SandboxService } from "./http/types";

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

export function createRouter(services: readonly SandboxService[], baseUrl: () => string): RequestListener {
  const byPrefix = new Map(services.filter((s) => s.targetPrefix).map((s) => [s.targetPrefix as string, s]));
  const routes: Route[] = services.flatMap((s) => s.routes ?? []);

  async function dispatchTarget(target: string, req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
    const dot = target.lastIndexOf(".");
    const service = byPrefix.get(target.slice(0, dot));
    const operation = target.slice(dot + 1);
    const contentType = service?.contentType ?? AMZ_JSON_1_1;
    try {
      const handler = service?.operations && Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
      if (dot < 0 || !handler) throw unknownOperation();
      const input = parseJsonObject(await readBody(req));
      sendJson(res, 200, await handler(input, ctx), contentType);
    } catch (error) {
      sendAwsError(res, asAwsError(error), contentType);
    }
  }

  async function dispatchPath(req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
    for (const route of routes) {
      const match = route.method === req.method ? route.path.exec(ctx.url.pathname) : null;
      if (!match) continue;
      const result = await route.handle(match.slice(1), ctx);
      sendJson(res, result.status, result.body, undefined, result.headers);
      return;
    }
    // A POST to / without a target is still a JSON-RPC call, just one nobody can answer.
    if (req.method === "POST" && ctx.url.pathname === "/") sendAwsError(res, unknownOperation());
    else sendJson(res, 404, { message: `No sandbox route for ${req.method ?? "?"} ${ctx.url.pathname}` });
  }

  return (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = requestUrl(req.url, baseUrl());
    const target = req.headers["x-amz-target"];
    const targetName = Array.isArray(target) ? target[0] : target;
    res.on("finish", () => logLine(req, res, targetName ?? url.pathname, started));
    res.setHeader("x-amzn-RequestId", requestId);
    applyCorsHeaders(res);

    const fail = (error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendAwsError(res, asAwsError(error));
    };
    try {
      if (req.method === "OPTIONS") return answerPreflight(req, res);
      const ctx: RequestContext = { requestId, baseUrl: baseUrl(), method: req.method ?? "GET", url, headers: req.headers };
      const work = req.method === "POST" && targetName ? dispatchTarget(targetName, req, res, ctx) : dispatchPath(req, res, ctx);
      work.catch(fail);
    } catch (error) {
      // A throw here would otherwise escape the 'request' event and stop the whole sandbox.
      fail(error);
    }
  };
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
