import type { AppSyncEndpoints } from "./endpoints";
import { encodeAuthSubprotocol, realtimeAuthHeader } from "./realtime-auth";
import type { GraphqlOperation } from "./http-request";
import type { AppSyncCredentials, AppSyncVariant } from "./variants";
import { hostOf } from "../http/host";
import { runSocketProbe, type ProbeControl, type WebSocketFactory, type WsFrame } from "../ws";

export type RealtimeStage = "connect" | "connection_ack" | "start_ack" | "data";

export interface RealtimeOutcome {
  ok: boolean;
  /** How far the handshake got; a failure names the stage it failed at. */
  reached: RealtimeStage | "none";
  /** AppSync's error type and message from an `error`/`connection_error` frame, if any. */
  errorType?: string;
  message?: string;
  closeCode?: number;
  closeReason?: string;
  /** Every frame, both ways, in order, for the "exact exchange" view (auth redacted by the caller). */
  frames: WsFrame[];
  url: string;
  protocols: string[];
}

interface RealtimeProbeInput {
  variant: AppSyncVariant;
  endpoints: AppSyncEndpoints;
  subscription: GraphqlOperation;
  credentials: AppSyncCredentials;
  region: string;
  createSocket: WebSocketFactory;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Runs after start_ack (e.g. a mutation); the probe then waits for one `data` frame. */
  afterStart?: () => Promise<void>;
}

/**
 * Opens a realtime connection the way AppSync documents it — `graphql-ws` plus the
 * `header-<base64url>` auth subprotocol, `connection_init`, then one `start` with its own
 * authorization — and reports how far it got. Always settles: on timeout, abort or close.
 */
export async function probeRealtime(input: RealtimeProbeInput): Promise<RealtimeOutcome> {
  const { endpoints, credentials, region, variant } = input;
  const connectHeader = await realtimeAuthHeader(variant, endpoints, credentials, region);
  const protocols = ["graphql-ws", encodeAuthSubprotocol(connectHeader)];
  const data = JSON.stringify({ query: input.subscription.query, variables: input.subscription.variables ?? {} });
  const startAuth = await realtimeAuthHeader(variant, endpoints, credentials, region, data);
  const outcome: RealtimeOutcome = { ok: false, reached: "none", frames: [], url: endpoints.realtimeUrl, protocols };
  const send = (control: ProbeControl<RealtimeOutcome>, frame: object) => control.send(JSON.stringify(frame));

  return runSocketProbe(outcome, { url: endpoints.realtimeUrl, protocols, createSocket: input.createSocket, timeoutMs: input.timeoutMs, signal: input.signal }, {
    ...connectionInit(outcome, endpoints.realtimeUrl),
    message(text, control) {
      const frame = parseFrame<{ type?: string; id?: string; payload?: { errors?: { errorType?: string; message?: string }[] } }>(text);
      if (!frame) return;
      switch (frame.type) {
        case "connection_ack":
          outcome.reached = "connection_ack";
          send(control, { id: "probe-1", type: "start", payload: { data, extensions: { authorization: startAuth } } });
          return;
        case "start_ack":
          outcome.reached = "start_ack";
          if (!input.afterStart) return control.finish({ ok: true });
          input.afterStart().catch((error: Error) => control.finish({ message: `The trigger mutation failed: ${error.message}` }));
          return;
        case "data":
          outcome.reached = "data";
          return control.finish({ ok: true });
        case "error":
        case "connection_error": {
          const first = frame.payload?.errors?.[0];
          return control.finish({ errorType: first?.errorType, message: first?.message ?? "AppSync sent an error frame." });
        }
      }
    },
    ...endings(outcome, input.timeoutMs),
  });
}

/** The outcome fields both AppSync WebSocket protocols (GraphQL realtime, Event API) share. */
interface HandshakeOutcome {
  reached: string;
  message?: string;
  closeCode?: number;
  closeReason?: string;
}

/**
 * What both protocols do alike around their own messages: `connection_init` once open, and a
 * close explained by how far the handshake had got.
 */
export function connectionInit<O extends HandshakeOutcome>(outcome: O, url: string) {
  return {
    opened(control: ProbeControl<O>) {
      outcome.reached = "connect";
      control.send(JSON.stringify({ type: "connection_init" }));
    },
    closed(event: { code: number; reason: string }, control: ProbeControl<O>) {
      control.finish({
        closeCode: event.code,
        ...(event.reason ? { closeReason: event.reason } : {}),
        message: outcome.message ?? describeClose(url, outcome.reached, event),
      } as Partial<O>);
    },
  };
}

/** A timeout names the stage it stopped at; a cancel says so. */
export function endings<O extends HandshakeOutcome>(outcome: O, timeoutMs: number) {
  return {
    timedOut: () => ({ message: `No answer within ${timeoutMs} ms after reaching ${outcome.reached}.` }) as Partial<O>,
    cancelled: () => ({ message: "Cancelled." }) as Partial<O>,
  };
}

/** A frame as JSON; anything else (AppSync sends only JSON) is skipped. */
export function parseFrame<F>(text: string): F | undefined {
  try {
    return JSON.parse(text) as F;
  } catch {
    return undefined;
  }
}

/**
 * Why a realtime socket ended, naming the endpoint. Before `open` a browser cannot tell a refused
 * upgrade from a dead endpoint (both are 1006); after it, 1006 means the connection went away
 * without a close frame, and any other code is the server's own.
 */
export function describeClose(url: string, reached: string, event: { code: number; reason: string }): string {
  const host = hostOf(url);
  if (reached === "none") {
    return `No WebSocket connection to ${host}: it failed before opening (code ${event.code}: refused, DNS, TLS, or offline; a browser does not say which).`;
  }
  if (event.code === 1006) return `The connection to ${host} closed abnormally (1006) — no close frame — after reaching ${reached}.`;
  return `${host} closed the connection (${event.code}${event.reason ? ` ${event.reason}` : ""}) after reaching ${reached}.`;
}
