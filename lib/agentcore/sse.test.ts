import { describe, expect, it } from "vitest";
import { readSse, SseParser, sseChunkText } from "./sse";

const STREAM = 'data: "Echo: "\r\n\r\nevent: note\ndata: line one\ndata: line two\n\n: a comment\ndata: "h\u00e9llo \u2713"\rid: 7\r\r';
const EXPECTED = [
  { event: "message", data: '"Echo: "' },
  { event: "note", data: "line one\nline two" },
  { event: "message", data: '"h\u00e9llo \u2713"', id: "7" },
];

async function collect(chunks: (string | Uint8Array)[]) {
  async function* source() {
    for (const chunk of chunks) yield chunk;
  }
  const events = [];
  for await (const event of readSse(source())) events.push(event);
  return events;
}

describe("SSE parsing", () => {
  it("gives the same events whatever the text is cut at", async () => {
    for (let cut = 0; cut <= STREAM.length; cut++) {
      expect(await collect([STREAM.slice(0, cut), STREAM.slice(cut)])).toEqual(EXPECTED);
    }
  });

  it("gives the same events whatever the bytes are cut at, inside multi-byte characters too", async () => {
    const bytes = new TextEncoder().encode(STREAM);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await collect([bytes.slice(0, cut), bytes.slice(cut)])).toEqual(EXPECTED);
    }
    expect(await collect([...bytes].map((b) => Uint8Array.of(b)))).toEqual(EXPECTED);
  });

  it("drops an event the stream never finished and reads a web stream", async () => {
    const parser = new SseParser();
    expect(parser.push("data: unfinished")).toEqual([]);
    expect(parser.end()).toEqual([]);
    const stream = new Response('data: "a"\n\ndata: "b"\n\n').body!;
    const texts = [];
    for await (const event of readSse(stream)) texts.push(sseChunkText(event));
    expect(texts).toEqual(["a", "b"]);
  });

  it("shows non-JSON data as sent", () => {
    expect(sseChunkText({ event: "message", data: "plain" })).toBe("plain");
    expect(sseChunkText({ event: "message", data: '{"a":1}' })).toBe('{"a":1}');
  });
});
