import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { createFaults, type Faults } from "./faults";
import type { SandboxService } from "./http/types";
import { applyWebSocketFaults } from "./ws-faults";

/**
 * Hands each WebSocket upgrade to the service that owns its path (AppSync realtime, AgentCore
 * streams). Anything else is refused at the HTTP level, as AWS refuses an unknown path, instead
 * of leaving the client waiting. A slow-endpoint fault delays the handshake as it delays HTTP
 * answers; the WebSocket faults apply to every socket a service accepts.
 */
export function createUpgradeRouter(services: readonly SandboxService[], baseUrl: () => string, faults: Faults = createFaults()) {
  const upgrades = services.flatMap((s) => s.upgrades ?? []);
  const opened = (ws: Parameters<typeof applyWebSocketFaults>[0]) => applyWebSocketFaults(ws, faults);
  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const base = baseUrl();
    const url = new URL(`${base}${req.url?.startsWith("/") ? req.url : "/"}`);
    const route = upgrades.find((candidate) => candidate.path.test(url.pathname));
    if (!route) {
      socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    const handle = () => {
      // The client may have given up while the handshake was delayed.
      if (socket.destroyed) return;
      try {
        route.handle(req, socket, head, route.path.exec(url.pathname)!.slice(1), {
          requestId: randomUUID(),
          baseUrl: base,
          method: req.method ?? "GET",
          url,
          headers: req.headers,
          opened,
        });
      } catch {
        socket.destroy();
      }
    };
    if (faults.delayMs <= 0) return handle();
    // While the handshake waits nobody else listens on the socket: an error would stop the sandbox.
    const onError = () => socket.destroy();
    socket.on("error", onError);
    void delay(faults.delayMs).then(() => {
      socket.off("error", onError);
      handle();
    });
  };
}
