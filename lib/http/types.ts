/**
 * The exchange model the test calls records: what was sent (redacted), what came back, by which
 * path, and — when nothing came back — a plain-words reason naming the endpoint.
 */
import type { RelayErrorCode } from "./errors";

export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type ExchangePath = "browser" | "relay";

/**
 * answered        the endpoint answered (any status: a 403 is a finding, not a failure to send)
 * cors-blocked    the endpoint is up but the browser withheld its answer (CORS)
 * network-error   no connection: refused, DNS, TLS, mixed content, or the relay could not reach it
 * timeout         no answer within the deadline
 * cancelled       the caller aborted
 * relay-refused   the relay would not forward it (host not allowed, too large, rate limit…)
 */
export type ExchangeOutcome = "answered" | "cors-blocked" | "network-error" | "timeout" | "cancelled" | "relay-refused";

export interface ExchangeResponse {
  status: number;
  statusText: string;
  /** Lower-case names; in the browser only the headers CORS exposes. */
  headers: Record<string, string>;
  /** Text, cut at MAX_SHOWN_BODY_BYTES with a note at the end. Not redacted unless asked. */
  body: string;
  truncated: boolean;
}

export interface Exchange {
  /** A redacted copy: safe to show, copy and store. */
  request: PreparedRequest;
  response?: ExchangeResponse;
  path: ExchangePath;
  latencyMs: number;
  /** ISO 8601. */
  startedAt: string;
  outcome: ExchangeOutcome;
  message: string;
  /** Set when the relay refused or reported the failure. */
  relayError?: RelayErrorCode;
}

export interface SendOptions {
  path: ExchangePath;
  /** Default 10 000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Default `/api/relay`. */
  relayUrl?: string;
  /** The fetch to use; the page passes one saved before any library could patch `fetch`. */
  fetchImpl?: typeof fetch;
  /** The page's origin, for messages and the mixed-content check; defaults to `location.origin`. */
  pageOrigin?: string;
  /**
   * Redact the answer too. Off by default because callers parse answers (GraphQL data,
   * introspection) and redaction may change them; turn it on where an exchange is stored or
   * shown whole. Display code redacts answers itself (`redactText(exchange.response.body)`).
   */
  redactResponse?: boolean;
}

/** What one way of sending produced, before timing and redaction are added. */
export interface Attempt {
  outcome: ExchangeOutcome;
  message: string;
  response?: ExchangeResponse;
  relayError?: RelayErrorCode;
}

export const MAX_SHOWN_BODY_BYTES = 256 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RELAY_URL = "/api/relay";
