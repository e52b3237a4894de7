import type { IncomingMessage } from "node:http";
import { WebSocketServer } from "ws";
import type { UpgradeRoute } from "../http/types";
import type { AuthEnv } from "./authenticate";
import type { ApiRuntime } from "./http";
import { RealtimeConnection, type ConnectAuth } from "./realtime-connection";

/**
 * AppSync's realtime endpoint (`wss://{id}.appsync-realtime-api.{region}.amazonaws.com/graphql`;
 * here `/appsync/{apiId}/graphql/realtime`). AppSync completes the WebSocket handshake and
 * reports problems in a `connection_error` frame (errorCode 400/401), not as an HTTP status:
 * "NoProtocolError" (aws/aws-appsync-community #195), "SubProtocolNotSupportedError"
 * (graphql-dotnet/graphql-client #591), "Required headers are missing." (#662),
 * UnauthorizedException (aws-amplify/amplify-flutter #2763).
 */

const PROTOCOL = "graphql-ws";

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  return (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((p) => p.trim()).filter(Boolean);
}

function decodeJson(text: string, encoding: "base64url" | "base64"): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, encoding).toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The auth header object: the `header-<base64url>` subprotocol, else the legacy `?header=`. */
function connectAuthOf(protocols: readonly string[], url: URL): ConnectAuth {
  const sub = protocols.find((p) => p.startsWith("header-"));
  const legacy = url.searchParams.get("header");
  if (!sub && !legacy) return { kind: "missing" };
  const header = sub ? decodeJson(sub.slice("header-".length), "base64url") : decodeJson(legacy!, "base64");
  if (!header) return { kind: "unreadable" };
  // The legacy form's payload is what the header signs (`e30=` = `{}`); the subprotocol form's is `{}`.
  const payloadParam = sub ? null : url.searchParams.get("payload");
  const payload = payloadParam ? Buffer.from(payloadParam, "base64").toString("utf8") : "{}";
  return { kind: "header", header, payload };
}

export function realtimeRoute(apis: ReadonlyMap<string, ApiRuntime>, env: (baseUrl: string) => AuthEnv, keepAliveMs: number): UpgradeRoute {
  // Without graphql-ws AppSync still upgrades (and then says why it can't go on).
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false) });
  return {
    path: /^\/appsync\/([^/]+)\/graphql\/realtime$/,
    handle(req, socket, head, [apiId = ""], ctx) {
      const api = apis.get(apiId);
      if (!api) {
        socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      const protocols = offeredProtocols(req);
      wss.handleUpgrade(req, socket, head, (ws) => {
        ctx.opened?.(ws);
        const connection = new RealtimeConnection(ws, api, { env: () => env(ctx.baseUrl), baseUrl: ctx.baseUrl, keepAliveMs });
        // No subprotocol at all: "NoProtocolError" (aws/aws-appsync-community#195, a Postman
        // connection without Sec-WebSocket-Protocol); others but not graphql-ws:
        // "SubProtocolNotSupportedError" (graphql-dotnet/graphql-client#591).
        if (protocols.length === 0) connection.refuse({ message: "NoProtocolError", errorCode: 400 });
        else if (!protocols.includes(PROTOCOL)) connection.refuse({ message: "SubProtocolNotSupportedError", errorCode: 400 });
        else connection.open(connectAuthOf(protocols, ctx.url));
      });
    },
  };
}
