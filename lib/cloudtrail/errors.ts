/**
 * Errors of the file path, with stable codes a caller can branch on (jose-style). Only a file
 * that cannot be read at all throws; damaged records are counted in the result instead.
 */

export type TrailFileErrorCode =
  /** Nothing in the file. */
  | "ERR_TRAIL_EMPTY"
  /** Not JSON at all (e.g. the console's CSV download). */
  | "ERR_TRAIL_NOT_JSON"
  /** The stream itself failed (disk, network) before the end. */
  | "ERR_TRAIL_READ"
  /** The caller cancelled. */
  | "ERR_TRAIL_ABORTED";

export class TrailFileError extends Error {
  override readonly name = "TrailFileError";
  constructor(
    readonly code: TrailFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isTrailFileError = (error: unknown): error is TrailFileError => error instanceof TrailFileError;
