/**
 * Stable links to a rule for support staff to send: /diagnose#<id>. Building one needs no rule
 * text, so views that link to a rule do not carry the knowledge base (rule-ids.ts resolves them).
 */

const DIAGNOSE_PATH = "/diagnose";

/** The anchor for a rule id, relative to the site: "/diagnose#token-expired". */
export function diagnosisLink(id: string): string {
  return `${DIAGNOSE_PATH}#${encodeURIComponent(id)}`;
}

/** An absolute link on a given deployment: diagnosisUrl("https://debugger.example.com", id). */
export function diagnosisUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, "")}${diagnosisLink(id)}`;
}
