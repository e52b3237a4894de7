"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { diagnosisLink } from "@/lib/diagnosis/links";
import type { Question, Service } from "@/lib/diagnosis/question";
import { InlineCode } from "@/components/ui/inline-code";
import { DiagnosisCard } from "./diagnosis-card";

const SERVICE_NAMES: Readonly<Record<Service, string>> = { appsync: "AppSync", agentcore: "AgentCore", "api-gateway": "API Gateway" };

/**
 * A refusal that names no cause: the candidates, and the one question that narrows them — which
 * credential the call sent. Picking an answer shows the diagnosis with that credential as context.
 */
export function QuestionCard({ question }: { question: Question }) {
  const [picked, setPicked] = useState<number | null>(null);
  const name = useId();
  const answer = picked === null ? undefined : question.answers[picked];
  const bothServices = question.services.length > 1;
  return (
    <section aria-label="Which credential?" data-question className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium">This text says only that the call was refused — not why.</p>
      <p className="text-slate-700">Found: {question.evidence.join(" · ")}.</p>
      {question.candidates.length > 0 && (
        <div>
          <p className="text-slate-700">Candidates, most likely first:</p>
          <ul className="list-disc pl-5">
            {question.candidates.map((m) => (
              <li key={m.id}>
                <Link href={diagnosisLink(m.id)} className="text-blue-800 underline"><InlineCode text={m.title} /></Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset>
        <legend className="font-medium">Which credential did the call send{bothServices ? ", to which service" : ""}?</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {question.answers.map((a, i) => (
            <label key={`${a.option.service}/${a.option.variant}`} className="flex items-start gap-2 rounded px-1 py-0.5 focus-within:ring-2 focus-within:ring-sky-600">
              <input type="radio" name={name} checked={picked === i} onChange={() => setPicked(i)} className="mt-1" />
              <span>
                {bothServices && <span className="font-medium">{SERVICE_NAMES[a.option.service]}: </span>}
                {a.option.label}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {answer && (
        <div aria-live="polite" data-answer={`${answer.option.service}/${answer.option.variant}`}>
          {answer.match ? (
            <DiagnosisCard rule={answer.match} match={answer.match} compact />
          ) : (
            <div className="rounded border border-slate-200 bg-white p-3">
              <p>No single known cause fits this text with that credential.{answer.related.length > 0 ? " Check these, in order:" : ""}</p>
              {answer.related.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {answer.related.map((r) => (
                    <li key={r.id}>
                      <Link href={diagnosisLink(r.id)} className="text-blue-800 underline"><InlineCode text={r.title} /></Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
