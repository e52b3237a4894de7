"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { Environment } from "@/lib/config/environment";
import { shareLink } from "@/lib/share/share-link";

/** A link that carries this environment (never tokens or credentials) in its fragment. */
export function SharePanel({ environment, onClose }: { environment: Environment; onClose: () => void }) {
  const [includeApiKeys, setIncludeApiKeys] = useState(false);
  const hasKey = environment.appSync.some((a) => a.apiKey);
  const link = shareLink(window.location.origin, environment, { includeApiKeys });
  return (
    <section aria-label={`Share ${environment.name}`} className="space-y-2 rounded border border-slate-300 bg-white p-3 text-sm">
      <p>
        Anyone who opens this link is offered <strong>{environment.name}</strong> as an environment. It carries the environment only — never
        tokens or credentials — and in the fragment after <code>#</code>, which browsers do not send to any server.
      </p>
      {hasKey && (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={includeApiKeys} onChange={(e) => setIncludeApiKeys(e.target.checked)} />
          Include the AppSync API key (anyone with the link can then call the API with it)
        </label>
      )}
      <div className="flex items-center gap-2">
        <input aria-label="Share link" readOnly value={link} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
        <CopyButton value={link} label="Copy share link" />
      </div>
      <button type="button" onClick={onClose} className="rounded border border-slate-300 px-2 py-1">Done</button>
    </section>
  );
}
