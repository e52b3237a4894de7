import { SseParser, sseChunkText } from "./sse";

/**
 * A fetch that reports each server-sent event of a streamed answer as its bytes pass through,
 * while the caller (lib/http's sendPrepared, which buffers the whole answer for the record)
 * reads the same bytes. This is how a test call shows the agent's reply live without a
 * second request. Answers that are not `text/event-stream` pass untouched.
 */
export function tapSse(fetchImpl: typeof fetch, onText: (text: string) => void): { fetch: typeof fetch; count: () => number } {
  let count = 0;
  const emit = (events: ReturnType<SseParser["push"]>) => {
    for (const event of events) {
      count++;
      onText(sseChunkText(event));
    }
  };
  const tapped: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.body || !(response.headers.get("content-type") ?? "").toLowerCase().includes("text/event-stream")) return response;
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const transform = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        emit(parser.push(decoder.decode(chunk, { stream: true })));
      },
      flush() {
        emit(parser.push(decoder.decode()));
      },
    });
    return new Response(response.body.pipeThrough(transform), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: tapped, count: () => count };
}

/** The chunks of an SSE answer already held as text (the relay path, which buffers). */
export function sseChunksOf(body: string): string[] {
  const parser = new SseParser();
  return parser.push(body.endsWith("\n\n") ? body : `${body}\n\n`).map(sseChunkText);
}
