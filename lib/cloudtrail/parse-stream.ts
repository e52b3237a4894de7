import { TrailFileError } from "./errors";
import { TrailParser, type TrailParseSummary, type TrailParserOptions } from "./trail-parser";
import { Utf8Text } from "./utf8-text";

/**
 * Bytes in (a File's stream in the browser's worker, a file stream in the CLI), events out.
 * Gzip is recognised by its magic bytes, not the file name, and undone with DecompressionStream
 * (browsers and Node 20 alike: no zlib, so the same code runs in the worker). Text is decoded
 * chunk by chunk (utf8-text.ts); nothing holds the whole file.
 */

export interface ParseProgress {
  /** Bytes of the input read so far (compressed bytes for a .gz). */
  bytesRead: number;
  totalBytes?: number;
  records: number;
  matches: number;
  malformed: number;
}

interface ParseStreamOptions extends TrailParserOptions {
  signal?: AbortSignal;
  totalBytes?: number;
  onProgress?: (progress: ParseProgress) => void;
  /** Report at most once per this many bytes (default 1 MiB). */
  progressEveryBytes?: number;
}

export interface TrailParseResult extends TrailParseSummary {
  gzip: boolean;
  bytesRead: number;
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

const aborted = () => new TrailFileError("aborted:trail-file", "Reading the file was cancelled.");

export async function parseTrailStream(stream: ReadableStream<Uint8Array>, options: ParseStreamOptions = {}): Promise<TrailParseResult> {
  const source = stream.getReader();
  const first = await source.read();
  if (first.done || first.value.byteLength === 0) throw new TrailFileError("invalid:trail-file:empty", "The file is empty.");
  const gzip = isGzip(first.value);
  let bytesRead = first.value.byteLength;
  const counted = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(first.value),
    async pull(controller) {
      const next = await source.read();
      if (next.done) return controller.close();
      bytesRead += next.value.byteLength;
      controller.enqueue(next.value);
    },
    cancel: (reason) => source.cancel(reason),
  });
  const bytes = gzip ? counted.pipeThrough(new DecompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : counted;

  const reader = bytes.getReader();
  const parser = new TrailParser(options);
  const text = new Utf8Text((piece) => parser.push(piece));
  const every = options.progressEveryBytes ?? 1024 * 1024;
  let reported = 0;
  let truncatedReason: string | undefined;
  const progress = () => {
    reported = bytesRead;
    const s = parser.summary;
    options.onProgress?.({ bytesRead, totalBytes: options.totalBytes, records: s.records, matches: s.matches, malformed: s.malformed.count });
  };
  try {
    for (;;) {
      if (options.signal?.aborted) throw aborted();
      const { done, value } = await reader.read();
      if (done) break;
      text.push(value);
      if (bytesRead - reported >= every) progress();
    }
  } catch (error) {
    if (error instanceof TrailFileError) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    // A .gz cut short fails inside DecompressionStream: keep what was decoded and say so.
    if (!gzip) throw new TrailFileError("unreachable:trail-file", `The file could not be read to the end: ${(error as Error).message}`);
    truncatedReason = "the gzip data ends early or is damaged; the records decompressed before that point were read";
  }
  text.end();
  const summary = parser.finish(truncatedReason);
  progress();
  return { ...summary, gzip, bytesRead };
}

/** A string already in memory (a paste, a test fixture), fed in slices like a stream. */
export function parseTrailText(text: string, options: TrailParserOptions = {}, sliceChars = 1 << 20): TrailParseSummary {
  const parser = new TrailParser(options);
  for (let i = 0; i < text.length; i += sliceChars) parser.push(text.slice(i, i + sliceChars));
  return parser.finish();
}
