"use client";

import { useEffect, useMemo, useState } from "react";
import type { Question } from "@/lib/diagnosis/question";
import type { Match } from "@/lib/diagnosis/types";
import { looksLikeLog } from "@/lib/diagnosis/log-entries";
import { DiagnosisCard } from "./diagnosis-card";
import { QuestionCard } from "./question-card";
import { LogReport } from "./log-report";

const MAX_CHARS = 2 * 1024 * 1024;

interface Engine {
  readonly diagnose: (text: string) => Match[];
  /** When nothing fits but the text says it was refused: the candidates and which credential to ask about. */
  readonly clarify: (text: string) => Question | null;
}

/** Paste an error message or a log; every known cause that fits, best first — or honestly none. */
export function DiagnoseInputPanel({ ruleCount }: { ruleCount: number }) {
  const [text, setText] = useState("");
  const [engine, setEngine] = useState<Engine | null>(null);
  const [wanted, setWanted] = useState(false);
  // A log (many lines, or more than one failure's worth of text) is scanned entry by entry instead.
  const isLog = useMemo(() => text.length > MAX_CHARS || looksLikeLog(text), [text]);

  // The rules' patterns and the matcher come with the first keystroke (or focus), not with the page.
  useEffect(() => {
    if (!wanted || engine) return;
    let current = true;
    void import("@/lib/diagnosis/question").then(({ diagnose, clarify }) => {
      if (current) setEngine({ diagnose: (input) => diagnose(input), clarify: (input) => clarify(input) });
    });
    return () => {
      current = false;
    };
  }, [wanted, engine]);

  const matches = useMemo(() => (engine && text.trim() && !isLog ? engine.diagnose(text) : null), [engine, text, isLog]);
  const question = useMemo(() => (engine && matches?.length === 0 ? engine.clarify(text) : null), [engine, matches, text]);
  return (
    <>
      <label className="block text-sm">
        <span className="mb-1 block text-slate-700">Error message, response body or log (stays in this browser)</span>
        <textarea
          aria-label="Error or log"
          value={text}
          onFocus={() => setWanted(true)}
          onChange={(e) => {
            setWanted(true);
            setText(e.target.value);
          }}
          rows={6}
          spellCheck={false}
          placeholder="Claim 'client_id' value mismatch with configuration."
          className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs"
        />
      </label>
      <LogReport pasted={isLog ? text : ""} />
      {text.trim() && !isLog && (
        <section aria-label="Diagnoses" aria-busy={matches === null} className="space-y-3">
          {matches === null ? (
            <p className="text-sm text-slate-500">Matching against the known failures…</p>
          ) : matches.length === 0 && question ? (
            <QuestionCard key={text} question={question} />
          ) : matches.length === 0 ? (
            <p className="rounded border border-slate-200 bg-white p-4 text-sm">No known auth failure fits this text. That is an answer too: the cause is probably not one of the {ruleCount} failures this tool knows.</p>
          ) : (
            matches.map((m) => <DiagnosisCard key={m.id} rule={m} match={m} compact />)
          )}
        </section>
      )}
    </>
  );
}
