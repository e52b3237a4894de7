import type { CloseEvent, UpgradeRefusal, WebSocketFactory, WebSocketLike, WsFrame } from "./socket";

/**
 * Opening, reading and ending one probing WebSocket, shared by the AppSync realtime handshake and
 * the AgentCore runtime stream. Each protocol says what to send on open, what a frame means and
 * what a close means; this settles exactly once — on the protocol's verdict, a close, the
 * deadline or a cancel — records every frame both ways, and always closes the socket it opened.
 */

interface SocketProbeOptions {
  url: string;
  protocols: string[];
  createSocket: WebSocketFactory;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** What a protocol's handlers may do while the socket is open. */
export interface ProbeControl<O> {
  /** Every frame so far, both ways, in order. */
  readonly frames: readonly WsFrame[];
  /** Sends one text frame and records it. */
  send(data: string): void;
  /** Ends the probe with this much of the outcome; later calls are ignored. */
  finish(patch: Partial<O>): void;
  /** What a non-browser socket factory learnt about a refused upgrade, if anything. */
  refusal(): UpgradeRefusal | undefined;
}

export interface ProbeProtocol<O> {
  opened(control: ProbeControl<O>): void;
  /** Called after the frame is recorded. */
  message(data: string, control: ProbeControl<O>): void;
  closed(event: CloseEvent, control: ProbeControl<O>): void;
  /** The deadline passed with nothing settled. */
  timedOut(control: ProbeControl<O>): Partial<O>;
  cancelled(control: ProbeControl<O>): Partial<O>;
  /** Runs once when the probe settles, whatever settled it (e.g. to clear the protocol's own timers). */
  settled?(): void;
}

/**
 * Runs one probe and resolves with `outcome`, its `frames` filled as they pass and patched by
 * whatever settled it. A factory that throws settles at once with "Could not open the WebSocket: …".
 */
export function runSocketProbe<O extends { message?: string; frames: WsFrame[] }>(outcome: O, options: SocketProbeOptions, protocol: ProbeProtocol<O>): Promise<O> {
  const started = Date.now();
  const frames = outcome.frames;
  return new Promise<O>((resolve) => {
    let socket: (WebSocketLike & { refusal?: UpgradeRefusal }) | undefined;
    let settled = false;
    const control: ProbeControl<O> = {
      frames,
      send(data) {
        frames.push({ dir: "out", at: Date.now() - started, data });
        socket!.send(data);
      },
      finish,
      refusal: () => socket?.refusal,
    };
    function finish(patch: Partial<O>) {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener("abort", onAbort);
      protocol.settled?.();
      Object.assign(outcome, patch);
      try {
        if (socket && socket.readyState <= 1) socket.close(1000, "probe finished");
      } catch {
        // closing a socket that failed to open can throw in some runtimes; the outcome stands
      }
      resolve(outcome);
    }
    const onAbort = () => finish(protocol.cancelled(control));
    const deadline = setTimeout(() => finish(protocol.timedOut(control)), options.timeoutMs);
    options.signal?.addEventListener("abort", onAbort);
    if (options.signal?.aborted) return onAbort();

    try {
      socket = options.createSocket(options.url, options.protocols);
    } catch (error) {
      finish({ message: `Could not open the WebSocket: ${(error as Error).message}` } as Partial<O>);
      return;
    }
    socket.onopen = () => protocol.opened(control);
    socket.onerror = () => {
      // Browsers hide the reason (and the HTTP status of a refused upgrade) from scripts; the
      // close event that follows carries the code.
    };
    socket.onmessage = (event) => {
      const data = typeof event.data === "string" ? event.data : String(event.data);
      frames.push({ dir: "in", at: Date.now() - started, data });
      protocol.message(data, control);
    };
    socket.onclose = (event) => protocol.closed({ code: event.code, reason: event.reason }, control);
  });
}
