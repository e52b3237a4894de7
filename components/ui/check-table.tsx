import type { Check } from "@/lib/tokens/checks";

const BADGE: Record<Check["status"], string> = {
  pass: "bg-green-100 text-green-800",
  fail: "bg-red-100 text-red-800",
  "n/a": "bg-slate-100 text-slate-600",
};

/** A cell of a phone card, named by CSS text so its own text stays the value. */
const CARD_CELL = "max-sm:block max-sm:py-0.5 max-sm:before:font-sans max-sm:before:text-slate-700 max-sm:before:content-[attr(data-label)]";

/**
 * Every check as a row: status, what was found, what was expected, and why it matters. On a phone
 * (below `sm`) each row is a card with its cells stacked and named, so nothing scrolls sideways.
 */
export function CheckTable({ checks, label }: { checks: readonly Check[]; label: string }) {
  return (
    <table className="w-full border-collapse text-sm max-sm:block" aria-label={label}>
      <thead className="max-sm:hidden">
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th className="p-2 font-medium">Check</th>
          <th className="p-2 font-medium">Result</th>
          <th className="p-2 font-medium">Actual</th>
          <th className="p-2 font-medium">Expected</th>
          <th className="p-2 font-medium">Meaning</th>
        </tr>
      </thead>
      <tbody className="max-sm:block max-sm:space-y-2">
        {checks.map((c) => (
          <tr key={c.name} data-check={c.name} data-status={c.status} className="border-b border-slate-100 align-top max-sm:block max-sm:rounded max-sm:border max-sm:border-slate-200">
            <th scope="row" className="p-2 text-left font-mono font-normal max-sm:inline-block max-sm:[overflow-wrap:anywhere] max-sm:font-semibold">{c.name}</th>
            <td className="p-2 max-sm:inline-block">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${BADGE[c.status]}`}>{c.status}</span>
            </td>
            <td data-label="Actual: " className={`p-2 font-mono text-xs [overflow-wrap:anywhere] ${CARD_CELL}`}>{c.actual ?? "—"}</td>
            <td data-label="Expected: " className={`p-2 font-mono text-xs [overflow-wrap:anywhere] ${CARD_CELL}`}>{c.expected ?? "—"}</td>
            <td className="p-2 text-slate-700 max-sm:block max-sm:pt-0">{c.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
