"use client";

import { useState } from "react";
import type { FailedCall } from "@/lib/cloudtrail/types";

/**
 * A failed call entered by hand: at least its time, plus whatever is known about the identity.
 * Prefilled with the active environment's identity pool and, when the session has identity-pool
 * credentials, their identity id and access key id.
 */

interface FailureDefaults {
  identityPoolId?: string;
  identityId?: string;
  accessKeyId?: string;
}

const FIELDS: { key: keyof FailedCall; label: string; placeholder: string }[] = [
  { key: "identityId", label: "Identity id", placeholder: "ap-northeast-1:3c9e2a71-…" },
  { key: "identityPoolId", label: "Identity pool id", placeholder: "ap-northeast-1:7a1b2c3d-…" },
  { key: "accessKeyId", label: "Access key id the call used", placeholder: "ASIA…" },
  { key: "expectedRoleArn", label: "Expected role ARN", placeholder: "arn:aws:iam::123456789012:role/…" },
  { key: "action", label: "Action it needed", placeholder: "appsync:GraphQL" },
  { key: "resource", label: "Resource it needed", placeholder: "arn:aws:appsync:…:apis/…/types/Query/fields/…" },
];

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export function FailureForm({ defaults, onAdd }: { defaults: FailureDefaults; onAdd: (failure: FailedCall) => void }) {
  const [at, setAt] = useState(nowIso);
  const [values, setValues] = useState<Partial<Record<keyof FailedCall, string>>>({});
  const valueOf = (key: keyof FailedCall) => values[key] ?? (defaults as Partial<Record<keyof FailedCall, string>>)[key] ?? "";
  const validTime = Number.isFinite(Date.parse(at));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!validTime) return;
    const failure: FailedCall = { at: new Date(Date.parse(at)).toISOString(), label: "entered by hand" };
    for (const { key } of FIELDS) {
      const value = valueOf(key).trim();
      if (value) failure[key] = value;
    }
    onAdd(failure);
    setAt(nowIso());
  }

  return (
    <form onSubmit={submit} className="grid gap-2 rounded border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2" aria-label="Add a failed call">
      <label className="block">
        <span className="mb-1 block text-slate-700">When it failed (ISO 8601, UTC)</span>
        <span className="flex gap-1">
          <input value={at} onChange={(e) => setAt(e.target.value)} aria-invalid={!validTime} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
          <button type="button" onClick={() => setAt(nowIso())} className="rounded border border-slate-300 px-2 text-xs">now</button>
        </span>
      </label>
      {FIELDS.map(({ key, label, placeholder }) => (
        <label key={key} className="block">
          <span className="mb-1 block text-slate-700">{label}</span>
          <input value={valueOf(key)} onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))} placeholder={placeholder} spellCheck={false} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
        </label>
      ))}
      <div className="sm:col-span-2">
        <button type="submit" disabled={!validTime} className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-50">Add failed call</button>
      </div>
    </form>
  );
}
