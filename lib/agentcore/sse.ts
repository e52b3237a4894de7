/**
 * Server-sent events as the WHATWG spec defines them, fed in arbitrary pieces: a network chunk
 * may end inside a line, inside a `\r\n`, or inside a multi-byte character, and the parser must
 * give the same events however the bytes were cut. Used for the runtime's streamed reply.
 */

interface SseEvent {
  /** `message` unless the stream named another type. */
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private id: string | undefined;
  /** A chunk ended on `\r`: if the next starts with `\n`, that `\n` belongs to the same line end. */
  private pendingCr = false;

  /** Feeds text; returns the events completed by it. */
  push(text: string): SseEvent[] {
    let input = text;
    if (this.pendingCr && input.startsWith("\n")) input = input.slice(1);
    this.pendingCr = false;
    this.buffer += input;
    const events: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) break;
      // A lone `\r` at the very end may be the first half of `\r\n`: wait for more.
      if (m[0] === "\r" && m.index === this.buffer.length - 1) {
        this.pendingCr = true;
        const line = this.buffer.slice(0, m.index);
        this.buffer = "";
        this.line(line, events);
        break;
      }
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line, events);
    }
    return events;
  }

  /** The stream ended: a last event without its blank line is dropped, as the spec says. */
  end(): SseEvent[] {
    this.buffer = "";
    this.data = [];
    this.event = "";
    return [];
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === "") {
      if (this.data.length > 0) {
        events.push({ event: this.event || "message", data: this.data.join("\n"), ...(this.id !== undefined ? { id: this.id } : {}) });
      }
      this.data = [];
      this.event = "";
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) this.id = value;
  }
}

/** Yields events as their bytes arrive (a fetch body, or any async source of chunks). */
export async function* readSse(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const iterable: AsyncIterable<Uint8Array | string> =
    Symbol.asyncIterator in source ? (source as AsyncIterable<Uint8Array | string>) : iterateStream(source as ReadableStream<Uint8Array>);
  for await (const chunk of iterable) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

async function* iterateStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The text of one event of an agent's reply. Agents built with the AgentCore SDKs send each
 * chunk JSON-encoded (`data: "Hel"`); anything else is shown as sent.
 */
export function sseChunkText(event: SseEvent): string {
  try {
    const value: unknown = JSON.parse(event.data);
    return typeof value === "string" ? value : event.data;
  } catch {
    return event.data;
  }
}
