"use client";

import type { CallVerdict, CheckDecision, StatementVerdict, TrustVerdict } from "@/lib/policy-check";
import { CopyButton } from "@/components/ui/copy-button";
import { SideScroll } from "@/components/ui/side-scroll";

const DECISION: Record<CheckDecision, { label: string; className: string }> = {
  Allow: { label: "Allowed", className: "border-green-700 bg-green-50 text-green-900" },
  ExplicitDeny: { label: "Explicit deny", className: "border-red-700 bg-red-50 text-red-900" },
  ImplicitDeny: { label: "Implicit deny", className: "border-red-700 bg-red-50 text-red-900" },
  Undecided: { label: "Cannot be decided", className: "border-amber-700 bg-amber-50 text-amber-900" },
};

export function DecisionBadge({ decision }: { decision: CheckDecision }) {
  const d = DECISION[decision];
  return <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${d.className}`}>{d.label}</span>;
}

const OUTCOME: Record<StatementVerdict["outcome"], string> = { allows: "allows", denies: "denies", "no-match": "does not match", unknown: "cannot be decided" };

function StatementTable({ statements, caption }: { statements: readonly StatementVerdict[]; caption: string }) {
  return (
    <SideScroll label={caption}>
      <table className="w-full text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-2 font-medium">Statement</th>
            <th className="py-1 pr-2 font-medium">Effect</th>
            <th className="py-1 pr-2 font-medium">Verdict</th>
            <th className="py-1 font-medium">Why</th>
          </tr>
        </thead>
        <tbody>
          {statements.map((s) => (
            <tr key={`${s.policy}-${s.index}`} className="border-t border-slate-100 align-top" data-testid="statement-row" data-outcome={s.outcome}>
              <td className="py-1 pr-2 whitespace-nowrap">
                {s.policy} · {s.sid ? <code>{s.sid}</code> : `#${s.index + 1}`}
              </td>
              <td className="py-1 pr-2">{s.effect}</td>
              <td className="py-1 pr-2 whitespace-nowrap">
                {OUTCOME[s.outcome]}
                {s.outcome === "no-match" && s.failedOn.length > 0 && <> (on {s.failedOn.join(", ")})</>}
              </td>
              <td className="py-1 [overflow-wrap:anywhere]">
                {s.why}
                {s.shouldName && s.shouldName.differences.length > 0 && (
                  <p className="mt-1 rounded bg-amber-50 p-1 text-amber-900" data-testid="should-name">
                    Names {s.shouldName.names.map((n) => <code key={n} className="mr-1">{n}</code>)}— {s.shouldName.differences.join("; ")}. It should name <code>{s.shouldName.needed}</code>.
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SideScroll>
  );
}

export function TrustResult({ verdict }: { verdict: TrustVerdict }) {
  return (
    <section aria-labelledby="trust-result" className="space-y-2 rounded border border-slate-200 bg-white p-4" data-testid="trust-verdict" data-decision={verdict.decision}>
      <h2 id="trust-result" className="font-medium">
        Trust policy · sts:AssumeRoleWithWebIdentity <DecisionBadge decision={verdict.decision} />
      </h2>
      <p className="text-sm">{verdict.summary}</p>
      {verdict.refusal && (
        <p className="text-sm text-slate-700">
          What the app sees ({verdict.refusal.flow} flow): <code>{verdict.refusal.errorType}</code> &ldquo;{verdict.refusal.message}&rdquo;
        </p>
      )}
      {verdict.warnings.map((w) => (
        <p key={w} className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">{w}</p>
      ))}
      <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">
        Request context: {Object.entries(verdict.context).map(([k, v]) => <span key={k} className="mr-3"><code>{k}</code> = <code>{Array.isArray(v) ? `[${v.join(", ")}]` : v}</code></span>)}
      </p>
      <StatementTable statements={verdict.statements} caption="Trust policy statements" />
    </section>
  );
}

export function CallResult({ verdict, highlighted }: { verdict: CallVerdict; highlighted: boolean }) {
  const { call } = verdict;
  return (
    <section
      aria-label={call.label}
      data-testid="call-verdict"
      data-row={call.row}
      data-decision={verdict.decision}
      className={`space-y-2 rounded border bg-white p-4 ${highlighted ? "border-sky-600 ring-2 ring-sky-200" : "border-slate-200"}`}
    >
      <h3 className="flex flex-wrap items-center gap-2 font-medium">
        <span className="[overflow-wrap:anywhere]">{call.label}</span> <code className="text-xs">{call.action}</code> <DecisionBadge decision={verdict.decision} />
      </h3>
      {call.problem && <p className="text-sm text-amber-900">{call.problem}</p>}
      {verdict.resources.map((r) => (
        <div key={r.resource} className="space-y-1 border-t border-slate-100 pt-2" data-testid="resource-verdict" data-decision={r.decision}>
          <p className="flex flex-wrap items-center gap-2 text-xs">
            <code className="[overflow-wrap:anywhere]" data-testid="needed-arn">{r.resource}</code> <CopyButton value={r.resource} label="Copy ARN" /> <DecisionBadge decision={r.decision} />
          </p>
          <p className="text-sm" data-testid="resource-summary">{r.summary}</p>
          <StatementTable statements={r.statements} caption={`Statements for ${r.resource}`} />
        </div>
      ))}
      <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">
        Action and resource: <a href={call.source} className="text-blue-700 underline">{call.source}</a>
      </p>
    </section>
  );
}
