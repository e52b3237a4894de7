import { AppError, visitorMessage } from "../errors";

/**
 * The relay's refusals, in one table: a code (`<kind>:relay[:<detail>]`, lib/errors) decides the
 * HTTP status (from its kind) and the default message, not the throw site. Messages are composed
 * only from the target's host, the limits and error codes — never from the caller's headers or
 * body — so they are safe to show and safe to return.
 */

export const RELAY_ERRORS = {
  "invalid:relay": { message: "The relay request is not a valid envelope." },
  "forbidden:relay:host": { message: "The relay only forwards to AWS endpoints of the tested services and the configured sandbox." },
  "too-large:relay": { message: "The request is larger than the relay accepts." },
  "throttled:relay": { message: "Too many relay requests from this client; wait and retry." },
  "upstream:relay:redirect": { message: "The endpoint answered with a redirect, which the relay does not follow." },
  "upstream:relay:too-large": { message: "The endpoint's answer is larger than the relay passes on." },
  "unreachable:relay": { message: "The endpoint could not be reached from the relay." },
  "timeout:relay": { message: "The endpoint did not answer the relay in time." },
  "internal:relay": { message: "The relay failed unexpectedly." },
  /** Client side only: the relay route is missing or answered with something that is not the relay. */
  "unavailable:relay": { message: "The relay is not available on this deployment." },
} as const satisfies Record<`${string}:relay${string}`, { message: string }>;

export type RelayErrorCode = keyof typeof RELAY_ERRORS;

export const isRelayErrorCode = (value: unknown): value is RelayErrorCode =>
  typeof value === "string" && Object.hasOwn(RELAY_ERRORS, value);

export class RelayError extends AppError {
  override readonly name = "RelayError";
  declare readonly code: RelayErrorCode;
  constructor(
    code: RelayErrorCode,
    /** A more specific message; must follow the rule above (no caller-supplied data but the host). */
    message: string = RELAY_ERRORS[code].message,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}

/** The JSON answer for a refusal: `{ code, message }`, status from the table, `x-relay-error: code`. */
export function relayErrorResponse(error: RelayError): Response {
  const headers: Record<string, string> = { "x-relay-error": error.code, "x-relay": "1", "cache-control": "no-store" };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  const message = visitorMessage(error, RELAY_ERRORS[error.code].message);
  return Response.json({ code: error.code, message }, { status: error.status, headers });
}
