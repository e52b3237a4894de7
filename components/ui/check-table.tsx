import type { Check } from "@/lib/tokens/checks";

const BADGE: Record<Check["status"], string> = {
  pass: "bg-green-100 text-green-800",
  fail: "bg-red-100 text-red-800",
  "n/a": "bg-slate-100 text-slate-600",
};

/** Every check as a row: status, what was found, what was expected, and why it matters. */
export function CheckTable({ checks, label }: { checks: readonly Check[]; label: string }) {
  return (
    <table className="w-full border-collapse text-sm" aria-label={label}>
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th className="p-2 font-medium">Check</th>
          <th className="p-2 font-medium">Result</th>
          <th className="p-2 font-medium">Actual</th>
          <th className="p-2 font-medium">Expected</th>
          <th className="p-2 font-medium">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.name} data-check={c.name} data-status={c.status} className="border-b border-slate-100 align-top">
            <th scope="row" className="p-2 text-left font-mono font-normal">{c.name}</th>
            <td className="p-2">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${BADGE[c.status]}`}>{c.status}</span>
            </td>
            <td className="break-all p-2 font-mono text-xs">{c.actual ?? "—"}</td>
            <td className="break-all p-2 font-mono text-xs">{c.expected ?? "—"}</td>
            <td className="p-2 text-slate-700">{c.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
