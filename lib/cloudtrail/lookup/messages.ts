import type { LookupErrorCode } from "./errors";

/**
 * The NDJSON lines /api/cloudtrail streams, one JSON object per line, so the page shows progress
 * while pages arrive and can stop reading (which cancels the lookup) at any time.
 */

export type LookupMessage =
  | { type: "start"; region: string; endpoint: "aws" | "sandbox"; eventNames: string[]; startTime: string; endTime: string }
  /** `records`: CloudTrail records (the parsed CloudTrailEvent strings, session tokens redacted). */
  | { type: "page"; eventName: string; page: number; records: Record<string, unknown>[]; pages: number; events: number; elapsedMs: number; sentAtMs: number }
  | { type: "throttled"; eventName: string; attempt: number; retryInMs: number; elapsedMs: number }
  | { type: "done"; pages: number; events: number; elapsedMs: number; complete: boolean; note?: string }
  | { type: "error"; code: LookupErrorCode; message: string; awsError?: string; pages: number; events: number; elapsedMs: number };

/** Reads an NDJSON body line by line (browser and Node). Invalid lines are skipped, not fatal. */
export async function readNdjson(body: ReadableStream<Uint8Array>, onMessage: (message: LookupMessage) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const flush = (line: string) => {
    if (!line.trim()) return;
    try {
      onMessage(JSON.parse(line) as LookupMessage);
    } catch {
      // A line cut by a dropped connection; the missing "done" says the rest.
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      flush(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  }
  flush(buffer + decoder.decode());
}
