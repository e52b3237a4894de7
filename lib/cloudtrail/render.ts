import { relativeToCall } from "./highlights";
import type { TrailParseSummary } from "./trail-parser";
import type { Verdict } from "./types";

/**
 * Verdicts for terminals, tickets and machines: the plain-text report the CLI prints, and the
 * JSON shape (`{"verdicts":[{"verdict","events","explanation",…}]}`) scripts read.
 */

const MARK = { match: "✓", mismatch: "✗", error: "!", info: "·" } as const;

export function verdictsToJson(verdicts: readonly Verdict[], file?: TrailParseSummary) {
  return {
    verdicts: verdicts.map((v) => ({
      verdict: v.verdict,
      headline: v.headline,
      explanation: v.explanation,
      nextStep: v.nextStep,
      failure: v.failure,
      ...(v.needed ? { needed: v.needed } : {}),
      ...(v.causes ? { causes: v.causes } : {}),
      ...(v.lookAgainAt ? { lookAgainAt: v.lookAgainAt } : {}),
      notes: v.notes,
      events: v.evidence.map((e) => ({
        eventId: e.event.eventId,
        eventName: e.event.eventName,
        eventTime: e.event.eventTime,
        relation: e.relation,
        minutesFromCall: e.minutesFromCall,
        highlights: e.highlights,
        record: e.event.record,
      })),
    })),
    ...(file ? { file: fileSummary(file) } : {}),
  };
}

function fileSummary(file: TrailParseSummary) {
  return { format: file.format, records: file.records, matches: file.matches, malformed: file.malformed, truncated: file.truncated, coverage: file.coverage };
}

export function renderFileSummary(file: TrailParseSummary): string {
  const lines = [`Events file: ${file.records} record(s) (${file.format ?? "unknown format"}), ${file.matches} AssumeRoleWithWebIdentity, ${file.malformed.count} malformed.`];
  for (const m of file.malformed.first.slice(0, 5)) lines.push(`  malformed at character ${m.offset}${m.index >= 0 ? ` (value #${m.index + 1})` : ""}: ${m.reason}`);
  if (file.truncated) lines.push(`  Truncated: ${file.truncated.reason}.`);
  return `${lines.join("\n")}\n`;
}

export function renderVerdicts(verdicts: readonly Verdict[]): string {
  const out: string[] = [];
  for (const v of verdicts) {
    out.push("", `Call at ${v.failure.at}${v.failure.label ? ` (${v.failure.label})` : ""} → ${v.verdict}`, `  ${v.headline}`, `  ${v.explanation}`);
    if (v.needed) out.push(`  Needed: ${v.needed.action} on ${v.needed.resource}`);
    for (const e of v.evidence) {
      out.push(`  Event ${e.event.eventTime} ${e.event.eventName} ${e.event.eventId} (${relativeToCall(e.event.timeMs, Date.parse(v.failure.at))}; ${e.relation})`);
      for (const h of e.highlights.filter((x) => x.field !== "eventTime")) out.push(`    ${MARK[h.tone]} ${h.field} = ${h.value} — ${h.note}`);
    }
    if (v.causes?.length) {
      out.push("  What the absence can mean:");
      for (const c of v.causes) out.push(`    - ${c}`);
    }
    out.push(`  Next step: ${v.nextStep}`);
    for (const n of v.notes) out.push(`  Note: ${n}`);
  }
  return `${out.join("\n")}\n`;
}
