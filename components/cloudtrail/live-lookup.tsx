"use client";

import { useState } from "react";
import type { LookupState } from "./use-lookup";

/**
 * Where and as whom to run LookupEvents. Pasted credentials stay in this form's memory: they are
 * sent once per lookup to this dashboard's server, which uses them for that lookup only and
 * neither stores nor logs them. Server mode appears only when the deployment enables it; the
 * sandbox's own reader only for an environment of the configured local sandbox (the server then
 * uses the reader key pair of the signed-in user's scenario, which the browser never sees).
 */

export interface LiveLookupSettings {
  region: string;
  lookBackMinutes: number;
  credentials: { mode: "pasted"; accessKeyId: string; secretAccessKey: string; sessionToken?: string } | { mode: "server" } | { mode: "sandbox" };
}

const input = "w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs";

export function LiveLookup(props: {
  defaultRegion: string;
  endpoint?: string;
  serverMode: boolean;
  /** The active environment is the local sandbox's, and the server knows that sandbox. */
  sandboxReader: boolean;
  disabled: boolean;
  state: LookupState;
  onLookup: (settings: LiveLookupSettings) => void;
  onCancel: () => void;
}) {
  // Follows the active environment until someone types a Region (so a environment loading late
  // neither keeps a stale Region nor wipes what was typed into the form).
  const [typedRegion, setRegion] = useState<string | null>(null);
  const region = typedRegion ?? props.defaultRegion;
  const [lookBack, setLookBack] = useState("15");
  const [chosen, setMode] = useState<"pasted" | "server" | "sandbox">("pasted");
  // A choice the environment no longer offers falls back to pasting.
  const mode = (chosen === "sandbox" && !props.sandboxReader) || (chosen === "server" && !props.serverMode) ? "pasted" : chosen;
  const [accessKeyId, setAccessKeyId] = useState("");
  const [secret, setSecret] = useState("");
  const [sessionToken, setSessionToken] = useState("");
  const running = props.state.status === "running";
  const minutes = Number(lookBack);
  const ready = !props.disabled && !running && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) && minutes > 0 && (mode !== "pasted" || (accessKeyId.trim() !== "" && secret.trim() !== ""));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!ready) return;
    props.onLookup({
      region,
      lookBackMinutes: minutes,
      credentials: mode !== "pasted" ? { mode } : { mode, accessKeyId: accessKeyId.trim(), secretAccessKey: secret.trim(), ...(sessionToken.trim() ? { sessionToken: sessionToken.trim() } : {}) },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" aria-label="Look up CloudTrail" autoComplete="off">
      <div className="grid gap-2 sm:grid-cols-3">
        <label className="block">
          <span className="mb-1 block text-slate-700">Region</span>
          <input value={region} onChange={(e) => setRegion(e.target.value.trim())} className={input} />
        </label>
        <label className="block">
          <span className="mb-1 block text-slate-700">Look back before the call (minutes)</span>
          <input value={lookBack} onChange={(e) => setLookBack(e.target.value)} inputMode="numeric" className={input} />
        </label>
        <p className="self-end text-xs text-slate-500">Endpoint: {props.endpoint ?? `https://cloudtrail.${region}.amazonaws.com`}</p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-slate-700">Credentials allowed to call cloudtrail:LookupEvents</legend>
        <label className="mr-4"><input type="radio" name="trail-mode" checked={mode === "pasted"} onChange={() => setMode("pasted")} /> Paste temporary credentials</label>
        {props.serverMode && <label className="mr-4"><input type="radio" name="trail-mode" checked={mode === "server"} onChange={() => setMode("server")} /> Use this deployment&apos;s credentials (signed-in support staff)</label>}
        {props.sandboxReader && (
          <label>
            <input type="radio" name="trail-mode" checked={mode === "sandbox"} onChange={() => setMode("sandbox")} /> Use the sandbox&apos;s CloudTrail reader (the scenario&apos;s own keys; sign in first)
          </label>
        )}
        {mode === "pasted" && (
          <div className="grid gap-2 sm:grid-cols-3">
            <label className="block"><span className="mb-1 block text-slate-700">Access key id</span><input value={accessKeyId} onChange={(e) => setAccessKeyId(e.target.value)} spellCheck={false} className={input} /></label>
            <label className="block"><span className="mb-1 block text-slate-700">Secret access key</span><input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} className={input} /></label>
            <label className="block"><span className="mb-1 block text-slate-700">Session token (temporary keys)</span><input type="password" value={sessionToken} onChange={(e) => setSessionToken(e.target.value)} className={input} /></label>
          </div>
        )}
        {mode === "pasted" && <p className="text-xs text-slate-500">Sent to this dashboard&apos;s server for this lookup only; never stored, never logged. Prefer short-lived credentials.</p>}
        {mode === "sandbox" && <p className="text-xs text-slate-500">The dashboard&apos;s server signs the lookup with the reader key pair your scenario declares, after checking your access token with the sandbox; the keys never reach this page.</p>}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={!ready} className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-50">Look up AssumeRoleWithWebIdentity events</button>
        {running && <button type="button" onClick={props.onCancel} className="rounded border border-slate-300 px-3 py-1.5">Cancel</button>}
        {props.disabled && <span className="text-slate-500">Add a failed call first.</span>}
      </div>
      <LookupStatus state={props.state} />
    </form>
  );
}

function LookupStatus({ state }: { state: LookupState }) {
  if (state.status === "idle") return null;
  if (state.status === "error") return <p role="alert" data-error-code={state.code} className="rounded border border-red-300 bg-red-50 p-2 text-red-800">{state.message}</p>;
  const seconds = (state.elapsedMs / 1000).toFixed(1);
  return (
    <p role="status" className="text-slate-600" data-lookup-status={state.status}>
      {state.status === "running" ? "Looking up… " : "Looked up: "}
      {state.pages} page(s), {state.events} event(s), {seconds} s{state.status === "running" && state.throttled > 0 ? `, throttled ${state.throttled}× (backing off)` : ""}
      {state.status === "done" && state.note ? ` — ${state.note}` : ""}
    </p>
  );
}
