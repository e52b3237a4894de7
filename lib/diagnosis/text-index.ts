/**
 * Finds regex matches in a large text without running every regex over all of it. Each signal
 * names an anchor (a literal that any match contains). One pass of a combined regex finds where
 * every anchor occurs — far cheaper than one indexOf per anchor, let alone one regex scan per
 * pattern — and a signal's regex then runs only in a window around its anchor's occurrences. The
 * occurrences kept per anchor are capped, so no rule can cost more than MAX_OCCURRENCES windows
 * however often a common word (say "unauthorized") repeats in a log.
 */

/** Characters read on each side of an anchor: longer than any pattern in the rule set. */
const WINDOW = 320;
const MAX_OCCURRENCES = 48;

interface Hit {
  /** Offset of the match in the lower-cased text. */
  readonly index: number;
  readonly length: number;
}

/** The combined search for a set of anchors; built once per rule set. */
export interface AnchorScanner {
  readonly regex: RegExp;
  /** For each anchor, the anchors that are prefixes of it (itself included). */
  readonly prefixes: ReadonlyMap<string, readonly string[]>;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

export function anchorScanner(anchors: Iterable<string>): AnchorScanner {
  // Longest first, so at each position the alternation reports the longest anchor starting there;
  // every shorter anchor starting at the same position is one of its prefixes. The lookahead makes
  // matches zero-width, so overlapping anchors are all seen.
  const list = [...new Set(anchors)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const regex = new RegExp(`(?=(${list.map((a) => a.replace(REGEX_SPECIAL, "\\$&")).join("|")}))`, "g");
  const prefixes = new Map(list.map((a) => [a, list.filter((b) => a.startsWith(b))] as const));
  return { regex, prefixes };
}

export class TextIndex {
  private readonly positions = new Map<string, number[]>();

  constructor(readonly lower: string, scanner: AnchorScanner) {
    if (scanner.prefixes.size === 0) return;
    for (const m of lower.matchAll(scanner.regex)) {
      for (const anchor of scanner.prefixes.get(m[1]!) ?? []) {
        const list = this.positions.get(anchor);
        if (!list) this.positions.set(anchor, [m.index]);
        else if (list.length < MAX_OCCURRENCES) list.push(m.index);
      }
    }
  }

  /** Where `anchor` occurs (first MAX_OCCURRENCES only). */
  occurrences(anchor: string): readonly number[] {
    return this.positions.get(anchor) ?? [];
  }

  /** The first match of `regex` near an occurrence of `anchor`, or null. `regex` must not be global. */
  find(anchor: string, regex: RegExp): Hit | null {
    const at = this.occurrences(anchor);
    if (at.length === 0) return null;
    if (this.lower.length <= 2 * WINDOW + anchor.length) return exec(regex, this.lower, 0);
    let searchedTo = -1;
    for (const pos of at) {
      const start = Math.max(0, pos - WINDOW, searchedTo - WINDOW);
      const end = Math.min(this.lower.length, pos + anchor.length + WINDOW);
      if (end <= searchedTo) continue;
      const hit = exec(regex, this.lower.slice(start, end), start);
      if (hit) return hit;
      searchedTo = end;
    }
    return null;
  }
}

function exec(regex: RegExp, text: string, offset: number): Hit | null {
  const m = regex.exec(text);
  return m ? { index: offset + m.index, length: m[0].length } : null;
}
