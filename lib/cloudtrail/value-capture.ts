/**
 * The hot loop of the streaming scanner: finds where one JSON value ends, across chunks, without
 * building it. Strings are skipped with indexOf (native, fast) and a backslash count instead of
 * a character-by-character walk, which is what makes 100 MB a matter of a second. Brackets are
 * only counted, not matched: JSON.parse of the captured text is what validates a record.
 */

const QUOTE = 34;
const BACKSLASH = 92;

export class ValueCapture {
  /** Text of this value from earlier chunks (only kept when `keep`). */
  parts: string[] = [];
  size = 0;
  /** Where the value's text starts in the current chunk. */
  start: number;
  oversized = false;
  private depth = 0;
  private inString = false;
  private escapePending = false;
  private readonly primitive: boolean;

  constructor(
    first: number,
    start: number,
    /** Keep the text (records, keys) or only find the end (values nobody needs). */
    readonly keep: boolean,
    private readonly maxChars: number,
  ) {
    this.start = start;
    this.primitive = first !== 123 && first !== 91 && first !== QUOTE;
  }

  /** Scans from `i` (the value's first character on the first call); returns the index after the value, or -1. */
  scan(s: string, i: number, firstCall: boolean): number {
    if (this.primitive) return this.scanPrimitive(s, i);
    if (firstCall) {
      if (s.charCodeAt(i) === QUOTE) this.inString = true;
      else this.depth = 1;
      i++;
    }
    return this.scanNested(s, i);
  }

  /** The chunk ends inside the value: remember its piece. */
  suspend(s: string): void {
    this.append(s.slice(this.start));
    this.start = 0;
  }

  /** The value ended at `end` (exclusive): its whole text, or "" when not kept or oversized. */
  finish(s: string, end: number): string {
    this.append(s.slice(this.start, end));
    return this.keep && !this.oversized ? this.parts.join("") : "";
  }

  private append(piece: string): void {
    this.size += piece.length;
    if (!this.keep || this.oversized) return;
    if (this.size > this.maxChars) {
      this.oversized = true;
      this.parts = [];
    } else this.parts.push(piece);
  }

  private scanPrimitive(s: string, i: number): number {
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      // , } ] or whitespace end a number / true / false / null (or a bad token).
      if (c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9) return i;
    }
    return -1;
  }

  private scanNested(s: string, i: number): number {
    const n = s.length;
    let depth = this.depth;
    let inString = this.inString;
    if (this.escapePending && i < n) {
      i++;
      this.escapePending = false;
    }
    while (i < n) {
      if (inString) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          // An odd run of backslashes at the chunk's end escapes the next chunk's first character.
          let run = 0;
          for (let j = n - 1; j >= i && s.charCodeAt(j) === BACKSLASH; j--) run++;
          this.escapePending = (run & 1) === 1;
          i = n;
          break;
        }
        let run = 0;
        for (let j = q - 1; j >= i && s.charCodeAt(j) === BACKSLASH; j--) run++;
        i = q + 1;
        if ((run & 1) === 0) {
          inString = false;
          if (depth === 0) return this.done(i);
        }
        continue;
      }
      const c = s.charCodeAt(i++);
      if (c === QUOTE) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) return this.done(i);
    }
    this.depth = depth;
    this.inString = inString;
    return -1;
  }

  private done(end: number): number {
    this.depth = 0;
    this.inString = false;
    return end;
  }
}
