import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { SandboxService } from "./http/types";

/**
 * Hands each WebSocket upgrade to the service that owns its path (AppSync realtime, AgentCore
 * streams). Anything else is refused at the HTTP level, as AWS refuses an unknown path, instead
 * of leaving the client waiting.
 */
export function createUpgradeRouter(services: readonly SandboxService[], baseUrl: () => string) {
  const upgrades = services.flatMap((s) => s.upgrades ?? []);
  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const base = baseUrl();
    const url = new URL(`${base}${req.url?.startsWith("/") ? req.url : "/"}`);
    for (const route of upgrades) {
      const match = route.path.exec(url.pathname);
      if (!match) continue;
      try {
        route.handle(req, socket, head, match.slice(1), {
          requestId: randomUUID(),
          baseUrl: base,
          method: req.method ?? "GET",
          url,
          headers: req.headers,
        });
      } catch {
        socket.destroy();
      }
      return;
    }
    socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  };
}
