"use client";

import { CopyButton } from "@/components/ui/copy-button";
import type { TokenChoice } from "./authorizer-settings";

/**
 * The decoded header and payload as JSON, the way jwt.io shows them, with one button that copies
 * both as one JSON document (for a ticket or a test fixture). The token itself is not in it.
 */
export function TokenJson({ tokens }: { tokens: readonly TokenChoice[] }) {
  return (
    <div className="space-y-4">
      {tokens.map(({ label, token }) => {
        const header = JSON.stringify(token.header, null, 2);
        const payload = JSON.stringify(token.claims, null, 2);
        const both = JSON.stringify({ header: token.header, payload: token.claims }, null, 2);
        return (
          <section key={label} aria-label={`JSON of the ${label}`} className="min-w-0 space-y-2 rounded border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-medium">{label}</h3>
              <CopyButton value={both} label={tokens.length > 1 ? `Copy header and payload as JSON (${label})` : "Copy header and payload as JSON"} />
            </div>
            <Block title="Header" testId="json-header" text={header} />
            <Block title="Payload" testId="json-payload" text={payload} />
          </section>
        );
      })}
    </div>
  );
}

function Block({ title, testId, text }: { title: string; testId: string; text: string }) {
  return (
    <div>
      <h4 className="text-xs font-medium text-slate-700">{title}</h4>
      <pre data-testid={testId} className="max-w-full overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs text-slate-900 [overflow-wrap:anywhere]">
        {text}
      </pre>
    </div>
  );
}
