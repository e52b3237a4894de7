/**
 * One row of "what was checked": the shape every verifier and authorizer rule returns, so the
 * dashboard and the CLI render them the same way. `actual`/`expected` are display strings
 * (the raw claims are always available beside them).
 */

export type CheckStatus = "pass" | "fail" | "n/a";

export interface Check {
  /** Stable, short: "signature", "exp", "client_id", "config.discoveryUrl" … */
  readonly name: string;
  readonly status: CheckStatus;
  readonly actual: string | null;
  readonly expected: string | null;
  readonly message: string;
}

export function check(
  name: string,
  status: CheckStatus,
  actual: string | null,
  expected: string | null,
  message: string,
): Check {
  return { name, status, actual, expected, message };
}

export const allPass = (checks: readonly Check[]) => checks.every((c) => c.status !== "fail");

/** A claim value as one short line: strings bare, the absent as "(absent)", the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** "one of: a, b" for an allow-list, "a" for a single value. */
export function showAllowed(values: readonly string[]): string {
  return values.length === 1 ? (values[0] ?? "") : `one of: ${values.join(", ")}`;
}

/** Claim values that may be a string or a list (aud, scp, cognito:groups), as a list. */
export function asStringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** OAuth's space-separated scope claim, or Okta-style `scp` (list or string). */
export function scopesOf(claims: Record<string, unknown>): string[] {
  const scope = claims["scope"];
  if (typeof scope === "string") return scope.split(" ").filter(Boolean);
  const scp = claims["scp"];
  if (typeof scp === "string") return scp.split(" ").filter(Boolean);
  return asStringList(scp);
}
