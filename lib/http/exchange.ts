/**
 * `sendPrepared`: one request, sent from the browser or through the relay, that always settles
 * and never throws for network trouble. A deadline and the caller's signal race the attempt, so
 * even a fetch that ignores its signal cannot keep a test call spinning.
 */
import { redactHeaders, redactText, redactUrl } from "../redact";
import { errorText } from "./response-record";
import { sendDirect } from "./send-direct";
import { sendViaRelay } from "./send-relay";
import {
  DEFAULT_RELAY_URL,
  DEFAULT_TIMEOUT_MS,
  type Attempt,
  type Exchange,
  type ExchangeResponse,
  type PreparedRequest,
  type SendOptions,
} from "./types";

export type { Exchange } from "./types";

/** The copy that may be shown, stored or copied. Idempotent. */
export function redactRequest(request: PreparedRequest): PreparedRequest {
  return {
    method: request.method,
    url: redactUrl(request.url),
    headers: redactHeaders(request.headers),
    ...(request.body !== undefined ? { body: redactText(request.body) } : {}),
  };
}

function redactResponse(response: ExchangeResponse): ExchangeResponse {
  return { ...response, headers: redactHeaders(response.headers), body: redactText(response.body) };
}

const clock = () => globalThis.performance?.now() ?? Date.now();

export async function sendPrepared(request: PreparedRequest, options: SendOptions): Promise<Exchange> {
  const started = clock();
  const startedAt = new Date().toISOString();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const via = options.path === "relay" ? " (through the relay)" : "";
  const finish = (attempt: Attempt): Exchange => ({
    request: redactRequest(request),
    ...(attempt.response ? { response: options.redactResponse ? redactResponse(attempt.response) : attempt.response } : {}),
    path: options.path,
    latencyMs: Math.round(clock() - started),
    startedAt,
    outcome: attempt.outcome,
    message: attempt.message,
    ...(attempt.relayError ? { relayError: attempt.relayError } : {}),
  });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return finish({ outcome: "network-error", message: `Not a URL: ${redactUrl(request.url)}` });
  }
  const cancelled: Attempt = { outcome: "cancelled", message: `Cancelled before ${url.host} answered${via}.` };
  if (options.signal?.aborted) return finish(cancelled);

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  const stopped = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => {
      resolve({ outcome: "timeout", message: `No answer from ${url.host} within ${timeoutMs} ms${via}.` });
      controller.abort();
    }, timeoutMs);
    onAbort = () => {
      resolve(cancelled);
      controller.abort();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });

  const fetchImpl = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const ctx = { fetchImpl, signal: controller.signal };
  const attempt = (
    options.path === "relay"
      ? sendViaRelay(request, url, { ...ctx, relayUrl: options.relayUrl ?? DEFAULT_RELAY_URL })
      : sendDirect(request, url, { ...ctx, pageOrigin: options.pageOrigin })
  ).catch((error: unknown): Attempt => ({ outcome: "network-error", message: `${url.host}: ${errorText(error)}` }));

  try {
    return finish(await Promise.race([attempt, stopped]));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    controller.abort();
  }
}
