"use client";

import { useMemo, useState } from "react";
import { diagnose } from "@/lib/diagnosis/engine";
import { RULES } from "@/lib/diagnosis/rules";
import { DiagnosisCard } from "./diagnosis-card";

const MAX_CHARS = 2 * 1024 * 1024;

/** Paste an error message or a log; every known cause that fits, best first — or honestly none. */
export default function DiagnoseView() {
  const [text, setText] = useState("");
  const tooLarge = text.length > MAX_CHARS;
  const matches = useMemo(() => (text.trim() && !tooLarge ? diagnose(text) : []), [text, tooLarge]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Diagnose an error</h1>
      <label className="block text-sm">
        <span className="mb-1 block text-slate-700">Error message, response body or log (stays in this browser)</span>
        <textarea
          aria-label="Error or log"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          spellCheck={false}
          placeholder="Claim 'client_id' value mismatch with configuration."
          className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs"
        />
      </label>
      {tooLarge && <p role="alert" className="text-sm text-red-700">That is {Math.round(text.length / 1048576)} MB; paste up to 2 MB (the relevant part of the log).</p>}
      {text.trim() && !tooLarge && (
        <section aria-label="Diagnoses" className="space-y-3">
          {matches.length === 0 ? (
            <p className="rounded border border-slate-200 bg-white p-4 text-sm">No known auth failure fits this text. That is an answer too: the cause is probably not one of the {RULES.length} failures this tool knows.</p>
          ) : (
            matches.map((m) => <DiagnosisCard key={m.id} rule={m} match={m} compact />)
          )}
        </section>
      )}
      <section aria-labelledby="kb-heading" className="space-y-3">
        <h2 id="kb-heading" className="text-lg font-semibold">Every known failure ({RULES.length})</h2>
        {RULES.map((rule) => (
          <DiagnosisCard key={rule.id} rule={rule} />
        ))}
      </section>
    </div>
  );
}
