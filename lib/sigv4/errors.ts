/** Why a request could not be signed or presigned: the caller's input, not AWS's answer. */
export type SigV4InputErrorCode = "ERR_SIGV4_URL" | "ERR_SIGV4_EXPIRES" | "ERR_SIGV4_CREDENTIALS";

export class SigV4InputError extends Error {
  override readonly name = "SigV4InputError";
  constructor(
    readonly code: SigV4InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
