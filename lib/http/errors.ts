/**
 * The relay's refusals, in one table: a code (`relay:<what>`) decides the HTTP status and the
 * default message, not the throw site. Messages are composed only from the target's host, the
 * limits and error codes — never from the caller's headers or body — so they are safe to show
 * and safe to return.
 */

export const RELAY_ERRORS = {
  "relay:invalid": { status: 400, message: "The relay request is not a valid envelope." },
  "relay:forbidden-host": { status: 403, message: "The relay only forwards to AWS endpoints of the tested services and the configured sandbox." },
  "relay:too-large": { status: 413, message: "The request is larger than the relay accepts." },
  "relay:rate-limited": { status: 429, message: "Too many relay requests from this client; wait and retry." },
  "relay:redirect": { status: 502, message: "The endpoint answered with a redirect, which the relay does not follow." },
  "relay:upstream-too-large": { status: 502, message: "The endpoint's answer is larger than the relay passes on." },
  "relay:upstream-unreachable": { status: 502, message: "The endpoint could not be reached from the relay." },
  "relay:timeout": { status: 504, message: "The endpoint did not answer the relay in time." },
  "relay:internal": { status: 500, message: "The relay failed unexpectedly." },
  /** Client side only: the relay route is missing or answered with something that is not the relay. */
  "relay:unavailable": { status: 502, message: "The relay is not available on this deployment." },
} as const satisfies Record<`relay:${string}`, { status: number; message: string }>;

export type RelayErrorCode = keyof typeof RELAY_ERRORS;

export const isRelayErrorCode = (value: unknown): value is RelayErrorCode =>
  typeof value === "string" && Object.hasOwn(RELAY_ERRORS, value);

export class RelayError extends Error {
  override readonly name = "RelayError";
  readonly status: number;
  constructor(
    readonly code: RelayErrorCode,
    /** A more specific message; must follow the rule above (no caller-supplied data but the host). */
    message: string = RELAY_ERRORS[code].message,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = RELAY_ERRORS[code].status;
  }
}

/** The JSON answer for a refusal: `{ code, message }`, status from the table, `x-relay-error: code`. */
export function relayErrorResponse(error: RelayError): Response {
  const headers: Record<string, string> = { "x-relay-error": error.code, "x-relay": "1", "cache-control": "no-store" };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json({ code: error.code, message: error.message }, { status: error.status, headers });
}
