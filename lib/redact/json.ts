/**
 * Redaction of structured values: parsed JSON, header maps, report objects. A value under a
 * secret-bearing name is judged by its name first (so an opaque refresh token or a password is
 * caught even though it has no recognisable shape); every other string goes through the text
 * rules (so a JWT in an unexpected field still loses its signature).
 */
import { isAuthorizationName, isSecretName } from "./shapes";
import { redactText } from "./text";
import { REDACTED, redactAuthorizationValue, redactSecretValue } from "./values";

export function redactNamedValue(name: string, value: string): string {
  if (isAuthorizationName(name)) return redactAuthorizationValue(value);
  if (isSecretName(name)) return redactSecretValue(value);
  return redactText(value);
}

/**
 * Deep copy with secrets removed. Numbers under a secret name (a numeric PIN as `password`)
 * become the redaction marker, so the result's type matches the input's only for strings.
 */
export function redactJson<T>(value: T): T {
  return walk(value, undefined, new WeakSet()) as T;
}

function walk(value: unknown, name: string | undefined, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return name === undefined ? redactText(value) : redactNamedValue(name, value);
  if (typeof value === "number" || typeof value === "bigint") {
    return name !== undefined && (isSecretName(name) || isAuthorizationName(name)) ? REDACTED : value;
  }
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    // An array inherits its name: `"Cookie": ["a=1", "b=2"]` is all cookies.
    if (Array.isArray(value)) return value.map((item) => walk(item, name, seen));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = walk(item, key, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Header map (names in any case) with every value redacted by its name, then by its shape. */
export function redactHeaders(headers: Record<string, string> | Headers | Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = isHeaderRecord(headers) ? Object.entries(headers) : headers;
  for (const [name, value] of entries) out[name] = redactNamedValue(name, String(value));
  return out;
}

function isHeaderRecord(headers: unknown): headers is Record<string, string> {
  return typeof headers === "object" && headers !== null && !(Symbol.iterator in headers);
}
