/**
 * Secrets that travel base64-encoded, where a plain-text search cannot see them:
 * - AppSync realtime: subprotocol `header-<base64url(JSON)>` and the legacy `?header=<base64(JSON)>`
 *   carry `Authorization`, `x-api-key` or the SigV4 headers of the connect request.
 * - AgentCore WebSocket: subprotocol `base64UrlBearerAuthorization.<base64url(token)>`.
 * Each is decoded, redacted inside with the same rules, and re-encoded, so a copied handshake
 * still shows which credential was sent. What cannot be decoded is replaced whole.
 */
import { base64url } from "jose";
import { REDACTED, isJwt, redactAuthorizationValue } from "./values";

type RedactObject = (value: unknown) => unknown;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodeJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The part after `header-`; returns the replacement for that part. */
export function redactRealtimeHeaderB64url(encoded: string, redactObject: RedactObject): string {
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(encoded);
  } catch {
    return REDACTED;
  }
  const header = decodeJsonObject(bytes);
  return header ? base64url.encode(JSON.stringify(redactObject(header))) : REDACTED;
}

/** The value of the legacy `?header=` parameter: standard base64, usually percent-encoded. */
export function redactRealtimeHeaderQuery(raw: string, redactObject: RedactObject): string {
  let header: Record<string, unknown> | undefined;
  try {
    const binary = atob(decodeURIComponent(raw));
    header = decodeJsonObject(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    header = undefined;
  }
  if (!header) return REDACTED;
  let binary = "";
  for (const byte of utf8.encode(JSON.stringify(redactObject(header)))) binary += String.fromCharCode(byte);
  return encodeURIComponent(btoa(binary));
}

/**
 * The part after `base64UrlBearerAuthorization.`. A JWT inside is re-encoded without its
 * signature (its claims are what one checks against the runtime's authorizer); anything else,
 * an opaque token, is dropped.
 */
export function redactBearerSubprotocol(encoded: string): string {
  try {
    const token = strictUtf8.decode(base64url.decode(encoded));
    if (isJwt(token)) return base64url.encode(redactAuthorizationValue(token));
  } catch {
    // not base64url text: fall through and replace it
  }
  return REDACTED;
}
