"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { InlineCode } from "@/components/ui/inline-code";
import Link from "next/link";
import { FixSteps } from "@/components/diagnosis/fix-steps";
import { useEffect, useEffectEvent, useRef } from "react";
import type { TestCallResult } from "@/lib/test-calls/types";
import type { SnippetCredentials } from "@/lib/http/credential-snippet";
import { CopyWithCredentials } from "./copy-with-credentials";

/**
 * The exact exchange behind one cell: request (redacted), command line, response, notes. It opens
 * below the tables, so it scrolls itself into view and takes the focus; Esc or Close shuts it and
 * hands the focus back to the cell that opened it.
 */
export function TestCallDetail({
  title,
  result,
  onClose,
  onRelay,
  cloudTrailHref,
  roleCheckHref,
  credentials,
}: {
  title: string;
  result: TestCallResult;
  onClose: () => void;
  onRelay?: () => void;
  /** Where CloudTrail can tell whether the identity pool's role was assumed for this call. */
  cloudTrailHref?: string;
  /** Where the role's policies can be checked against this call's exact resource ARN (refused IAM cells). */
  roleCheckHref?: string;
  /** The run's credentials, in memory only: what "Copy with my credentials" exports. */
  credentials?: SnippetCredentials;
}) {
  const d = result.detail ?? {};
  const dialog = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    // Another cell may be opened while this one is shown: focus goes back to the latest opener.
    const active = document.activeElement;
    if (active instanceof HTMLElement && !dialog.current?.contains(active)) opener.current = active;
    dialog.current?.focus({ preventScroll: true });
    dialog.current?.scrollIntoView({ block: "nearest" });
  }, [title]);
  function close() {
    onClose();
    opener.current?.focus();
  }
  const closeOnEscape = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === "Escape" && !event.defaultPrevented) close();
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => closeOnEscape(event);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <section
      ref={dialog}
      role="dialog"
      aria-label={title}
      tabIndex={-1}
      className="scroll-mt-4 space-y-3 rounded border border-slate-300 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h3 className="font-medium">{title}</h3>
          <p className="text-sm" data-testid="cell-summary">{result.summary}</p>
          <p className="text-xs text-slate-500">
            {result.latencyMs !== undefined && <>{result.latencyMs} ms · </>}
            {result.path === "relay" ? "through the dashboard's relay" : result.path === "browser" ? "from this browser" : ""}
          </p>
        </div>
        <button type="button" onClick={close} className="rounded border border-slate-300 px-2 py-1 text-sm">
          Close
        </button>
      </div>
      {result.unconfirmed && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="cell-unconfirmed">
          <span className="mr-1 rounded border border-amber-700 px-1 font-semibold">Not confirmed</span>
          The local sandbox gave this answer, and no public source shows what AWS sends here ({result.unconfirmed} not confirmed).
          Real AWS may word it differently: rely on the status and the cause, not on the exact text.
        </p>
      )}
      {result.relayAvailable && onRelay && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          The browser refused this call, which is itself a finding: a web app on this origin cannot make it either.{" "}
          <button type="button" onClick={onRelay} className="underline">
            Re-run through the relay
          </button>{" "}
          to see what the service itself answers.
        </p>
      )}
      {result.diagnosis && (
        <div className="rounded border border-sky-200 bg-sky-50 p-3 text-sm">
          <p className="font-medium">Likely cause: <InlineCode text={result.diagnosis.title} /></p>
          <p className="mt-1 text-slate-700"><InlineCode text={result.diagnosis.cause} /></p>
          {result.diagnosis.evidence && result.diagnosis.evidence.length > 0 && (
            <>
              <p className="mt-2 text-xs font-medium text-slate-700">Why this cause</p>
              <ul data-evidence className="list-disc pl-5 text-xs text-slate-700 [overflow-wrap:anywhere]">
                {result.diagnosis.evidence.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </>
          )}
          {result.diagnosis.fix && result.diagnosis.fix.length > 0 && (
            <div className="mt-2" data-testid="cell-fix">
              <p className="text-xs font-medium text-slate-700">Fix</p>
              <FixSteps steps={result.diagnosis.fix} />
            </div>
          )}
          <Link href={`/diagnose#${result.diagnosis.id}`} className="mt-1 inline-block text-blue-700 underline">
            How to fix it
          </Link>
        </div>
      )}
      {cloudTrailHref && (
        <p className="text-sm">
          <Link href={cloudTrailHref} className="rounded border border-slate-300 px-2 py-1 text-slate-800 hover:bg-slate-100">
            Check CloudTrail
          </Link>{" "}
          <span className="text-slate-600">Was the identity pool&apos;s role assumed when this call failed?</span>
        </p>
      )}
      {roleCheckHref && (
        <p className="text-sm">
          <Link href={roleCheckHref} className="rounded border border-slate-300 px-2 py-1 text-slate-800 hover:bg-slate-100">
            Check this role against my token
          </Link>{" "}
          <span className="text-slate-600">Which statement of the role allows or refuses this call&apos;s resource ARN?</span>
        </p>
      )}
      {d.notes && d.notes.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {d.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <Block label="Request" text={d.request} />
      <Block label="Command" text={d.command}>
        {d.command && <CopyWithCredentials command={d.command} credentials={credentials} />}
      </Block>
      <Block label="Response" text={d.response} />
    </section>
  );
}

function Block({ label, text, children }: { label: string; text?: string; children?: ReactNode }) {
  if (!text) return null;
  return (
    <div>
      <div className="mb-1 flex items-center gap-2 text-xs font-medium text-slate-600">
        {label} <CopyButton value={text} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <pre tabIndex={0} className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-3 text-xs text-slate-100" aria-label={label}>
        {text}
      </pre>
      {children}
    </div>
  );
}
