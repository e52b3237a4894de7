/**
 * Redaction of one value whose meaning is known (a header value, the value after `password=`).
 * The rule throughout: keep what a person debugging needs (JWT claims, which key id, which API
 * key), drop what would let someone replay the call (signatures, secrets, tokens).
 */
import { redactAuthorization as redactSigV4Authorization, REDACTED } from "../sigv4/redact";
import { ACCESS_KEY_ID_SOURCE, JWE_EXACT, JWT_EXACT, REDACTED_JWT_EXACT } from "./shapes";

export { REDACTED };

const ACCESS_KEY_ID = new RegExp(ACCESS_KEY_ID_SOURCE, "g");
const APPSYNC_API_KEY_EXACT = /^da2-[A-Za-z0-9]+$/;

/** `header.payload.signature` → `header.payload.…redacted…`: the claims stay readable. */
export function redactJwt(token: string): string {
  const lastDot = token.lastIndexOf(".");
  return `${token.slice(0, lastDot + 1)}${REDACTED}`;
}

/** `ASIAIOSFODNN7EXAMPLE` → `ASIA…MPLE`: enough to tell keys apart, not enough to use one. */
export function shortenAccessKeyId(id: string): string {
  return `${id.slice(0, 4)}…${id.slice(-4)}`;
}

function shortenAccessKeyIds(text: string): string {
  return text.replace(ACCESS_KEY_ID, shortenAccessKeyId);
}

/** `da2-abcdefghijklmnopqrstuvwxyz` → `da2-…wxyz`: which of the API's keys it was. */
export function shortenApiKey(key: string): string {
  return `da2-…${key.slice(-4)}`;
}

export const isJwt = (text: string): boolean => JWT_EXACT.test(text) || REDACTED_JWT_EXACT.test(text);

/**
 * A value known to be secret (it sat under `password`, `x-api-key`, `SessionToken`, …). Only
 * shapes that are safe to partly show survive partly; everything else is replaced whole.
 */
/**
 * A shell variable reference (`$API_KEY`, `${ACCESS_TOKEN}`), or printf's `%s` that a copied
 * command fills from one, is where the secret goes, not a secret: kept, so the command still
 * runs after redaction.
 */
const SHELL_VARIABLE = /^(?:\$(?:[A-Z_][A-Z0-9_]*|\{[A-Z_][A-Z0-9_]*\})|%s)$/;

export function redactSecretValue(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === REDACTED || SHELL_VARIABLE.test(trimmed)) return value;
  if (JWE_EXACT.test(trimmed)) return REDACTED;
  if (REDACTED_JWT_EXACT.test(trimmed)) return trimmed;
  if (JWT_EXACT.test(trimmed)) return redactJwt(trimmed);
  if (APPSYNC_API_KEY_EXACT.test(trimmed)) return shortenApiKey(trimmed);
  if (/^da2-…[A-Za-z0-9]{4}$/.test(trimmed)) return trimmed;
  return REDACTED;
}

/**
 * An `Authorization` value. SigV4 keeps key id (shortened), scope and signed headers — that is
 * what tells a wrong region or a missing header apart — and loses its signature (lib/sigv4's
 * rule). A JWT, with or without `Bearer`, keeps its claims. Anything else (an opaque bearer
 * token, a Lambda-authorizer string, Basic credentials) keeps only its scheme word.
 */
export function redactAuthorizationValue(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === REDACTED) return value;
  if (/^AWS4-/i.test(trimmed)) return isSigV4Authorization(trimmed) ? shortenAccessKeyIds(redactSigV4Authorization(trimmed)) : REDACTED;
  const match = /^(?:([A-Za-z][A-Za-z0-9_-]*)\s+)?(\S+)$/.exec(trimmed);
  const scheme = match?.[1];
  const credential = match?.[2];
  if (credential !== undefined && SHELL_VARIABLE.test(credential)) return value;
  if (credential !== undefined && isJwt(credential)) {
    return `${scheme ? `${scheme} ` : ""}${REDACTED_JWT_EXACT.test(credential) ? credential : redactJwt(credential)}`;
  }
  const schemeWord = /^(Bearer|Basic|Digest|Negotiate|Token)\s/i.exec(trimmed)?.[1];
  return schemeWord ? `${schemeWord} ${REDACTED}` : REDACTED;
}

/**
 * Only a well-formed SigV4 value keeps its parts: after the algorithm, nothing but
 * `Credential=`, `SignedHeaders=` and `Signature=` — so a custom token that merely starts with
 * `AWS4-` is not half shown.
 */
function isSigV4Authorization(value: string): boolean {
  const match = /^AWS4-[A-Z0-9-]+\s+(.*)$/is.exec(value);
  if (!match?.[1]) return false;
  return match[1].split(",").every((part) => /^(?:Credential|SignedHeaders|Signature)=[^\s,]*$/i.test(part.trim()));
}
