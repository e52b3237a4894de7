"use client";

import { useState } from "react";
import { useProfiles } from "@/components/profiles/profiles-provider";
import type { Profile } from "@/lib/config/profile";
import { ImportOutputs } from "./import-outputs";
import { ProfileForm } from "./profile-form";
import { SharePanel } from "./share-panel";
import { SharedOffer } from "./shared-offer";
import { ForgetEverything } from "./forget-everything";

const SOURCE_LABEL: Record<Profile["source"], string> = {
  sandbox: "local sandbox",
  preset: "preset by this deployment",
  user: "yours, kept in this browser",
};

export function EnvironmentsView() {
  const { profiles, active, selectProfile, saveProfile, deleteProfile, warnings, rejected, tokenStorage, setTokenStorage } =
    useProfiles();
  const [editing, setEditing] = useState<Profile | "new" | null>(null);
  const [sharing, setSharing] = useState<string | null>(null);
  const takenIds = profiles.map((p) => p.id);

  function save(profile: Profile) {
    saveProfile(profile);
    selectProfile(profile.id);
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

      <SharedOffer takenIds={takenIds} onAdd={save} />

      {editing && (
        <ProfileForm
          key={editing === "new" ? "new" : editing.id}
          initial={editing === "new" ? undefined : editing}
          takenIds={takenIds}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}

      <ul aria-label="Environments" className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {profiles.map((profile) => (
          <li key={profile.id} className="flex flex-wrap items-center gap-3 p-3" aria-current={profile.id === active?.id ? "true" : undefined}>
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {profile.name}
                {profile.id === active?.id && <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800">active</span>}
              </p>
              <p className="truncate text-xs text-slate-600">
                {profile.region} · <code>{profile.userPoolId}</code> · client <code>{profile.userPoolClientId}</code>
                {profile.issuerConfiguration && <> · {profile.issuerConfiguration} issuer</>}
                {profile.identityPoolId && <> · identity pool <code>{profile.identityPoolId}</code></>}
                {profile.appSync.length > 0 && <> · {profile.appSync.length} AppSync API</>}
                {profile.agentCore && <> · AgentCore</>} · {SOURCE_LABEL[profile.source]}
              </p>
              {profile.description && <p className="text-xs text-slate-500">{profile.description}</p>}
            </div>
            {profile.id !== active?.id && (
              <button type="button" onClick={() => selectProfile(profile.id)} className="rounded border border-slate-300 px-2 py-1 text-sm">
                Use
              </button>
            )}
            <button type="button" onClick={() => setSharing(sharing === profile.id ? null : profile.id)} className="rounded border border-slate-300 px-2 py-1 text-sm">
              Share
            </button>
            {sharing === profile.id && (
              <div className="basis-full">
                <SharePanel profile={profile} onClose={() => setSharing(null)} />
              </div>
            )}
            {profile.source === "user" && (
              <>
                <button type="button" onClick={() => setEditing(profile)} className="rounded border border-slate-300 px-2 py-1 text-sm">
                  Edit
                </button>
                <button type="button" onClick={() => deleteProfile(profile.id)} className="rounded border border-red-300 px-2 py-1 text-sm text-red-700">
                  Delete
                </button>
              </>
            )}
          </li>
        ))}
        {profiles.length === 0 && <li className="p-3 text-sm text-slate-500">No environments yet.</li>}
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
