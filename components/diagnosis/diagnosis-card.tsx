import Link from "next/link";
import type { Match, Rule } from "@/lib/diagnosis/types";
import { diagnosisLink } from "@/lib/diagnosis/links";
import { FixSteps } from "./fix-steps";
import { InlineCode } from "@/components/ui/inline-code";

/** One known failure: its cause, the fix step by step, the evidence that matched, and where it comes from. */
export function DiagnosisCard({ rule, match, compact = false }: { rule: Rule | Match; match?: Match; compact?: boolean }) {
  return (
    <article id={compact ? undefined : rule.id} data-diagnosis={rule.id} className="scroll-mt-16 space-y-2 rounded [overflow-wrap:anywhere] border border-slate-200 bg-white p-4 text-sm target:border-sky-400 target:ring-2 target:ring-sky-200">
      <h3 className="font-medium">
        <InlineCode text={rule.title} /> <code className="text-xs text-slate-600">{rule.id}</code>
        {match && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">score {match.score}</span>}
      </h3>
      <p className="text-slate-700"><InlineCode text={rule.cause} /></p>
      {match && match.signals.some((s) => s.weight > 0) && (
        <div className="text-xs text-slate-600">
          <p className="font-medium">Why this cause</p>
          <ul data-evidence className="mt-1 space-y-0.5">
            {match.signals.map((s, i) => (
              <li key={i} className={s.weight < 0 ? "text-slate-500" : undefined}>
                {s.phrase !== undefined ? (
                  <>
                    <q className="break-all font-mono text-slate-800">{s.phrase}</q> → {s.means}
                  </>
                ) : (
                  s.detail
                )}
                {s.weight < 0 && " (points elsewhere)"}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FixSteps steps={rule.fix} />
      <p className="text-xs text-slate-500">
        Source:{" "}
        {rule.source.map((s, i) => (
          <span key={i}>
            {i > 0 && ", "}
            {s.kind === "seed" ? `troubleshooting note ${s.ref}` : <a href={s.url} className="underline" rel="noreferrer" target="_blank">{s.url}</a>}
          </span>
        ))}
        {" · "}
        <Link href={diagnosisLink(rule.id)} className="underline">link to this diagnosis</Link>
      </p>
    </article>
  );
}
