import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { BEARER_SUBPROTOCOL, tokenFromSubprotocols } from "../../lib/agentcore/ws-auth";
import type { RequestContext, UpgradeRoute } from "../http/types";
import { authorizeRuntime, presentedCredentials } from "./authorize";
import { badSessionId, NO_ROUTE, type AgentCoreFailure } from "./errors";
import type { JwtEnv } from "./jwt";
import { parseRuntimePath } from "./paths";
import { resolveRuntime, type AgentCoreRegistry } from "./registry";
import { runEchoSession } from "./ws-session";

/**
 * `wss://…/runtimes/{arn}/ws` (InvokeAgentRuntimeWithWebSocketStream). Opening the connection is
 * an HTTP request, so every refusal before the upgrade is an HTTP status with x-amzn-ErrorType
 * (devguide runtime-get-started-websocket, "Error handling"). Credentials: SigV4 headers, a
 * SigV4-presigned URL, `Authorization: Bearer`, or the bearer subprotocol pair browsers use.
 * The session id comes as a query parameter or a header.
 */

const WS_ACTION = "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream";
const SESSION = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  return (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((p) => p.trim()).filter(Boolean);
}

const REASONS: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" };

function refuse(socket: Duplex, requestId: string, failure: AgentCoreFailure): void {
  const body = JSON.stringify({ message: failure.message });
  const headers = {
    "Content-Type": "application/json",
    "x-amzn-RequestId": requestId,
    "x-amzn-ErrorType": failure.errorType,
    ...failure.headers,
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
  };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, " ")}`);
  socket.end(`HTTP/1.1 ${failure.status} ${REASONS[failure.status] ?? "Error"}\r\n${lines.join("\r\n")}\r\n\r\n${body}`);
}

export function runtimeWebSocketRoute(registry: AgentCoreRegistry, jwtEnv: (baseUrl: string) => JwtEnv): UpgradeRoute {
  // Only the sentinel is ever chosen: the token-carrying subprotocol must not be echoed back.
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => (offered.has(BEARER_SUBPROTOCOL) ? BEARER_SUBPROTOCOL : false) });
  return {
    path: /^\/agentcore\/runtimes\/(.+)\/ws$/,
    handle(req, socket, head, _params, upgradeCtx) {
      const ctx: RequestContext = { ...upgradeCtx, body: Buffer.alloc(0) };
      const accept = async () => {
        const path = parseRuntimePath(ctx.url.pathname);
        if (path.kind !== "ws") return refuse(socket, ctx.requestId, NO_ROUTE);
        const qualifier = ctx.url.searchParams.get("qualifier") ?? "DEFAULT";
        const resolved = resolveRuntime(registry, path.arn, qualifier, ctx.url);
        if (!resolved.ok) return refuse(socket, ctx.requestId, resolved.failure);
        const { runtime } = resolved;

        const sub = tokenFromSubprotocols(offeredProtocols(req));
        const presented = presentedCredentials(ctx.headers, ctx.url, sub.kind === "token" ? sub.token : undefined);
        const request = { runtime, qualifier, encodedArn: encodeURIComponent(runtime.arn), action: WS_ACTION, presented };
        const auth = await authorizeRuntime(ctx, request, jwtEnv(ctx.baseUrl));
        if (!auth.ok) return refuse(socket, ctx.requestId, auth.failure);

        const header = ctx.headers[SESSION.toLowerCase()];
        const sessionId = ctx.url.searchParams.get(SESSION) ?? (Array.isArray(header) ? header[0] : header) ?? `sandbox-session-${crypto.randomUUID()}`;
        const invalid = badSessionId(sessionId);
        if (invalid) return refuse(socket, ctx.requestId, invalid);
        wss.handleUpgrade(req, socket, head, (ws) => {
          upgradeCtx.opened?.(ws);
          runEchoSession(ws, sessionId, auth.caller);
        });
      };
      accept().catch(() =>
        refuse(socket, ctx.requestId, { status: 500, errorType: "InternalServerException", message: "An internal error occurred. Please retry later." }),
      );
    },
  };
}
