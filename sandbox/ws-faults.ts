import type { WebSocket } from "ws";
import { ABNORMAL_CLOSURE, type Faults } from "./faults";

/**
 * The WebSocket half of the faults: once the sandbox has sent `dropWebSocketAfterFrames` frames
 * on a socket, it ends the socket with the configured close code and reason, or, for 1006, drops
 * the TCP connection without a close frame (what a crashed server or a cut network looks like to
 * the client). The settings in effect when the socket opened apply to it for its whole life.
 */
export function applyWebSocketFaults(ws: WebSocket, faults: Readonly<Faults>): void {
  const limit = faults.dropWebSocketAfterFrames;
  if (limit <= 0) return;
  const { closeCode, closeReason } = faults;
  const send = ws.send.bind(ws) as (data: unknown, options: object, callback?: (error?: Error) => void) => void;
  let sent = 0;
  const drop = () => {
    if (ws.readyState !== ws.OPEN) return;
    if (closeCode === ABNORMAL_CLOSURE) ws.terminate();
    else ws.close(closeCode, closeReason);
  };
  // Frames the services try to send after the limit are swallowed: the stream is over.
  (ws as { send: unknown }).send = (data: unknown, optionsOrCallback?: unknown, maybeCallback?: unknown) => {
    const callback = (typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback) as ((error?: Error) => void) | undefined;
    const options = typeof optionsOrCallback === "object" && optionsOrCallback !== null ? optionsOrCallback : {};
    if (sent >= limit) return;
    sent++;
    const last = sent === limit;
    // Dropping only once the last frame is written, so the client does receive all `limit` of them.
    send(data, options, (error) => {
      callback?.(error);
      if (last) drop();
    });
  };
}
