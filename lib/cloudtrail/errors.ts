import { AppError } from "../errors";

/**
 * Errors of the file path, with stable codes a caller can branch on (lib/errors grammar). Only a file
 * that cannot be read at all throws; damaged records are counted in the result instead.
 */

type TrailFileErrorCode =
  /** Nothing in the file. */
  | "invalid:trail-file:empty"
  /** Not JSON at all (e.g. the console's CSV download). */
  | "invalid:trail-file:not-json"
  /** The stream itself failed (disk, network) before the end. */
  | "unreachable:trail-file"
  /** The caller cancelled. */
  | "aborted:trail-file";

export class TrailFileError extends AppError {
  override readonly name = "TrailFileError";
  declare readonly code: TrailFileErrorCode;
  constructor(code: TrailFileErrorCode, message: string) {
    super(code, message);
  }
}

export const isTrailFileError = (error: unknown): error is TrailFileError => error instanceof TrailFileError;
