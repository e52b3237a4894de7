import type { AppSyncApi } from "../config/environment";
import { sendPrepared, type Exchange } from "../http/exchange";
import { toCurl, type CommandAuth } from "../http/command-line";
import { unconfirmedWording } from "../http/unconfirmed-wording";
import { redactText } from "../redact";
import type { TestCallResult, TestCall } from "../test-calls/types";
import { appSyncEndpoints } from "./endpoints";
import { buildGraphqlRequest, type GraphqlOperation } from "./http-request";
import type { WebSocketFactory } from "../ws";
import { probeRealtime, type RealtimeOutcome } from "./realtime-probe";
import { interpretAppSyncResponse } from "./response";
import { appSyncVariantsFor, commandAuthFor, missingFor, type AppSyncCredentials, type AppSyncVariant } from "./variants";
import { realtimeCommand } from "./realtime-command";

export const APPSYNC_ROWS = {
  http: "appsync-http",
  realtime: "appsync-realtime",
} as const;

interface AppSyncTestCallsInput {
  api: AppSyncApi;
  query: GraphqlOperation;
  subscription?: GraphqlOperation;
  /** A mutation that makes the subscription fire; without one the realtime cell stops at start_ack. */
  trigger?: GraphqlOperation;
  credentials: AppSyncCredentials;
  createSocket: WebSocketFactory;
  /** The fetch to send with (the page passes one saved before anything could patch it). */
  fetchImpl?: typeof fetch;
}

/** One cell per credential variant for the HTTP row, and one per variant for the realtime row. */
export function appSyncTestCalls(input: AppSyncTestCallsInput): TestCall[] {
  const endpoints = appSyncEndpoints(input.api.url);
  const variants = appSyncVariantsFor(input.api);
  const testCalls: TestCall[] = variants.map((variant) => ({
    row: APPSYNC_ROWS.http,
    column: variant,
    run: async (ctx) => {
      const missing = missingFor(variant, input.credentials);
      if (missing) return { outcome: "not-run", summary: missing };
      const request = await buildGraphqlRequest(variant, endpoints, input.query, input.credentials, input.api.region);
      const exchange = await sendPrepared(request, { path: ctx.path, timeoutMs: ctx.timeoutMs, signal: ctx.signal, fetchImpl: input.fetchImpl });
      return httpResult(exchange, commandAuthFor(variant, input.api.region, input.credentials));
    },
  }));
  if (input.subscription) {
    const subscription = input.subscription;
    for (const variant of variants) {
      testCalls.push({
        row: APPSYNC_ROWS.realtime,
        column: variant,
        run: async (ctx) => {
          const missing = missingFor(variant, input.credentials);
          if (missing) return { outcome: "not-run", summary: missing };
          const started = Date.now();
          const outcome = await probeRealtime({
            variant,
            endpoints,
            subscription,
            credentials: input.credentials,
            region: input.api.region,
            createSocket: input.createSocket,
            timeoutMs: ctx.timeoutMs,
            signal: ctx.signal,
            afterStart: input.trigger ? () => triggerMutation(variant, input, ctx.signal) : undefined,
          });
          return realtimeResult(outcome, Date.now() - started, realtimeCommand(variant, endpoints, subscription, input.api.region));
        },
      });
    }
  }
  return testCalls;
}

/** The mutation that publishes to the subscription, sent with the same variant. */
async function triggerMutation(variant: AppSyncVariant, input: AppSyncTestCallsInput, signal: AbortSignal): Promise<void> {
  const request = await buildGraphqlRequest(variant, appSyncEndpoints(input.api.url), input.trigger!, input.credentials, input.api.region);
  const exchange = await sendPrepared(request, { path: "browser", timeoutMs: 10_000, signal, fetchImpl: input.fetchImpl });
  const verdict = exchange.response ? interpretAppSyncResponse(exchange.response.status, exchange.response.body) : undefined;
  if (!verdict?.ok) throw new Error(verdict?.message ?? exchange.message);
}

/** `auth` turns the command into one that reproduces the call (placeholders for the credential). */
export function httpResult(exchange: Exchange, auth?: CommandAuth): TestCallResult {
  const detail = {
    request: describeRequest(exchange),
    command: toCurl(exchange.request, auth),
    response: exchange.response
      ? `HTTP ${exchange.response.status}\n${Object.entries(exchange.response.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${redactText(exchange.response.body)}`
      : undefined,
    notes: [`Sent ${exchange.path === "relay" ? "through the dashboard's relay" : "from this browser"}.`],
  };
  const base = { latencyMs: exchange.latencyMs, path: exchange.path, detail };
  if (exchange.outcome === "cors-blocked") return { ...base, outcome: "blocked", summary: exchange.message, relayAvailable: true };
  if (!exchange.response) return { ...base, outcome: "error", summary: exchange.message };
  const { status, body, headers } = exchange.response;
  const verdict = interpretAppSyncResponse(status, body, headers["x-amzn-errortype"]);
  const unconfirmed = unconfirmedWording(headers);
  if (verdict.ok) return { ...base, outcome: "pass", summary: `${status} OK`, status };
  return {
    ...base,
    outcome: "fail",
    status,
    errorType: verdict.errorType,
    message: verdict.message,
    summary: [`${status}`, [verdict.errorType, verdict.message].filter(Boolean).join(": ")].filter(Boolean).join(" "),
    ...(unconfirmed ? { unconfirmed } : {}),
  };
}

function realtimeResult(outcome: RealtimeOutcome, latencyMs: number, command: { command?: string; notes: string[] }): TestCallResult {
  const detail = {
    request: `WebSocket ${redactText(outcome.url)}\nSec-WebSocket-Protocol: ${outcome.protocols.map(redactText).join(", ")}`,
    ...(command.command ? { command: command.command } : {}),
    response:
      outcome.frames.map((f) => `${f.dir === "out" ? "→" : "←"} +${f.at}ms ${redactText(f.data)}`).join("\n") +
      (outcome.closeCode !== undefined ? `\n(closed ${outcome.closeCode}${outcome.closeReason ? ` ${outcome.closeReason}` : ""})` : ""),
    notes: [`The handshake reached ${outcome.reached}.`, ...command.notes],
  };
  if (outcome.ok) return { outcome: "pass", summary: `Subscribed (${outcome.reached})`, latencyMs, detail };
  const refused = outcome.errorType !== undefined;
  return {
    outcome: refused ? "fail" : "error",
    summary: `${outcome.errorType ? `${outcome.errorType}: ` : ""}${outcome.message ?? "Failed"}`,
    errorType: outcome.errorType,
    message: outcome.message,
    latencyMs,
    detail,
  };
}

function describeRequest(exchange: Exchange): string {
  const { method, url, headers, body } = exchange.request;
  return `${method} ${url}\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${body ?? ""}`;
}
