/**
 * Reading a body with a cap, shared by the relay (request envelope) and the exchange (answers
 * shown in the dashboard). Stops reading at the cap instead of buffering what will be dropped.
 */

interface CappedText {
  text: string;
  /** Bytes read (at most `maxBytes`, or `maxBytes + 1` chunks' worth when over). */
  bytes: number;
  truncated: boolean;
}

export async function readCappedText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<CappedText> {
  if (!body) return { text: "", bytes: 0, truncated: false };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - bytes;
      if (value.byteLength > room) {
        text += decoder.decode(value.subarray(0, room), { stream: true });
        bytes += room;
        await reader.cancel().catch(() => undefined);
        return { text: text + decoder.decode(), bytes, truncated: true };
      }
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
  return { text: text + decoder.decode(), bytes, truncated: false };
}
