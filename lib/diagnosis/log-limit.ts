import { AppError } from "../errors";

/**
 * How big a log may be scanned, apart from the scanner, so a page can check a file's size (and
 * say so) without loading the knowledge base.
 */

export const LOG_LIMIT_BYTES = 10 * 1024 * 1024;

/** UTF-8 length without encoding a copy: ASCII counts as its length, only other runs are walked. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (const m of text.matchAll(/[^\x00-\x7f]+/g)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      // One UTF-16 unit is already counted: add the rest. A surrogate pair (2 units) is 4 bytes.
      if (c < 0x800) bytes += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < run.length) {
        bytes += 2;
        i++;
      } else bytes += 2;
    }
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Throws when a log of `bytes` is over the limit, naming its size. */
export function checkLogSize(bytes: number): void {
  if (bytes > LOG_LIMIT_BYTES) {
    throw new AppError(
      "too-large:diagnose-log",
      `This log is ${formatBytes(bytes)} (${bytes.toLocaleString("en-US")} bytes); logs up to 10 MB (${LOG_LIMIT_BYTES.toLocaleString("en-US")} bytes) can be scanned. Keep the part around the failure, or split the file, and scan that.`,
    );
  }
}
