/**
 * Bytes to text, chunk by chunk, with the same result as decoding the whole file at once
 * (malformed bytes become U+FFFD, a leading byte-order mark is dropped).
 *
 * Why not TextDecoder's `{ stream: true }`: in Node it takes a slower path than a plain
 * decode (about 0.06 s more per 100 MB here). So each chunk is cut before a character the
 * chunk does not finish, decoded plainly, and the cut-off bytes (at most 3) go in front of the
 * next chunk. Cutting before any byte that is not a continuation byte leaves the decoder in the
 * state it would be in anyway, so the text is the same.
 *
 * And why pieces of at most PIECE_BYTES: Node turns a decoded string of more than about 1 MB
 * into an external string, whose memory sits outside the JS heap and is given back late (a
 * file read in 1 MiB chunks, as the CLI reads, held ~90 MB of them); a piece under V8's large
 * object size (128 KiB) stays an ordinary young string that dies cheaply.
 */

export const PIECE_BYTES = 64 * 1024;

/** How many bytes a sequence starting with `lead` has (1 for ASCII and for bytes no sequence starts with). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

/** The length of the longest prefix of `bytes` that ends on a character boundary. */
export function wholeCharactersLength(bytes: Uint8Array): number {
  const n = bytes.length;
  // A sequence is at most 4 bytes, so only a start in the last 3 can be unfinished.
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    if (isContinuation(bytes[i]!)) continue;
    return i + sequenceLength(bytes[i]!) > n ? i : n;
  }
  return n;
}

export class Utf8Text {
  // ignoreBOM: a U+FEFF in the middle of the file is text; only the file's first one is dropped (below).
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private carry: Uint8Array | null = null;
  private started = false;

  constructor(private readonly emit: (text: string) => void) {}

  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry) {
      const joined = new Uint8Array(this.carry.length + chunk.length);
      joined.set(this.carry);
      joined.set(chunk, this.carry.length);
      bytes = joined;
      this.carry = null;
    }
    const whole = wholeCharactersLength(bytes);
    if (whole < bytes.length) this.carry = bytes.slice(whole);
    for (let at = 0; at < whole; at += PIECE_BYTES) this.text(bytes.subarray(at, Math.min(at + PIECE_BYTES, whole)));
  }

  /** After the last chunk: an unfinished character at the very end becomes U+FFFD. */
  end(): void {
    if (this.carry) this.text(this.carry);
    this.carry = null;
  }

  private text(bytes: Uint8Array): void {
    let text = this.decoder.decode(bytes);
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) this.emit(text);
  }
}
