/**
 * Sending through the dashboard's relay (`/api/relay`): the request goes unchanged inside a JSON
 * envelope, and the relay's own refusals (marked `x-relay-error`) are told apart from the
 * endpoint's answers, which come back with the endpoint's status.
 */
import { isRelayErrorCode, RELAY_ERRORS, type RelayErrorCode } from "./errors";
import { readCappedText } from "./read-body";
import type { RelayEnvelope } from "./relay-envelope";
import { errorText, recordResponse } from "./response-record";
import { statusLine } from "./send-direct";
import type { Attempt, ExchangeOutcome, PreparedRequest } from "./types";

interface RelayContext {
  fetchImpl: typeof fetch;
  signal: AbortSignal;
  relayUrl: string;
}

/** How a relay code reads in the test calls: the endpoint's fault or the relay's refusal. */
const OUTCOME_OF: Partial<Record<RelayErrorCode, ExchangeOutcome>> = {
  "unreachable:relay": "network-error",
  "timeout:relay": "timeout",
};

export async function sendViaRelay(request: PreparedRequest, url: URL, ctx: RelayContext): Promise<Attempt> {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "POST") {
    return { outcome: "relay-refused", relayError: "invalid:relay", message: `The relay forwards GET and POST only, not ${method}.` };
  }
  const envelope: RelayEnvelope = { method, url: url.href, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) };
  let response: Response;
  try {
    response = await ctx.fetchImpl(ctx.relayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(envelope),
      credentials: "same-origin",
      cache: "no-store",
      signal: ctx.signal,
    });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return { outcome: "network-error", relayError: "unavailable:relay", message: `The relay at ${ctx.relayUrl} did not answer (${errorText(error)}).` };
  }
  const code = response.headers.get("x-relay-error");
  if (code !== null) return refusal(code, response);
  if (response.headers.get("x-relay") !== "1") {
    await response.body?.cancel().catch(() => undefined);
    return {
      outcome: "relay-refused",
      relayError: "unavailable:relay",
      message: `The relay at ${ctx.relayUrl} is not available (HTTP ${response.status}); a static deployment has no relay.`,
    };
  }
  try {
    const recorded = await recordResponse(response);
    return { outcome: "answered", message: `${url.host} answered ${statusLine(recorded.status, recorded.statusText)} (through the relay).`, response: recorded };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const cap = response.headers.get("x-relay-max-bytes");
    return {
      outcome: "network-error",
      message: `${url.host} answered ${response.status}, but the answer broke off in the relay${cap ? ` (it passes at most ${cap} bytes)` : ""}: ${errorText(error)}.`,
    };
  }
}

async function refusal(code: string, response: Response): Promise<Attempt> {
  const relayError: RelayErrorCode = isRelayErrorCode(code) ? code : "internal:relay";
  let message: string = RELAY_ERRORS[relayError].message;
  try {
    const body = JSON.parse((await readCappedText(response.body, 16 * 1024)).text) as { message?: unknown };
    if (typeof body.message === "string") message = body.message;
  } catch {
    // keep the table's message
  }
  const outcome = OUTCOME_OF[relayError] ?? "relay-refused";
  return { outcome, relayError, message: outcome === "relay-refused" ? `The relay refused: ${message}` : message };
}
