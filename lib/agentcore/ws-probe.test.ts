import { describe, expect, it } from "vitest";
import { wsResult } from "./test-calls-ws";
import type { WebSocketLike } from "../ws";
import { probeWebSocket } from "./ws-probe";

/** A socket the test drives by hand: open, frames, close — what a browser would report. */
function scriptedSocket(script: (socket: WebSocketLike) => void) {
  const socket: WebSocketLike = {
    readyState: 0,
    send: () => undefined,
    close: () => undefined,
    onopen: null,
    onmessage: null,
    onerror: null,
    onclose: null,
  };
  queueMicrotask(() => script(socket));
  return () => socket;
}

const chunk = (text: string) => ({ data: JSON.stringify({ chunk: text }) });
const probe = (script: (socket: WebSocketLike) => void) =>
  probeWebSocket({ url: "ws://127.0.0.1:4577/agentcore/runtimes/x/ws", protocols: [], createSocket: scriptedSocket(script), message: "{}", timeoutMs: 2000 });

describe("probeWebSocket when the stream breaks", () => {
  it("a close frame mid-reply: the code, the reason and the frames so far; no answer rather than a refusal", async () => {
    const outcome = await probe((s) => {
      s.onopen?.({});
      s.onmessage?.(chunk("Echo: "));
      s.onmessage?.(chunk("Hello "));
      s.onclose?.({ code: 1011, reason: "Internal server error" });
    });
    expect(outcome).toMatchObject({ ok: false, opened: true, dropped: true, closeCode: 1011, closeReason: "Internal server error" });
    expect(outcome.message).toBe("127.0.0.1:4577 closed the socket (1011 Internal server error) after 2 frame(s).");
    expect(outcome.frames.filter((f) => f.dir === "in")).toHaveLength(2);
    expect(wsResult(outcome, 0, "", "", []).outcome).toBe("error");
  });

  it("1006 after opening: the connection went away without a close frame", async () => {
    const outcome = await probe((s) => {
      s.onopen?.({});
      s.onmessage?.(chunk("Echo: "));
      s.onclose?.({ code: 1006, reason: "" });
    });
    expect(outcome.message).toBe("The connection to 127.0.0.1:4577 closed abnormally (1006) — no close frame — after 1 frame(s).");
    expect(wsResult(outcome, 0, "", "", []).outcome).toBe("error");
  });

  it("1006 before opening: no connection, with the endpoint named", async () => {
    const outcome = await probe((s) => s.onclose?.({ code: 1006, reason: "" }));
    expect(outcome.opened).toBe(false);
    expect(outcome.message).toMatch(/^No WebSocket connection to 127\.0\.0\.1:4577: the upgrade was refused or the connection failed before it opened/);
    expect(wsResult(outcome, 0, "", "", []).outcome).toBe("error");
  });

  it("a policy close after opening is the service refusing, not a broken stream", async () => {
    const outcome = await probe((s) => {
      s.onopen?.({});
      s.onclose?.({ code: 1008, reason: "Policy violation" });
    });
    expect(outcome.dropped).toBe(false);
    expect(wsResult(outcome, 0, "", "", []).outcome).toBe("fail");
  });
});
