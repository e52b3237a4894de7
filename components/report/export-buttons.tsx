"use client";

import { reportJson, reportMarkdown, type ReportInput } from "@/lib/report/report";

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Export report": Markdown for a ticket, JSON for tools — both redacted by lib/report. */
export function ExportButtons({ build, name }: { build: () => ReportInput; name: string }) {
  const stamp = () => new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">Export report</span>
      <button type="button" onClick={() => download(`${name}-${stamp()}.md`, "text/markdown", reportMarkdown(build()))} className="rounded border border-slate-300 px-2 py-1">
        Markdown
      </button>
      <button type="button" onClick={() => download(`${name}-${stamp()}.json`, "application/json", reportJson(build()))} className="rounded border border-slate-300 px-2 py-1">
        JSON
      </button>
    </div>
  );
}
