import { RULES } from "./rules";

/**
 * Stable links to a rule for support staff to send: /diagnose#<id>. Rule ids never change; should
 * one ever have to, its old id goes into RENAMED so links already sent keep working.
 */

export const DIAGNOSE_PATH = "/diagnose";

/** Old id → current id. Empty so far. */
export const RENAMED: Readonly<Record<string, string>> = {};

const KNOWN = new Set(RULES.map((r) => r.id));

/** The anchor for a rule id, relative to the site: "/diagnose#token-expired". */
export function diagnosisLink(id: string): string {
  return `${DIAGNOSE_PATH}#${encodeURIComponent(id)}`;
}

/** An absolute link on a given deployment: diagnosisUrl("https://debugger.example.com", id). */
export function diagnosisUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, "")}${diagnosisLink(id)}`;
}

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
