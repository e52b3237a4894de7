/**
 * lib/http, browser side: send a prepared request directly or through the relay, show it as a
 * command line, and let AWS SDK clients use the relay. The relay itself (server side) is
 * `relay-core.ts`, imported by the route only.
 */
export { sendPrepared, redactRequest } from "./exchange";
export { toCurl, toWebsocat, shellQuote } from "./command-line";
export { RelayHttpHandler, toEnvelope, type RelayHttpHandlerConfig } from "./relay-handler";
export { RelayError, RELAY_ERRORS, isRelayErrorCode, type RelayErrorCode } from "./errors";
export type { RelayEnvelope } from "./relay-envelope";
export {
  MAX_SHOWN_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_RELAY_URL,
  type Exchange,
  type ExchangeOutcome,
  type ExchangePath,
  type ExchangeResponse,
  type PreparedRequest,
  type SendOptions,
} from "./types";
