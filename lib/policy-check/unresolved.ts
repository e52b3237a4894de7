/**
 * Values a template import could not resolve (intrinsic functions, parameters, other resources'
 * attributes) are kept in the policy as markers, so the statement stays visible and its other
 * elements are still checked, while the verdict says the statement cannot be decided.
 */

const OPEN = "«unresolved: ";
const CLOSE = "»";

export const unresolvedMarker = (what: string): string => `${OPEN}${what}${CLOSE}`;

/** Every marker in a value (a statement, a document), in order, without duplicates. */
export function markersIn(value: unknown): string[] {
  const text = JSON.stringify(value) ?? "";
  const found = new Set<string>();
  let at = text.indexOf(OPEN);
  while (at !== -1) {
    const end = text.indexOf(CLOSE, at);
    if (end === -1) break;
    found.add(text.slice(at + OPEN.length, end));
    at = text.indexOf(OPEN, end);
  }
  return [...found];
}
