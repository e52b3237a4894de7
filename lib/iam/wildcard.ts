/**
 * IAM's two wildcards: `*` (any run of characters, including none) and `?` (exactly one). No
 * other character is special, so everything else is escaped before building the RegExp.
 */

/** A pattern piece: literal text, or a wildcard token that came from the policy text itself. */
export type PatternPart = string | { wildcard: "*" | "?" };

const cache = new Map<string, RegExp>();

export function globMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  return compile(toParts(pattern), caseInsensitive).test(value);
}

export function partsMatch(parts: PatternPart[], value: string, caseInsensitive: boolean): boolean {
  return compile(parts, caseInsensitive).test(value);
}

/** Splits plain policy text into literal runs and wildcard tokens. */
export function toParts(pattern: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let literal = "";
  for (const char of pattern) {
    if (char === "*" || char === "?") {
      if (literal) parts.push(literal);
      literal = "";
      parts.push({ wildcard: char });
    } else {
      literal += char;
    }
  }
  if (literal) parts.push(literal);
  return parts;
}

/** The text a pattern stands for when wildcards are not in play (StringEquals and friends). */
export function partsToLiteral(parts: PatternPart[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.wildcard)).join("");
}

function compile(parts: PatternPart[], caseInsensitive: boolean): RegExp {
  const source = parts
    .map((p) => (typeof p === "string" ? p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : p.wildcard === "*" ? ".*" : "."))
    .join("");
  const key = `${caseInsensitive ? "i" : "s"}:${source}`;
  let regex = cache.get(key);
  if (!regex) {
    // `s`: a `*` also spans newlines; `u`: `?` is one character, not one UTF-16 unit.
    regex = new RegExp(`^${source}$`, caseInsensitive ? "isu" : "su");
    if (cache.size > 500) cache.clear();
    cache.set(key, regex);
  }
  return regex;
}
