/** Why a request could not be signed or presigned: the caller's input, not AWS's answer. */
import { AppError } from "../errors";

type SigV4InputErrorCode = "invalid:sigv4:url" | "invalid:sigv4:expires" | "invalid:sigv4:credentials";

export class SigV4InputError extends AppError {
  override readonly name = "SigV4InputError";
  declare readonly code: SigV4InputErrorCode;
  constructor(code: SigV4InputErrorCode, message: string) {
    super(code, message);
  }
}
