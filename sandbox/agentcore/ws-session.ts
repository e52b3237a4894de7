import type { RawData, WebSocket } from "ws";
import { promptOf, replyChunks, CHUNK_DELAY_MS } from "./echo-agent";

/**
 * The echo agent on an open WebSocket. Each message is answered with the reply in several
 * `{"chunk": …}` frames and then `{"echo": <message>, …}` (the devguide's echo agent answers
 * `{"echo": data}`); the socket stays open for more. Close codes are the ones the WebSocket
 * guide lists: 1000 normal, 1009 for a frame over the 32 KB limit, 1011 on a server error.
 * A prompt of `!crash` makes the agent fail mid-reply (1011), so clients can be tested on a
 * stream that breaks after partial output.
 */

const MAX_FRAME_BYTES = 32 * 1024;
const CRASH_PROMPT = "!crash";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function runEchoSession(ws: WebSocket, sessionId: string, caller: string): void {
  let queue = Promise.resolve();
  ws.on("message", (data: RawData, isBinary: boolean) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (bytes.length > MAX_FRAME_BYTES) {
      ws.close(1009, "Message too big");
      return;
    }
    // One reply at a time, in order, as a single agent process would answer.
    queue = queue.then(() => reply(ws, bytes, isBinary, sessionId, caller)).catch(() => ws.terminate());
  });
}

async function reply(ws: WebSocket, bytes: Buffer, isBinary: boolean, sessionId: string, caller: string): Promise<void> {
  const prompt = isBinary ? `(${bytes.length} bytes of binary data)` : promptOf(bytes);
  const chunks = replyChunks(prompt);
  for (const [i, chunk] of chunks.entries()) {
    await sleep(CHUNK_DELAY_MS);
    if (ws.readyState !== ws.OPEN) return;
    if (prompt === CRASH_PROMPT && i === 1) {
      ws.close(1011, "Internal server error");
      return;
    }
    ws.send(JSON.stringify({ chunk }));
  }
  if (ws.readyState !== ws.OPEN) return;
  let echo: unknown = prompt;
  try {
    echo = isBinary ? prompt : JSON.parse(bytes.toString("utf8"));
  } catch {
    // a plain-text message is echoed as text
  }
  ws.send(JSON.stringify({ echo, sessionId, caller }));
}
