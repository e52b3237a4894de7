/// <reference lib="webworker" />
import { isErrorCode } from "@/lib/errors";
import { checkLogSize, scanLogSteps } from "@/lib/diagnosis/log-scan";

/**
 * Scans a log off the main thread: a 10 MB log takes about a second of work, which on the page
 * would freeze it. Progress (entries examined) is posted as it goes; cancelling is the page
 * terminating this worker. Message in: { file: File } or { text: string }. Messages out:
 * progress | result | error.
 */

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<{ file: File } | { text: string }>) => {
  try {
    let text: string;
    if ("file" in event.data) {
      // The size is known before reading: a 2 GB file is refused, not loaded.
      checkLogSize(event.data.file.size);
      text = await event.data.file.text();
    } else text = event.data.text;
    const steps = scanLogSteps(text);
    for (;;) {
      const step = steps.next();
      if (step.done) {
        self.postMessage({ type: "result", result: step.value });
        return;
      }
      self.postMessage({ type: "progress", progress: step.value });
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    self.postMessage({ type: "error", code: isErrorCode(code) ? code : "internal:diagnose-log", message: (error as Error).message });
  }
};
