// The reference runtime's agent: echoes the prompt back, with no model and no dependencies.
// AgentCore's HTTP protocol contract: listen on 0.0.0.0:8080 in an ARM64 container and serve
//   GET  /ping         -> 200 {"status":"Healthy"}
//   POST /invocations  -> the reply, as server-sent events (`data: "<chunk>"`) unless the caller
//                         accepts only JSON, then {"response": …, "sessionId": …}
//   GET  /ws           -> WebSocket: each message gets {"chunk": …} frames then {"echo": …}
// These are the shapes the dashboard's sandbox echo agent sends (sandbox/agentcore/echo-agent.ts
// and ws-session.ts), so a real runtime and the sandbox read the same in the dashboard.
// AgentCore checks the caller (JWT or SigV4) before a request reaches this container.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

const PORT = Number(process.env.PORT ?? 8080);
const SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id";
const CHUNK_DELAY_MS = 40;
/** A prompt that makes the agent fail mid-reply, to see how a client shows a broken stream. */
const CRASH_PROMPT = "!crash";
const MAX_BODY_BYTES = 1024 * 1024;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function promptOf(text) {
  const trimmed = text.trim();
  try {
    const value = JSON.parse(trimmed);
    for (const key of ["prompt", "inputText", "message"]) if (typeof value?.[key] === "string") return value[key];
  } catch {
    // not JSON: echo the text
  }
  return trimmed;
}

function replyChunks(prompt) {
  const words = prompt.split(/(?<=\s)/).filter(Boolean);
  return ["Echo: ", ...(words.length ? words : ["(empty prompt)"])];
}

function wantsJson(accept = "") {
  const value = accept.toLowerCase();
  return value.includes("application/json") && !value.includes("text/event-stream");
}

function sendJson(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function invocations(req, res) {
  const parts = [];
  let size = 0;
  for await (const part of req) {
    size += part.length;
    if (size > MAX_BODY_BYTES) return sendJson(res, 413, { error: "payload too large" });
    parts.push(part);
  }
  const prompt = promptOf(Buffer.concat(parts).toString("utf8"));
  const sessionId = req.headers[SESSION_HEADER] ?? null;
  if (wantsJson(req.headers.accept)) {
    return sendJson(res, 200, { response: replyChunks(prompt).join(""), status: "success", sessionId });
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const [i, chunk] of replyChunks(prompt).entries()) {
    await sleep(CHUNK_DELAY_MS);
    if (prompt === CRASH_PROMPT && i === 1) return res.destroy();
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  res.end();
}

// ---- WebSocket (RFC 6455), only what an echo needs: text/binary, ping, close; one frame per message.

function frame(opcode, payload) {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length) {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}

function closeFrame(code, reason) {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return frame(0x8, payload);
}

/** Complete client frames at the start of `buffer` (clients always mask), and the rest. */
function readFrames(buffer) {
  const frames = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset] & 0x0f;
    let length = buffer[offset + 1] & 0x7f;
    let header = 2;
    if (length === 126) {
      if (buffer.length - offset < 4) break;
      length = buffer.readUInt16BE(offset + 2);
      header = 4;
    } else if (length === 127) {
      if (buffer.length - offset < 10) break;
      length = Number(buffer.readBigUInt64BE(offset + 2));
      header = 10;
    }
    if (buffer.length - offset < header + 4 + length) break;
    const mask = buffer.subarray(offset + header, offset + header + 4);
    const payload = Buffer.from(buffer.subarray(offset + header + 4, offset + header + 4 + length));
    for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
    frames.push({ opcode, payload });
    offset += header + 4 + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

function websocket(req, socket, head) {
  const key = req.headers["sec-websocket-key"];
  if (req.url?.split("?")[0] !== "/ws" || typeof key !== "string") {
    socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n");
    return;
  }
  const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${accept}\r\n\r\n`);
  const url = new URL(req.url, "http://agent");
  const sessionId = req.headers[SESSION_HEADER] ?? url.searchParams.get("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id");
  let pending = Buffer.from(head ?? []);
  let queue = Promise.resolve();
  let open = true;
  const close = (code, reason) => {
    if (!open) return;
    open = false;
    socket.end(closeFrame(code, reason));
  };
  socket.on("data", (data) => {
    const { frames, rest } = readFrames(Buffer.concat([pending, data]));
    pending = rest;
    for (const { opcode, payload } of frames) {
      if (opcode === 0x8) close(1000, "");
      else if (opcode === 0x9) socket.write(frame(0xa, payload));
      else if (opcode === 0x1 || opcode === 0x2) {
        // one reply at a time, in order, as a single agent process answers
        queue = queue.then(() => reply(payload, opcode === 0x2));
      }
    }
  });
  socket.on("close", () => (open = false));
  socket.on("error", () => (open = false));

  async function reply(payload, isBinary) {
    const prompt = isBinary ? `(${payload.length} bytes of binary data)` : promptOf(payload.toString("utf8"));
    for (const [i, chunk] of replyChunks(prompt).entries()) {
      await sleep(CHUNK_DELAY_MS);
      if (!open) return;
      if (prompt === CRASH_PROMPT && i === 1) return close(1011, "Internal server error");
      socket.write(frame(0x1, Buffer.from(JSON.stringify({ chunk }))));
    }
    if (!open) return;
    let echo = prompt;
    try {
      if (!isBinary) echo = JSON.parse(payload.toString("utf8"));
    } catch {
      // a plain-text message is echoed as text
    }
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ echo, sessionId }))));
  }
}

function createAgentServer() {
  const server = createServer((req, res) => {
    const path = req.url?.split("?")[0];
    if (req.method === "GET" && path === "/ping") return sendJson(res, 200, { status: "Healthy" });
    if (req.method === "POST" && path === "/invocations") {
      return void invocations(req, res).catch(() => res.destroy());
    }
    sendJson(res, 404, { error: `no route for ${req.method} ${path}` });
  });
  server.on("upgrade", websocket);
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = createAgentServer();
  server.listen(PORT, "0.0.0.0", () => console.log(`echo agent listening on 0.0.0.0:${server.address().port}`));
  // exit cleanly on SIGTERM (docker stop, or the runtime ending a session)
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
