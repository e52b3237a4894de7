/**
 * A smithy `HttpHandler` for AWS SDK v3 clients in the browser: each request, already signed by
 * the SDK, goes through the dashboard's relay unchanged. So `new STSClient({ …, requestHandler:
 * new RelayHttpHandler() })` works from a page although STS sends no CORS headers.
 *
 * Relay refusals are thrown as `RelayError` (stable `code`); the endpoint's own answers, errors
 * included, are returned for the SDK to parse as usual.
 */
import { HttpResponse, type HttpHandler, type HttpHandlerOptions, type HttpRequest } from "@smithy/protocol-http";
import { isRelayErrorCode, RELAY_ERRORS, RelayError } from "./errors";
import type { RelayEnvelope } from "./relay-envelope";
import { headerRecord } from "./response-record";
import { DEFAULT_RELAY_URL } from "./types";

interface RelayHttpHandlerConfig {
  /** Default `/api/relay` (same origin); tests and other hosts pass an absolute URL. */
  relayUrl?: string;
  fetchImpl?: typeof fetch;
  /** Milliseconds before the call is abandoned; the relay's own deadline is 30 s. */
  requestTimeout?: number;
}

export class RelayHttpHandler implements HttpHandler<RelayHttpHandlerConfig> {
  private config: RelayHttpHandlerConfig;

  constructor(config: RelayHttpHandlerConfig = {}) {
    this.config = { ...config };
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const relayUrl = this.config.relayUrl ?? DEFAULT_RELAY_URL;
    const fetchImpl = this.config.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    const envelope = toEnvelope(request);
    const signal = combinedSignal(options.abortSignal as AbortSignal | undefined, options.requestTimeout ?? this.config.requestTimeout);
    let response: Response;
    try {
      response = await fetchImpl(relayUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(envelope),
        credentials: "same-origin",
        cache: "no-store",
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      // The SDK recognises aborts by name; keep it so cancellation reads as cancellation.
      if (signal?.aborted) throw Object.assign(new Error("Request aborted"), { name: "AbortError", cause: error });
      throw new RelayError("unavailable:relay", `The relay at ${relayUrl} did not answer.`);
    }
    const code = response.headers.get("x-relay-error");
    if (code !== null) throw await relayRefusal(code, response);
    if (response.headers.get("x-relay") !== "1") {
      throw new RelayError("unavailable:relay", `The relay at ${relayUrl} is not available (HTTP ${response.status}).`);
    }
    const body = new Uint8Array(await response.arrayBuffer());
    return {
      response: new HttpResponse({ statusCode: response.status, reason: response.statusText, headers: headerRecord(response.headers), body }),
    };
  }

  updateHttpClientConfig(key: keyof RelayHttpHandlerConfig, value: RelayHttpHandlerConfig[typeof key]): void {
    this.config = { ...this.config, [key]: value };
  }

  httpHandlerConfigs(): RelayHttpHandlerConfig {
    return this.config;
  }

  destroy(): void {}
}

/** The URL exactly as smithy's FetchHttpHandler builds it, so it matches what was signed. */
export function toEnvelope(request: HttpRequest): RelayEnvelope {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "POST") throw new RelayError("invalid:relay", `The relay forwards GET and POST only, not ${method}.`);
  const query = buildQueryString(request.query ?? {});
  const url = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ""}${request.path}${query ? `?${query}` : ""}`;
  const body = method === "POST" ? bodyText(request.body) : undefined;
  return { method, url, headers: { ...request.headers }, ...(body !== undefined ? { body } : {}) };
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  const bytes = body instanceof Uint8Array ? body : body instanceof ArrayBuffer ? new Uint8Array(body) : undefined;
  if (bytes) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // binary: not representable in the envelope
    }
  }
  throw new RelayError("invalid:relay", "Only text bodies can go through the relay; this request has a binary or streamed body.");
}

/** smithy's buildQueryString: keys sorted, RFC 3986 escaping (also `!'()*`). */
function buildQueryString(query: Record<string, string | Array<string | null> | null>): string {
  const escape = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (Array.isArray(value)) for (const item of value) parts.push(`${escape(key)}=${escape(item ?? "")}`);
    else parts.push(value || typeof value === "string" ? `${escape(key)}=${escape(value)}` : escape(key));
  }
  return parts.join("&");
}

function combinedSignal(signal: AbortSignal | undefined, timeoutMs: number | undefined): AbortSignal | undefined {
  const signals = [signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
  return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
}

async function relayRefusal(code: string, response: Response): Promise<RelayError> {
  const known = isRelayErrorCode(code) ? code : "internal:relay";
  const body = (await response.json().catch(() => ({}))) as { message?: unknown };
  return new RelayError(known, typeof body.message === "string" ? body.message : RELAY_ERRORS[known].message);
}
