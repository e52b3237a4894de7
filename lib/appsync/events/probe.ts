import { UNCONFIRMED_WORDING_HEADER } from "../../http/unconfirmed-wording";
import { runSocketProbe, type ProbeControl, type WebSocketFactory, type WsFrame } from "../../ws";
import { connectionInit, endings, parseFrame } from "../realtime-probe";
import type { AppSyncCredentials } from "../variants";
import { encodeEventSubprotocol, eventAuthHeader, signedBody, type EventVariant } from "./auth";
import type { EventEndpoints } from "./endpoints";

/**
 * One Event API WebSocket exchange, the way the developer guide and aws-amplify do it:
 * subprotocols `aws-appsync-event-ws` + `header-<base64url>`, `connection_init`, then one
 * `subscribe` or one `publish` carrying its own authorization; it ends at the answer
 * (`subscribe_success` / `subscribe_error`, `publish_success` / `publish_error`) or at a
 * `connection_error`. Errors are read from the frame's top-level `errors`.
 */

export type EventStage = "connect" | "connection_ack" | "subscribe_success" | "publish_success";

export interface EventProbeOutcome {
  ok: boolean;
  reached: EventStage | "none";
  errorType?: string;
  message?: string;
  closeCode?: number;
  closeReason?: string;
  /** What the sandbox says no public source confirms about the error frame (its `x-sandbox-unconfirmed` field). */
  unconfirmed?: string;
  frames: WsFrame[];
  url: string;
  protocols: string[];
}

interface EventProbeInput {
  action: "subscribe" | "publish";
  variant: EventVariant;
  endpoints: EventEndpoints;
  channel: string;
  /** What a publish sends: JSON strings. */
  events?: readonly string[];
  credentials: AppSyncCredentials;
  region: string;
  createSocket: WebSocketFactory;
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function probeEvents(input: EventProbeInput): Promise<EventProbeOutcome> {
  const { endpoints, credentials, region, variant, channel } = input;
  const protocols = ["aws-appsync-event-ws", encodeEventSubprotocol(await eventAuthHeader(variant, endpoints, credentials, region))];
  const events = input.action === "publish" ? (input.events ?? []) : undefined;
  const authorization = await eventAuthHeader(variant, endpoints, credentials, region, signedBody(channel, events));
  const outcome: EventProbeOutcome = { ok: false, reached: "none", frames: [], url: endpoints.realtimeUrl, protocols };
  const send = (control: ProbeControl<EventProbeOutcome>, frame: object) => control.send(JSON.stringify(frame));

  return runSocketProbe(outcome, { url: endpoints.realtimeUrl, protocols, createSocket: input.createSocket, timeoutMs: input.timeoutMs, signal: input.signal }, {
    ...connectionInit(outcome, endpoints.realtimeUrl),
    message(text, control) {
      const frame = parseFrame<{ type?: string; errors?: { errorType?: string; message?: string }[]; [UNCONFIRMED_WORDING_HEADER]?: string }>(text);
      if (!frame) return;
      switch (frame.type) {
        case "connection_ack":
          outcome.reached = "connection_ack";
          send(control, { id: "probe-1", type: input.action, channel, ...(events ? { events } : {}), authorization });
          return;
        case "subscribe_success":
        case "publish_success":
          outcome.reached = frame.type;
          return control.finish({ ok: true });
        case "subscribe_error":
        case "publish_error":
        case "connection_error":
        case "error": {
          const first = frame.errors?.[0];
          const unconfirmed = frame[UNCONFIRMED_WORDING_HEADER];
          return control.finish({ errorType: first?.errorType, message: first?.message ?? `AppSync sent ${frame.type}.`, ...(unconfirmed ? { unconfirmed } : {}) });
        }
      }
    },
    ...endings(outcome, input.timeoutMs),
  });
}
