/**
 * The only things lib/tokens throws. Each carries a stable `code` (jose's convention) so the
 * dashboard and the CLI can branch on the code and show the message as written.
 */

export type TokenDecodeErrorCode =
  | "ERR_TOKEN_EMPTY"
  | "ERR_TOKEN_TOO_LARGE"
  | "ERR_TOKEN_OPAQUE"
  | "ERR_TOKEN_SEGMENTS"
  | "ERR_TOKEN_JWE"
  | "ERR_TOKEN_BASE64URL"
  | "ERR_TOKEN_NOT_JSON"
  | "ERR_TOKEN_NOT_OBJECT"
  | "ERR_TOKEN_UNSIGNED";

/** 1-based, as people count the parts of `header.payload.signature`. */
export type SegmentNumber = 1 | 2 | 3;

/** The text could not be read as a signed JWT; the message says why in a person's words. */
export class TokenDecodeError extends Error {
  override readonly name = "TokenDecodeError";
  constructor(
    readonly code: TokenDecodeErrorCode,
    message: string,
    /** Which segment was at fault, when one was. */
    readonly segment?: SegmentNumber,
  ) {
    super(message);
  }
}

export type JwksErrorCode = "ERR_JWKS_FETCH" | "ERR_JWKS_INVALID";

/** The pool's key set could not be had; verification reports it as failed checks, not a crash. */
export class JwksError extends Error {
  override readonly name = "JwksError";
  constructor(
    readonly code: JwksErrorCode,
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}

export type CheckConfigErrorCode = "ERR_EXPECTATION_MISSING";

/**
 * The caller did not say what to check. Like aws-jwt-verify, a security decision never falls back
 * to a silent default: `null` is the explicit "don't check this".
 */
export class CheckConfigError extends Error {
  override readonly name = "CheckConfigError";
  constructor(
    readonly code: CheckConfigErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type TokensError = TokenDecodeError | JwksError | CheckConfigError;

export function isTokensError(error: unknown): error is TokensError {
  return error instanceof TokenDecodeError || error instanceof JwksError || error instanceof CheckConfigError;
}
