import { sendPrepared, type Exchange } from "../http/exchange";
import { toCurl, type CommandAuth } from "../http/command-line";
import { curlCannotSign, nodeSigV4Command } from "../http/node-sigv4-command";
import { redactText } from "../redact";
import { unconfirmedWording } from "../http/unconfirmed-wording";
import type { TestCallResult } from "../test-calls/types";
import { interpretGatewayResponse, interpretRuntimeResponse, type Verdict } from "./response";
import { runtimeErrorMeaning } from "./runtime-errors";
import { sseChunksOf, tapSse } from "./tap-sse";

/** Sending one prepared AgentCore HTTP request and turning the exchange into a test call. */

interface SendContext {
  path: "browser" | "relay";
  timeoutMs: number;
  signal: AbortSignal;
  fetchImpl?: typeof fetch;
}

/** Sends; for a streamed reply, `onText` gets each chunk as it arrives (or, via the relay, after). */
export async function sendStreaming(request: Parameters<typeof sendPrepared>[0], ctx: SendContext, onText?: (text: string) => void): Promise<Exchange> {
  const base = ctx.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const tap = tapSse(base, (text) => onText?.(text));
  const exchange = await sendPrepared(request, { path: ctx.path, timeoutMs: ctx.timeoutMs, signal: ctx.signal, fetchImpl: tap.fetch });
  const streamed = (exchange.response?.headers["content-type"] ?? "").includes("text/event-stream");
  if (onText && streamed && tap.count() === 0) for (const text of sseChunksOf(exchange.response!.body)) onText(text);
  return exchange;
}

function describe(exchange: Exchange): string {
  const { method, url, headers, body } = exchange.request;
  return `${method} ${url}\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${body ?? ""}`;
}

function responseText(exchange: Exchange): string | undefined {
  const r = exchange.response;
  if (!r) return undefined;
  return `HTTP ${r.status}\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${redactText(r.body)}`;
}

function result(exchange: Exchange, verdict: Verdict | undefined, passSummary: string, notes: string[], auth?: CommandAuth): TestCallResult {
  const copied = auth?.kind === "sigv4" && curlCannotSign(exchange.request.url, auth) ? nodeSigV4Command(exchange.request, auth) : { command: toCurl(exchange.request, auth), notes: [] };
  const detail = {
    request: describe(exchange),
    command: copied.command,
    ...(exchange.response ? { response: responseText(exchange) } : {}),
    notes: [`Sent ${exchange.path === "relay" ? "through the dashboard's relay" : "from this browser"}.`, ...notes, ...copied.notes],
  };
  const base = { latencyMs: exchange.latencyMs, path: exchange.path, detail };
  if (exchange.outcome === "cors-blocked") return { ...base, outcome: "blocked", summary: exchange.message, relayAvailable: true };
  if (!exchange.response || !verdict) return { ...base, outcome: "error", summary: exchange.message };
  const status = exchange.response.status;
  const unconfirmed = unconfirmedWording(exchange.response.headers);
  if (verdict.ok) return { ...base, outcome: "pass", summary: passSummary, status };
  return {
    ...base,
    outcome: "fail",
    status,
    ...(verdict.errorType ? { errorType: verdict.errorType } : {}),
    ...(verdict.message ? { message: verdict.message } : {}),
    summary: `${status} ${verdict.errorType ?? ""}${verdict.errorType && verdict.message ? ": " : ""}${verdict.message ?? ""}`.trim(),
    ...(unconfirmed ? { unconfirmed } : {}),
  };
}

export function runtimeResult(exchange: Exchange, notes: string[], auth?: CommandAuth): TestCallResult {
  const r = exchange.response;
  const verdict = r ? interpretRuntimeResponse(r.status, r.body, r.headers) : undefined;
  let summary = r ? `${r.status} OK` : "";
  if (r && verdict?.ok) {
    const streamed = (r.headers["content-type"] ?? "").includes("text/event-stream");
    const text = streamed ? sseChunksOf(r.body).join("") : r.body;
    summary = `${r.status} OK${streamed ? ` (streamed ${sseChunksOf(r.body).length} chunks)` : ""}: ${text.slice(0, 80)}`;
  }
  return explainRuntimeError(result(exchange, verdict, summary, notes, auth));
}

/**
 * A runtime error that is not about credentials (424 agent failure, 429 throttling, 409 busy
 * session, 402 quota) is named in words, with what to do, rather than left as a bare status.
 */
function explainRuntimeError(call: TestCallResult): TestCallResult {
  if (call.outcome !== "fail") return call;
  const meaning = runtimeErrorMeaning(call.status, call.errorType);
  if (!meaning) return call;
  const said = call.message ? ` AgentCore said: "${call.message}"` : "";
  return {
    ...call,
    summary: `${call.status} ${call.errorType ?? ""}: ${meaning.meaning}`.replace(/ {2,}/g, " "),
    detail: call.detail && {
      ...call.detail,
      notes: [...(call.detail.notes ?? []), `${meaning.meaning}${said}`, `What to do: ${meaning.action}${meaning.retry ? " (retryable)" : ""}`],
    },
  };
}

export function gatewayResult(exchange: Exchange, notes: string[], auth?: CommandAuth): TestCallResult {
  const r = exchange.response;
  const verdict = r ? interpretGatewayResponse(r.status, r.body, r.headers) : undefined;
  const tools = verdict?.toolNames;
  const summary = r ? `${r.status} OK${tools ? `: ${tools.length} tool(s): ${tools.join(", ")}` : ""}` : "";
  return result(exchange, verdict, summary, notes, auth);
}
