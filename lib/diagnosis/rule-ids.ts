import { RULES } from "./rules";

/**
 * Rule ids never change; should one ever have to, its old id goes into RENAMED (old id → current
 * id, empty so far) so links already sent keep working.
 */
const RENAMED: Readonly<Record<string, string>> = {};

const KNOWN = new Set(RULES.map((r) => r.id));

/** The rule id a location hash ("#token-expired", "token-expired") points to, following renames; undefined if unknown. */
export function ruleIdFromHash(hash: string): string | undefined {
  let id = hash.replace(/^#/, "");
  try {
    id = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  id = RENAMED[id] ?? id;
  return KNOWN.has(id) ? id : undefined;
}
