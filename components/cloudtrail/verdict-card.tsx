import type { VerdictGroup } from "@/lib/cloudtrail/merge-verdicts";
import type { Highlight, Verdict } from "@/lib/cloudtrail/types";

/**
 * One verdict: what happened, the evidence fields, and the next step — for one failed call, or for
 * every call signed with the same access key (they rest on the same event: lib/cloudtrail/merge-verdicts).
 */

const STYLE: Record<Verdict["verdict"], { label: string; badge: string; border: string }> = {
  assumed: { label: "Role assumed", badge: "bg-amber-100 text-amber-900", border: "border-amber-300" },
  "assumed-other-role": { label: "Another role assumed", badge: "bg-purple-100 text-purple-900", border: "border-purple-300" },
  refused: { label: "Role refused", badge: "bg-red-100 text-red-800", border: "border-red-300" },
  absent: { label: "No event found", badge: "bg-slate-100 text-slate-700", border: "border-slate-300" },
};

const TONE: Record<Highlight["tone"], string> = {
  match: "text-green-700",
  mismatch: "text-red-700",
  error: "text-red-700",
  info: "text-slate-500",
};
const MARK: Record<Highlight["tone"], string> = { match: "✓", mismatch: "✗", error: "!", info: "·" };

export function VerdictCard({ group }: { group: VerdictGroup }) {
  const { verdict, calls, needed } = group;
  const style = STYLE[verdict.verdict];
  const { failure } = verdict;
  const several = calls.length > 1;
  return (
    <article
      data-verdict={verdict.verdict}
      className={`space-y-2 rounded border bg-white p-4 ${style.border}`}
      aria-label={several ? `Verdict for ${calls.length} calls signed with ${failure.accessKeyId}` : `Verdict for the call at ${failure.at}`}
    >
      <header className="flex flex-wrap items-baseline gap-2">
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${style.badge}`}>{style.label}</span>
        <h3 className="font-medium">{verdict.headline}</h3>
      </header>
      {several ? (
        <div className="text-xs text-slate-600">
          <p>
            {calls.length} calls signed with the access key <code className="font-mono">{failure.accessKeyId}</code>, one verdict for all:
          </p>
          <ul aria-label="Calls" className="list-disc pl-5 [overflow-wrap:anywhere]">
            {calls.map((c) => (
              <li key={`${c.at}|${c.label ?? ""}`}>
                {c.label ?? "call"} at {c.at}
                {c.variant ? ` · ${c.variant}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-slate-500">
          Call at {failure.at}
          {failure.label ? ` · ${failure.label}` : ""}
          {failure.variant ? ` · ${failure.variant}` : ""}
        </p>
      )}
      <p className="text-sm text-slate-800">{verdict.explanation}</p>
      {verdict.verdict === "assumed" &&
        needed.map((n) => (
          <p key={`${n.action}|${n.resource}`} className="rounded bg-amber-50 p-2 text-sm" data-needed>
            Needed: <code className="font-mono text-xs">{n.action}</code> on <code className="break-all font-mono text-xs">{n.resource}</code>
          </p>
        ))}
      {verdict.evidence.map((e) => (
        <details key={e.event.eventId} open={e === verdict.evidence[0]} className="rounded border border-slate-100 p-2 text-sm">
          <summary className="cursor-pointer">
            {e.event.eventTime} · {e.event.errorCode ? `refused (${e.event.errorCode})` : "credentials issued"} · {e.relation}
          </summary>
          <ul className="mt-1 space-y-0.5">
            {e.highlights.map((h) => (
              <li key={h.field} data-tone={h.tone} className="break-all">
                <span className={`font-semibold ${TONE[h.tone]}`}>{MARK[h.tone]}</span> <code className="font-mono text-xs">{h.field}</code> = <code className="font-mono text-xs">{h.value}</code> <span className="text-slate-500">— {h.note}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
      {verdict.causes && (
        <div className="text-sm">
          <p className="font-medium">What the absence can mean</p>
          <ul className="list-disc pl-5 text-slate-700">
            {verdict.causes.map((c) => <li key={c}>{c}</li>)}
          </ul>
        </div>
      )}
      <p className="text-sm"><span className="font-medium">Next step:</span> {verdict.nextStep}</p>
      {verdict.notes.map((n) => <p key={n} className="text-xs text-slate-500">{n}</p>)}
    </article>
  );
}
