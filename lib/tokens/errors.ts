import { AppError } from "../errors";

/**
 * The only things lib/tokens throws. Each carries a stable `code` (lib/errors grammar) so the
 * dashboard and the CLI can branch on the code and show the message as written.
 */

export type TokenDecodeErrorCode =
  | "invalid:token:empty"
  | "too-large:token"
  | "invalid:token:opaque"
  | "invalid:token:segments"
  | "invalid:token:jwe"
  | "invalid:token:base64url"
  | "invalid:token:not-json"
  | "invalid:token:not-object"
  | "invalid:token:too-deep"
  | "invalid:token:unsigned";

/** 1-based, as people count the parts of `header.payload.signature`. */
export type SegmentNumber = 1 | 2 | 3;

/** The text could not be read as a signed JWT; the message says why in a person's words. */
export class TokenDecodeError extends AppError {
  override readonly name = "TokenDecodeError";
  declare readonly code: TokenDecodeErrorCode;
  constructor(
    code: TokenDecodeErrorCode,
    message: string,
    /** Which segment was at fault, when one was. */
    readonly segment?: SegmentNumber,
  ) {
    super(code, message);
  }
}

type JwksErrorCode = "unreachable:jwks" | "upstream:jwks:invalid";

/** The pool's key set could not be had; verification reports it as failed checks, not a crash. */
export class JwksError extends AppError {
  override readonly name = "JwksError";
  declare readonly code: JwksErrorCode;
  constructor(
    code: JwksErrorCode,
    message: string,
    readonly url: string,
  ) {
    super(code, message);
  }
}

type CheckConfigErrorCode = "invalid:token-check:expectation-missing";

/**
 * The caller did not say what to check. Like aws-jwt-verify, a security decision never falls back
 * to a silent default: `null` is the explicit "don't check this".
 */
export class CheckConfigError extends AppError {
  override readonly name = "CheckConfigError";
  declare readonly code: CheckConfigErrorCode;
  constructor(code: CheckConfigErrorCode, message: string) {
    super(code, message);
  }
}

type TokensError = TokenDecodeError | JwksError | CheckConfigError;

export function isTokensError(error: unknown): error is TokensError {
  return error instanceof TokenDecodeError || error instanceof JwksError || error instanceof CheckConfigError;
}
