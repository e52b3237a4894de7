import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { encodeAuthSubprotocol } from "../lib/appsync/realtime-auth";
import { DEMO_API } from "./appsync/test-support";
import { startSandbox, type RunningSandbox } from "./server";

/** The WebSocket drop fault on the wire, seen by a plain `ws` client on AppSync's realtime endpoint. */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
afterEach(() => setFaults({ dropWebSocketAfterFrames: 0, closeCode: 1011, closeReason: "sandbox fault: stream dropped" }));

const setFaults = (settings: unknown) => fetch(`${sandbox.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify(settings) });

/** connection_init, then a subscription start; resolves with what arrived and how the socket ended. */
function subscribe() {
  const host = new URL(sandbox.url).host;
  const header = { host, "x-api-key": DEMO_API.apiKey };
  const url = `${sandbox.url.replace("http", "ws")}/appsync/${DEMO_API.id}/graphql/realtime`;
  return new Promise<{ frames: string[]; code: number; reason: string }>((resolve) => {
    const frames: string[] = [];
    const ws = new WebSocket(url, ["graphql-ws", encodeAuthSubprotocol(header)]);
    ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init" })));
    ws.on("message", (data) => {
      const text = String(data);
      frames.push(text);
      if (JSON.parse(text).type === "connection_ack") {
        const data = JSON.stringify({ query: "subscription { onCreateNote { id } }", variables: {} });
        ws.send(JSON.stringify({ id: "s1", type: "start", payload: { data, extensions: { authorization: header } } }));
      }
    });
    // 1006 is never sent in a close frame (`ws` refuses to): a client reports it when none came.
    ws.on("close", (code, reason) => resolve({ frames, code, reason: reason.toString() }));
    ws.on("error", () => undefined);
  });
}

describe("dropWebSocketAfterFrames", () => {
  it("closes with the configured code and reason once that many frames were sent", async () => {
    await setFaults({ dropWebSocketAfterFrames: 3, closeCode: 4000, closeReason: "test: drop after three" });
    const result = await subscribe();
    expect(result.frames.map((f) => JSON.parse(f).type)).toEqual(["connection_ack", "ka", "start_ack"]);
    expect(result).toMatchObject({ code: 4000, reason: "test: drop after three" });
  });

  it("1006: the connection ends without a close frame, after the frames before it arrived", async () => {
    await setFaults({ dropWebSocketAfterFrames: 2, closeCode: 1006 });
    const result = await subscribe();
    expect(result.frames.map((f) => JSON.parse(f).type)).toEqual(["connection_ack", "ka"]);
    expect(result).toMatchObject({ code: 1006, reason: "" });
  });

  it("applies to sockets opened while it is set; 0 switches it off", async () => {
    await setFaults({ dropWebSocketAfterFrames: 0 });
    const frames: string[] = [];
    const host = new URL(sandbox.url).host;
    const ws = new WebSocket(`${sandbox.url.replace("http", "ws")}/appsync/${DEMO_API.id}/graphql/realtime`, ["graphql-ws", encodeAuthSubprotocol({ host, "x-api-key": DEMO_API.apiKey })]);
    await new Promise<void>((resolve) => {
      ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init" })));
      ws.on("message", (data) => {
        frames.push(String(data));
        if (frames.length === 2) resolve();
      });
    });
    // Switching the fault on now does not touch the socket already open.
    await setFaults({ dropWebSocketAfterFrames: 1 });
    ws.send(JSON.stringify({ type: "stop", id: "none" }));
    await new Promise<void>((resolve) => ws.once("message", () => resolve()));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.terminate();
  });
});
