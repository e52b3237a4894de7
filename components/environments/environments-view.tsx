"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useEnvironments } from "@/components/environments/environments-provider";
import type { Environment } from "@/lib/config/environment";
import { ImportOutputs } from "./import-outputs";
import { EnvironmentForm } from "./environment-form";
import { SharePanel } from "./share-panel";
import { ForgetEverything } from "./forget-everything";

// A shared link's offer (its parser and the endpoint review) loads only when the address carries
// one (`#env=…`): most visits to this page have none.
const SharedOffer = dynamic(() => import("./shared-offer").then((m) => m.SharedOffer), { ssr: false });

const SOURCE_LABEL: Record<Environment["source"], string> = {
  sandbox: "local sandbox",
  preset: "preset by this deployment",
  user: "yours, kept in this browser",
};

export function EnvironmentsView() {
  const { environments, active, ready, selectEnvironment, saveEnvironment, deleteEnvironment, warnings, rejected, tokenStorage, setTokenStorage } =
    useEnvironments();
  const router = useRouter();
  const [editing, setEditing] = useState<Environment | "new" | null>(null);
  const [sharing, setSharing] = useState<string | null>(null);
  const [linkOffers, setLinkOffers] = useState(false);
  useEffect(() => setLinkOffers(/^#(?:.*&)?env=/.test(window.location.hash)), []);
  const takenIds = environments.map((p) => p.id);

  function save(environment: Environment) {
    saveEnvironment(environment);
    selectEnvironment(environment.id);
    setEditing(null);
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Environments</h1>
        <button type="button" onClick={() => setEditing("new")} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white">
          New environment
        </button>
      </div>

      {warnings.length > 0 && (
        <ul role="status" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {rejected.length > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {rejected.length} saved environment(s) no longer pass validation and are hidden:{" "}
          {rejected.map((r) => r.errors.map((e) => e.message).join("; ")).join(" | ")}
        </p>
      )}

      {linkOffers && (
        <SharedOffer
          // Known once presets and saved environments are read: the offer is compared with them first.
          existing={ready || active !== undefined ? environments : undefined}
          onAdd={save}
          onUseExisting={selectEnvironment}
          onSignIn={() => router.push("/")}
        />
      )}

      {editing && (
        <EnvironmentForm
          key={editing === "new" ? "new" : editing.id}
          initial={editing === "new" ? undefined : editing}
          takenIds={takenIds}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}

      <ul aria-label="Environments" className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {environments.map((environment) => (
          <li key={environment.id} className="flex flex-wrap items-center gap-3 p-3" aria-current={environment.id === active?.id ? "true" : undefined}>
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {environment.name}
                {environment.id === active?.id && <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800">active</span>}
              </p>
              <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">
                {environment.region} · <code>{environment.userPoolId}</code> · client <code>{environment.userPoolClientId}</code>
                {environment.issuerConfiguration && <> · {environment.issuerConfiguration} issuer</>}
                {environment.identityPoolId && <> · identity pool <code>{environment.identityPoolId}</code></>}
                {environment.appSync.length > 0 && <> · {environment.appSync.length} AppSync API</>}
                {environment.agentCore && <> · AgentCore</>} · {SOURCE_LABEL[environment.source]}
              </p>
              {environment.description && <p className="text-xs text-slate-500">{environment.description}</p>}
            </div>
            {environment.id !== active?.id && (
              <button type="button" onClick={() => selectEnvironment(environment.id)} className="rounded border border-slate-300 px-2 py-1 text-sm">
                Use<span className="sr-only"> {environment.name}</span>
              </button>
            )}
            <button type="button" onClick={() => setSharing(sharing === environment.id ? null : environment.id)} className="rounded border border-slate-300 px-2 py-1 text-sm" aria-expanded={sharing === environment.id}>
              Share<span className="sr-only"> {environment.name}</span>
            </button>
            {sharing === environment.id && (
              <div className="basis-full">
                <SharePanel environment={environment} onClose={() => setSharing(null)} />
              </div>
            )}
            {environment.source === "user" && (
              <>
                <button type="button" onClick={() => setEditing(environment)} className="rounded border border-slate-300 px-2 py-1 text-sm">
                  Edit<span className="sr-only"> {environment.name}</span>
                </button>
                <button type="button" onClick={() => deleteEnvironment(environment.id)} className="rounded border border-red-300 px-2 py-1 text-sm text-red-700">
                  Delete<span className="sr-only"> {environment.name}</span>
                </button>
              </>
            )}
          </li>
        ))}
        {environments.length === 0 && <li className="p-3 text-sm text-slate-500">No environments yet.</li>}
      </ul>

      <ImportOutputs takenIds={takenIds} onImport={save} />

      <section aria-labelledby="storage-heading" className="space-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
        <h2 id="storage-heading" className="font-medium">
          Where tokens are kept
        </h2>
        <label className="flex items-center gap-2">
          <input type="radio" name="token-storage" checked={tokenStorage === "session"} onChange={() => setTokenStorage("session")} />
          This tab only (sessionStorage) — for shared machines; closing the tab signs you out
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="token-storage" checked={tokenStorage === "local"} onChange={() => setTokenStorage("local")} />
          This browser (localStorage) — survives closing the tab
        </label>
      </section>

      <ForgetEverything />
    </div>
  );
}
