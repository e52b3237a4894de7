/**
 * Policy variables (IAM policy elements: Variables and tags): `${aws:username}`,
 * `${cognito-identity.amazonaws.com:sub}`, defaults `${key, 'text'}`, and the escapes `${*}`,
 * `${?}`, `${$}`. Only policies with Version 2012-10-17 expand them; older ones read them literally.
 * A variable whose key is absent (or multi-valued) and has no default cannot be resolved, and AWS
 * then treats the element as not matching.
 */
import { contextValues, type ContextValues } from "./context";
import type { PatternPart } from "./wildcard";

type Expanded = { ok: true; parts: PatternPart[] } | { ok: false; unresolved: string };

export function expandPattern(
  text: string,
  context: ContextValues,
  options: { variables: boolean; wildcards: boolean },
): Expanded {
  const parts: PatternPart[] = [];
  let literal = "";
  const flush = () => {
    if (literal) parts.push(literal);
    literal = "";
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (options.variables && char === "$" && text[i + 1] === "{") {
      const end = closingBrace(text, i + 2);
      if (end !== -1) {
        const resolved = resolve(text.slice(i + 2, end), context);
        if (resolved === undefined) return { ok: false, unresolved: text.slice(i, end + 1) };
        literal += resolved; // substituted text is literal: a '*' in a user name is not a wildcard
        i = end + 1;
        continue;
      }
    }
    if (options.wildcards && (char === "*" || char === "?")) {
      flush();
      parts.push({ wildcard: char });
    } else {
      literal += char;
    }
    i += 1;
  }
  flush();
  return { ok: true, parts };
}

function closingBrace(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === "}" && !quoted) return i;
  }
  return -1;
}

function resolve(inner: string, context: ContextValues): string | undefined {
  const body = inner.trim();
  if (body === "*" || body === "?" || body === "$") return body;
  const comma = body.indexOf(",");
  const key = (comma === -1 ? body : body.slice(0, comma)).trim();
  const fallback = comma === -1 ? undefined : parseDefault(body.slice(comma + 1).trim());
  const values = contextValues(context, key);
  if (values && values.length === 1) return values[0];
  return fallback;
}

/** `'it''s'` → `it's`; anything not single-quoted is not a valid default. */
function parseDefault(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith("'") || !text.endsWith("'")) return undefined;
  return text.slice(1, -1).replace(/''/g, "'");
}
