import type { CallVerdict, CheckDecision, StatementVerdict } from "./types";
import type { TrustVerdict } from "./trust";

/** The verdicts as plain text, one block per check, one line per statement (the CLI's output). */

const LABEL: Record<CheckDecision, string> = { Allow: "Allowed", ExplicitDeny: "Explicit deny", ImplicitDeny: "Implicit deny", Undecided: "Cannot be decided" };
const MARK: Record<StatementVerdict["outcome"], string> = { allows: "✓", denies: "✗", "no-match": "·", unknown: "?" };

function statementLines(statements: readonly StatementVerdict[]): string[] {
  return statements.flatMap((s) => {
    const name = `${s.policy} ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`}`;
    const verdict = s.outcome === "no-match" ? `does not match (on ${s.failedOn.join(", ")})` : s.outcome === "unknown" ? "cannot be decided" : s.outcome;
    const lines = [`  ${MARK[s.outcome]} ${name} ${s.effect} — ${verdict}: ${s.why}`];
    if (s.shouldName && s.shouldName.differences.length > 0) {
      lines.push(`      names ${s.shouldName.names.join(", ")} — ${s.shouldName.differences.join("; ")}`);
      lines.push(`      should name ${s.shouldName.needed}`);
    }
    return lines;
  });
}

export function renderTrust(verdict: TrustVerdict, flow: string): string {
  const lines = [`Trust policy — sts:AssumeRoleWithWebIdentity (${flow} flow): ${LABEL[verdict.decision]}`, `  ${verdict.summary}`];
  if (verdict.refusal) lines.push(`  What the app sees: ${verdict.refusal.errorType} "${verdict.refusal.message}"`);
  for (const w of verdict.warnings) lines.push(`  Warning: ${w}`);
  lines.push(...statementLines(verdict.statements));
  return `${lines.join("\n")}\n`;
}

export function renderCall(verdict: CallVerdict): string {
  const lines = [`${verdict.call.label} — ${verdict.call.action}: ${LABEL[verdict.decision]}`];
  if (verdict.call.problem) lines.push(`  ${verdict.call.problem}`);
  for (const r of verdict.resources) {
    lines.push(` ${r.resource}: ${LABEL[r.decision]}`, `  ${r.summary}`, ...statementLines(r.statements));
  }
  return `${lines.join("\n")}\n`;
}
