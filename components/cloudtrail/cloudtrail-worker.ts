/// <reference lib="webworker" />
import { parseTrailStream } from "@/lib/cloudtrail/parse-stream";
import { isTrailFileError } from "@/lib/cloudtrail/errors";
import { packTrailResult } from "@/lib/cloudtrail/transfer";

/**
 * Parses a CloudTrail file off the main thread: the page stays responsive on a 100 MB log, and
 * progress (bytes, records, matches) is posted as it goes. Cancelling is the page terminating
 * this worker. Message in: { file: File }. Messages out: progress | result | error.
 */

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<{ file: File }>) => {
  const { file } = event.data;
  try {
    const result = await parseTrailStream(file.stream() as ReadableStream<Uint8Array>, {
      totalBytes: file.size,
      progressEveryBytes: 2 * 1024 * 1024,
      onProgress: (progress) => self.postMessage({ type: "progress", progress }),
    });
    self.postMessage({ type: "result", result: packTrailResult(result) });
  } catch (error) {
    const code = isTrailFileError(error) ? error.code : "unreachable:trail-file";
    self.postMessage({ type: "error", code, message: (error as Error).message });
  }
};
