import { hostOf } from "../http/host";
import { runSocketProbe, type UpgradeRefusal, type WebSocketFactory, type WsFrame } from "../ws";

/**
 * Opens one WebSocket to a runtime, sends one message and records what comes back, frame by
 * frame. It always settles (answer, close, timeout or cancel) and keeps every frame received
 * even when the socket drops mid-reply, because a partial answer is itself a finding. A browser
 * hides why an upgrade was refused (status and body), so a failure before `open` is reported as
 * such; a socket factory that can see the refusal (Node's `ws`) may set `refusal` on the socket.
 */

export interface WsProbeOutcome {
  ok: boolean;
  opened: boolean;
  /** The stream broke off (no close frame, or a server error / going-away code): no answer, not a refusal. */
  dropped?: boolean;
  frames: WsFrame[];
  closeCode?: number;
  closeReason?: string;
  refusal?: UpgradeRefusal;
  message: string;
}

interface WsProbeInput {
  url: string;
  protocols: string[];
  createSocket: WebSocketFactory;
  /** The first message, sent once the socket opens. */
  message: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** After the last frame, how long silence means "the reply is complete". */
  quietMs?: number;
  /** Each frame as it arrives, for a live view. */
  onFrame?: (data: string) => void;
}

/** The sandbox's echo agent ends a reply with an `{"echo": …}` frame; other agents end by going quiet. */
const isFinalFrame = (data: string) => {
  try {
    const value = JSON.parse(data) as Record<string, unknown>;
    return typeof value === "object" && value !== null && "echo" in value;
  } catch {
    return false;
  }
};

/** Going away, server error, restart, try later, bad gateway: the stream broke, nobody refused it. */
const BROKE_OFF = new Set([1001, 1011, 1012, 1013, 1014]);

export function probeWebSocket(input: WsProbeInput): Promise<WsProbeOutcome> {
  const outcome: WsProbeOutcome = { ok: false, opened: false, frames: [], message: "" };
  const received = () => `${outcome.frames.filter((f) => f.dir === "in").length} frame(s)`;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  return runSocketProbe(outcome, input, {
    opened(control) {
      outcome.opened = true;
      control.send(input.message);
    },
    message(data, control) {
      input.onFrame?.(data);
      clearTimeout(quiet);
      if (isFinalFrame(data)) return control.finish({ ok: true, message: `Reply complete: ${received()}.` });
      quiet = setTimeout(() => control.finish({ ok: true, message: `Received ${received()}, then silence.` }), input.quietMs ?? 1500);
    },
    closed(event, control) {
      const refusal = control.refusal();
      const closed = { closeCode: event.code, closeReason: event.reason, ...(refusal ? { refusal } : {}) };
      const host = hostOf(input.url);
      if (!outcome.opened) {
        const why = refusal
          ? `The upgrade was refused: HTTP ${refusal.status}${refusal.errorType ? ` ${refusal.errorType}` : ""}${refusal.message ? `: ${refusal.message}` : ""}`
          : `No WebSocket connection to ${host}: the upgrade was refused or the connection failed before it opened (a browser does not reveal which, nor the HTTP status; the copied command shows the endpoint's answer)`;
        return control.finish({ ...closed, message: `${why}.` });
      }
      const clean = event.code === 1000 && outcome.frames.some((f) => f.dir === "in");
      if (event.code === 1006) {
        return control.finish({ ...closed, dropped: true, message: `The connection to ${host} closed abnormally (1006) — no close frame — after ${received()}.` });
      }
      const code = `${event.code}${event.reason ? ` ${event.reason}` : ""}`;
      control.finish({ ...closed, ok: clean, dropped: BROKE_OFF.has(event.code), message: `${host} closed the socket (${code}) after ${received()}.` });
    },
    timedOut() {
      const got = outcome.frames.some((f) => f.dir === "in");
      return { ok: got, message: got ? `Received ${received()}; no end of reply within ${input.timeoutMs} ms.` : `No answer within ${input.timeoutMs} ms.` };
    },
    cancelled: () => ({ message: `Cancelled after ${received()}.` }),
    settled: () => clearTimeout(quiet),
  });
}
