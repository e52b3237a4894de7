/**
 * Where the value after `name:` / `name=` ends. Getting this wrong in the short direction leaks
 * the rest of a password, so every ambiguity resolves towards a longer span.
 */

export interface ValueSpan {
  kind: "quoted" | "escaped-quoted" | "unquoted" | "json-literal";
  /** The value without its quotes. */
  innerStart: number;
  innerEnd: number;
}

/**
 * Inside a JSON string that itself holds JSON, a quote in the inner value is `\\\"` and the
 * value ends at a bare `\"`. Three backslashes and a quote are taken as content first, so a
 * misread runs long, never short.
 */
const DOUBLE_ESCAPED_CONTENT = /(?:[^"\\]|\\\\\\"|\\[^"])*/y;
/** An unquoted JSON value: number, literal, or (malformed) bare word. */
const JSON_LITERAL = /[^\s,}\]]+/y;
/** `name=value` in a query, a form body or an env line. */
const AFTER_EQUALS = /[^\s"'&;,<>]+/y;
/** `Name: value` header or YAML lines run to the end of the line. */
const AFTER_COLON = /[^\r\n"'<>]+/y;

export function scanValue(
  text: string,
  start: number,
  context: { separator: ":" | "="; jsonKey: boolean },
): ValueSpan | null {
  if (text.startsWith('\\"', start)) {
    const innerStart = start + 2;
    return { kind: "escaped-quoted", innerStart, innerEnd: innerStart + stickyLength(DOUBLE_ESCAPED_CONTENT, text, innerStart) };
  }
  const first = text[start];
  if (first === '"' || first === "'") {
    let i = start + 1;
    while (i < text.length && text[i] !== first) i += text[i] === "\\" ? 2 : 1;
    return { kind: "quoted", innerStart: start + 1, innerEnd: Math.min(i, text.length) };
  }
  if (context.jsonKey && context.separator === ":") {
    const length = stickyLength(JSON_LITERAL, text, start);
    return length ? { kind: "json-literal", innerStart: start, innerEnd: start + length } : null;
  }
  const pattern = context.separator === "=" ? AFTER_EQUALS : AFTER_COLON;
  const raw = text.slice(start, start + stickyLength(pattern, text, start));
  const length = raw.trimEnd().length;
  return length ? { kind: "unquoted", innerStart: start, innerEnd: start + length } : null;
}

function stickyLength(pattern: RegExp, text: string, start: number): number {
  pattern.lastIndex = start;
  return pattern.exec(text)?.[0].length ?? 0;
}
