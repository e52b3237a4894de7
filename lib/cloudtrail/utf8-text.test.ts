import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PIECE_BYTES, Utf8Text, wholeCharactersLength } from "./utf8-text";

const encode = (text: string) => new TextEncoder().encode(text);

/** Decodes `bytes` cut at `cuts` the way parseTrailStream feeds chunks in. */
function decodeInChunks(bytes: Uint8Array, cuts: readonly number[]): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  const text = new Utf8Text((piece) => pieces.push(piece));
  let last = 0;
  for (const cut of [...cuts, bytes.length]) {
    text.push(bytes.subarray(last, cut));
    last = cut;
  }
  text.end();
  return { text: pieces.join(""), pieces };
}

/** Byte soup: ASCII, 2-, 3- and 4-byte characters, byte-order marks, and bytes no decoder accepts. */
const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom("a", "{", '"', "\\").map(encode),
      fc.constantFrom("é", "日", "😀", "\uFEFF").map(encode),
      fc.integer({ min: 0x80, max: 0xff }).map((b) => Uint8Array.of(b)),
      fc.constantFrom(Uint8Array.of(0xe0, 0x80), Uint8Array.of(0xf0, 0x90), Uint8Array.of(0xc0, 0xaf), Uint8Array.of(0xed, 0xa0, 0x80)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) out.set(p, (at += p.length) - p.length);
    return out;
  });

describe("Utf8Text", () => {
  it("gives exactly what one TextDecoder call gives for the whole input, however it is cut", () => {
    fc.assert(
      fc.property(soup, fc.array(fc.nat(), { maxLength: 8 }), (bytes, rawCuts) => {
        const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(decodeInChunks(bytes, cuts).text).toBe(new TextDecoder().decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same text for a cut at every byte offset", () => {
    const bytes = encode('\uFEFF{"a":"é日😀","b":"\uFEFF","c":"x"}');
    const whole = new TextDecoder().decode(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) expect(decodeInChunks(bytes, [cut]).text, `cut at ${cut}`).toBe(whole);
  });

  it("drops only the file's first byte-order mark, even when it arrives one byte at a time", () => {
    const bytes = encode("\uFEFF[\uFEFF]");
    expect(decodeInChunks(bytes, [1, 2, 3, 4]).text).toBe("[\uFEFF]");
  });

  it("hands out text in pieces of at most PIECE_BYTES bytes (ordinary heap strings, not external ones)", () => {
    const bytes = encode("x".repeat(3 * PIECE_BYTES + 5));
    const { text, pieces } = decodeInChunks(bytes, []);
    expect(text.length).toBe(bytes.length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(PIECE_BYTES);
  });

  it("turns a character the input stops in the middle of into U+FFFD, as a decoder does at the end", () => {
    expect(decodeInChunks(encode("ab😀").subarray(0, 4), []).text).toBe("ab\uFFFD");
  });
});

describe("wholeCharactersLength", () => {
  it.each([
    ["ASCII", [0x61, 0x62], 2],
    ["a finished 2-byte character", [0x61, 0xc3, 0xa9], 3],
    ["the first byte of a 2-byte character", [0x61, 0xc3], 1],
    ["two of a 3-byte character", [0xe6, 0x97], 0],
    ["three of a 4-byte character", [0x61, 0xf0, 0x9f, 0x98], 1],
    ["a finished 4-byte character", [0xf0, 0x9f, 0x98, 0x80], 4],
    ["a byte no character starts with", [0x61, 0xff], 2],
    ["stray continuation bytes", [0x80, 0x80, 0x80, 0x80], 4],
  ])("%s", (_name, bytes, expected) => {
    expect(wholeCharactersLength(Uint8Array.from(bytes))).toBe(expected);
  });
});
