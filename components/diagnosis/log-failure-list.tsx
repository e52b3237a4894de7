import type { LogScanResult } from "@/lib/diagnosis/log-scan";
import { formatBytes } from "@/lib/diagnosis/log-limit";
import { InlineCode } from "@/components/ui/inline-code";

/** A log scan's result: each known failure once (linking to its fix), then the unrecognised ones. */

/** Line numbers shown before "+N more". */
const LINES_SHOWN = 5;
const n = (x: number) => x.toLocaleString("en-US");

interface Group {
  readonly count: number;
  readonly lines: readonly number[];
  readonly lastLine: number;
  readonly excerpt: string;
}

function Lines({ group }: { group: Group }) {
  const shown = group.lines.slice(0, LINES_SHOWN);
  const rest = group.lines.slice(LINES_SHOWN);
  const more = group.count - shown.length;
  return (
    <div className="text-xs text-slate-700" data-lines={group.lines.join(",")}>
      <span>
        {group.count === 1 ? "Line " : `Seen ${n(group.count)} times, lines `}
        {shown.map(n).join(", ")}
      </span>
      {more > 0 && (
        <details className="inline">
          <summary className="ml-1 inline cursor-pointer text-blue-700 underline">+{n(more)} more</summary>
          <span className="block break-words">
            {rest.map(n).join(", ")}
            {group.count > group.lines.length ? ` … (${n(group.count - group.lines.length)} more, the last on line ${n(group.lastLine)})` : ""}
          </span>
        </details>
      )}
    </div>
  );
}

const Excerpt = ({ text }: { text: string }) => <code className="mt-1 block text-xs break-all text-slate-600">{text}</code>;

export function LogFailureList({ name, result: r, onPage }: { name: string; result: LogScanResult; onPage: boolean }) {
  const nothing = r.known.length === 0 && r.unrecognised.length === 0 && r.unlisted.entries === 0;
  return (
    <section aria-label="Failures in the log" data-log-scan="done" className="space-y-3 text-sm">
      <p className="text-slate-700">
        {name}: {n(r.lines)} lines, {formatBytes(r.bytes)}; {r.known.length === 1 ? "1 known failure" : `${r.known.length} known failures`}
        {r.unrecognised.length > 0 ? `, ${r.unrecognised.length} not recognised` : ""}
        {onPage ? " (scanned on the page: the worker could not start)" : ""}.
      </p>
      {nothing && <p className="rounded border border-slate-200 bg-white p-3">No failure found: no known cause matches, and no line looks like an error.</p>}
      {r.known.length > 0 && (
        <ol className="space-y-2" aria-label="Known failures">
          {r.known.map((k) => (
            <li key={k.id} data-log-failure={k.id} className="rounded border border-slate-200 bg-white p-3">
              <a href={k.link} className="font-medium break-words text-blue-700 underline">
                <InlineCode text={k.title} />
              </a>
              <Lines group={k} />
              <Excerpt text={k.excerpt} />
            </li>
          ))}
        </ol>
      )}
      {r.unrecognised.length > 0 && (
        <>
          <h3 className="font-medium">Not recognised: no known cause fits (ids, times and numbers stripped)</h3>
          <ol className="space-y-2" aria-label="Not recognised">
            {r.unrecognised.map((u) => (
              <li key={u.message} data-log-unrecognised className="rounded border border-amber-200 bg-amber-50 p-3">
                <p className="font-mono text-xs break-all">{u.message}</p>
                <Lines group={u} />
                <Excerpt text={u.excerpt} />
              </li>
            ))}
          </ol>
        </>
      )}
      {r.unlisted.entries > 0 && (
        <p className="text-xs text-slate-600">
          …and {n(r.unlisted.entries)} more not-recognised lines under {n(r.unlisted.groups)} other messages, not listed.
        </p>
      )}
    </section>
  );
}
