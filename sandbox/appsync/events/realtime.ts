import type { IncomingMessage } from "node:http";
import { WebSocketServer } from "ws";
import type { UpgradeRoute } from "../../http/types";
import type { EventAuthEnv, EventApiConfig } from "./authorize";
import type { EventBus } from "./bus";
import { EventConnection, type ConnectAuth } from "./connection";

/**
 * The Event API's realtime endpoint, `wss://{realtime domain}/event/realtime` (developer guide,
 * event-api-websocket-protocol); here `/appsync-events/{apiId}/event/realtime`, which is where
 * aws-amplify goes for an endpoint that is not an AppSync host: it appends `/realtime` to the
 * configured `…/event` URL and swaps the scheme for ws(s) (amplify-js
 * AWSWebSocketProvider/appsyncUrl.ts, getRealtimeEndpointUrl). The client offers two
 * subprotocols: `aws-appsync-event-ws` and `header-<base64url of the auth header JSON>`.
 */

export const EVENT_WS_PROTOCOL = "aws-appsync-event-ws";

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  return (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((p) => p.trim()).filter(Boolean);
}

function connectAuthOf(protocols: readonly string[]): ConnectAuth {
  const sub = protocols.find((p) => p.startsWith("header-"));
  if (!sub) return { kind: "missing" };
  try {
    const value: unknown = JSON.parse(Buffer.from(sub.slice("header-".length), "base64url").toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return { kind: "header", header: value as Record<string, unknown> };
  } catch {
    // falls through
  }
  return { kind: "unreadable" };
}

export interface EventApiRuntime {
  config: EventApiConfig;
  bus: EventBus;
}

export function eventRealtimeRoute(apis: ReadonlyMap<string, EventApiRuntime>, env: (baseUrl: string) => EventAuthEnv, keepAliveMs: number): UpgradeRoute {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(EVENT_WS_PROTOCOL) ? EVENT_WS_PROTOCOL : false) });
  return {
    path: /^\/appsync-events\/([^/]+)\/event\/realtime$/,
    handle(req, socket, head, [apiId = ""], ctx) {
      const api = apis.get(apiId);
      if (!api) {
        socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      const protocols = offeredProtocols(req);
      wss.handleUpgrade(req, socket, head, (ws) => {
        ctx.opened?.(ws);
        const connection = new EventConnection(ws, api.config, api.bus, { env: () => env(ctx.baseUrl), baseUrl: ctx.baseUrl, keepAliveMs });
        // unconfirmed: what the Event API answers a connection that does not offer
        // aws-appsync-event-ws; the GraphQL endpoint's "SubProtocolNotSupportedError"
        // (graphql-dotnet/graphql-client #591) stands in.
        if (!protocols.includes(EVENT_WS_PROTOCOL)) connection.refuse([{ errorType: "BadRequestException", message: "SubProtocolNotSupportedError" }], "the Event API's answer to a connection without aws-appsync-event-ws");
        else connection.open(connectAuthOf(protocols));
      });
    },
  };
}
