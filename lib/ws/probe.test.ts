import { describe, expect, it } from "vitest";
import { runSocketProbe, type ProbeProtocol } from "./probe";
import type { WebSocketLike, WsFrame } from "./socket";

interface Outcome {
  frames: WsFrame[];
  message?: string;
  done?: boolean;
}

function fakeSocket() {
  const socket: WebSocketLike & { sent: string[]; closed?: number } = {
    readyState: 1,
    sent: [],
    send: (data) => void socket.sent.push(data),
    close: (code) => void (socket.closed = code),
    onopen: null,
    onmessage: null,
    onerror: null,
    onclose: null,
  };
  return socket;
}

const echoOnce: ProbeProtocol<Outcome> = {
  opened: (control) => control.send("hello"),
  message: (_data, control) => control.finish({ done: true, message: "answered" }),
  closed: (event, control) => control.finish({ message: `closed ${event.code}` }),
  timedOut: () => ({ message: "timed out" }),
  cancelled: () => ({ message: "cancelled" }),
};

describe("runSocketProbe", () => {
  it("records both directions, settles on the protocol's verdict and closes the socket it opened", async () => {
    const socket = fakeSocket();
    const done = runSocketProbe<Outcome>({ frames: [] }, { url: "ws://x", protocols: [], createSocket: () => socket, timeoutMs: 1000 }, echoOnce);
    socket.onopen?.({});
    socket.onmessage?.({ data: "hi" });
    socket.onclose?.({ code: 1006, reason: "" });
    const outcome = await done;
    expect(outcome).toMatchObject({ done: true, message: "answered" });
    expect(outcome.frames.map((f) => [f.dir, f.data])).toEqual([["out", "hello"], ["in", "hi"]]);
    expect(socket.closed).toBe(1000);
  });

  it("a factory that throws ends the probe with the reason, and a cancelled signal opens nothing", async () => {
    const failed = await runSocketProbe<Outcome>({ frames: [] }, { url: "ws://x", protocols: [], createSocket: () => { throw new Error("bad URL"); }, timeoutMs: 1000 }, echoOnce);
    expect(failed.message).toBe("Could not open the WebSocket: bad URL");
    let opened = false;
    const cancelled = await runSocketProbe<Outcome>(
      { frames: [] },
      { url: "ws://x", protocols: [], createSocket: () => ((opened = true), fakeSocket()), timeoutMs: 1000, signal: AbortSignal.abort() },
      echoOnce,
    );
    expect(cancelled.message).toBe("cancelled");
    expect(opened).toBe(false);
  });

  it("the deadline settles a socket that never answers", async () => {
    const outcome = await runSocketProbe<Outcome>({ frames: [] }, { url: "ws://x", protocols: [], createSocket: fakeSocket, timeoutMs: 20 }, echoOnce);
    expect(outcome.message).toBe("timed out");
  });
});
