import type { AppSyncEventApi } from "../../config/environment";
import { sendPrepared } from "../../http/exchange";
import { redactText } from "../../redact";
import type { TestCall, TestCallResult } from "../../test-calls/types";
import type { WebSocketFactory } from "../../ws";
import { httpResult } from "../test-calls";
import { commandAuthFor, missingFor, type AppSyncCredentials } from "../variants";
import { buildPublishRequest, EVENT_VARIANTS } from "./auth";
import { eventEndpoints } from "./endpoints";
import { probeEvents, type EventProbeOutcome } from "./probe";
import { eventWsCommand } from "./ws-command";

/**
 * Three rows for an Event API — HTTP publish, WebSocket subscribe, WebSocket publish — by the
 * same credential variants as the GraphQL rows. Each namespace has its own publish and subscribe
 * modes, so the point is to see which operation takes which credential on the configured channel.
 */
export const EVENT_ROWS = {
  http: "events-http-publish",
  subscribe: "events-ws-subscribe",
  publish: "events-ws-publish",
} as const;

export const EVENT_ROW_LABEL: Record<(typeof EVENT_ROWS)[keyof typeof EVENT_ROWS], string> = {
  [EVENT_ROWS.http]: "Events HTTP publish",
  [EVENT_ROWS.subscribe]: "Events WebSocket subscribe",
  [EVENT_ROWS.publish]: "Events WebSocket publish",
};

interface EventTestCallsInput {
  api: AppSyncEventApi;
  credentials: AppSyncCredentials;
  createSocket: WebSocketFactory;
  fetchImpl?: typeof fetch;
}

/** What each publish sends: one event, a JSON string saying where it came from. */
const eventFor = (row: string, variant: string) => [JSON.stringify({ from: "auth-flow-debugger", row, variant })];

export function eventTestCalls(input: EventTestCallsInput): TestCall[] {
  const { api } = input;
  const endpoints = eventEndpoints(api.url);
  // The Event API's own key, not the GraphQL API's.
  const credentials: AppSyncCredentials = { ...input.credentials, apiKey: api.apiKey };
  const calls: TestCall[] = [];
  for (const variant of EVENT_VARIANTS) {
    calls.push({
      row: EVENT_ROWS.http,
      column: variant,
      run: async (ctx) => {
        const missing = missingFor(variant, credentials);
        if (missing) return { outcome: "not-run", summary: missing };
        const request = await buildPublishRequest(variant, endpoints, api.channel, eventFor(EVENT_ROWS.http, variant), credentials, api.region);
        const exchange = await sendPrepared(request, { path: ctx.path, timeoutMs: ctx.timeoutMs, signal: ctx.signal, fetchImpl: input.fetchImpl });
        return httpResult(exchange, commandAuthFor(variant, api.region, credentials));
      },
    });
  }
  for (const action of ["subscribe", "publish"] as const) {
    for (const variant of EVENT_VARIANTS) {
      const row = action === "subscribe" ? EVENT_ROWS.subscribe : EVENT_ROWS.publish;
      calls.push({
        row,
        column: variant,
        run: async (ctx) => {
          const missing = missingFor(variant, credentials);
          if (missing) return { outcome: "not-run", summary: missing };
          const events = action === "publish" ? eventFor(row, variant) : undefined;
          const started = Date.now();
          const outcome = await probeEvents({ action, variant, endpoints, channel: api.channel, ...(events ? { events } : {}), credentials, region: api.region, createSocket: input.createSocket, timeoutMs: ctx.timeoutMs, signal: ctx.signal });
          return wsResult(outcome, Date.now() - started, eventWsCommand(action, variant, endpoints, api.channel, events, api.region));
        },
      });
    }
  }
  return calls;
}

function wsResult(outcome: EventProbeOutcome, latencyMs: number, command: { command: string; notes: string[] }): TestCallResult {
  const detail = {
    request: `WebSocket ${redactText(outcome.url)}\nSec-WebSocket-Protocol: ${outcome.protocols.map(redactText).join(", ")}`,
    command: command.command,
    response:
      outcome.frames.map((f) => `${f.dir === "out" ? "→" : "←"} +${f.at}ms ${redactText(f.data)}`).join("\n") +
      (outcome.closeCode !== undefined ? `\n(closed ${outcome.closeCode}${outcome.closeReason ? ` ${outcome.closeReason}` : ""})` : ""),
    notes: [`The exchange reached ${outcome.reached}.`, ...command.notes],
  };
  if (outcome.ok) return { outcome: "pass", summary: outcome.reached === "publish_success" ? "Published (publish_success)" : "Subscribed (subscribe_success)", latencyMs, detail };
  return {
    outcome: outcome.errorType !== undefined ? "fail" : "error",
    summary: `${outcome.errorType ? `${outcome.errorType}: ` : ""}${outcome.message ?? "Failed"}`,
    errorType: outcome.errorType,
    message: outcome.message,
    ...(outcome.unconfirmed ? { unconfirmed: outcome.unconfirmed } : {}),
    latencyMs,
    detail,
  };
}
