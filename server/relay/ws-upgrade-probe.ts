import "server-only";
import WebSocket from "ws";
import type { UpgradeRefusal } from "../../lib/ws/socket";

/**
 * Repeats a WebSocket upgrade from the server to learn what a browser cannot: the HTTP status,
 * error type and message of a refused upgrade (browsers report only "connection failed").
 * Node-only (it uses `ws`); the caller has already checked the URL against the allow-list.
 */
type UpgradeProbeResult = { opened: true } | { opened: false; refusal?: UpgradeRefusal; error?: string };

export function probeUpgrade(url: string, protocols: string[], timeoutMs = 10_000): Promise<UpgradeProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, protocols, { handshakeTimeout: timeoutMs, followRedirects: false });
    } catch (error) {
      // `ws` throws for a URL or subprotocol a handshake cannot carry; the route validates both
      // first, so this is the last line, not the check.
      resolve({ opened: false, error: `The upgrade could not be attempted: ${(error as Error).message}` });
      return;
    }
    const finish = (result: UpgradeProbeResult) => {
      if (settled) return;
      settled = true;
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.terminate();
      resolve(result);
    };
    socket.once("open", () => finish({ opened: true }));
    socket.once("unexpected-response", (_request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        if (size < 4096) chunks.push(chunk);
        size += chunk.length;
      });
      response.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8").slice(0, 4096);
        const header = response.headers["x-amzn-errortype"];
        const errorType = (Array.isArray(header) ? header[0] : header)?.split(":")[0] || undefined;
        let message: string | undefined;
        try {
          const parsed = JSON.parse(body) as { message?: string; Message?: string };
          message = parsed.message ?? parsed.Message;
        } catch {
          message = body.trim() || undefined;
        }
        finish({ opened: false, refusal: { status: response.statusCode ?? 0, errorType, message } });
      });
      response.on("error", () => finish({ opened: false, refusal: { status: response.statusCode ?? 0, errorType: undefined } }));
    });
    // Node reports a refused "localhost" (tried over IPv6 and IPv4) as an AggregateError with no
    // message of its own; its code still says what happened.
    socket.once("error", (error: NodeJS.ErrnoException) => finish({ opened: false, error: error.message || error.code || "connection failed" }));
  });
}
