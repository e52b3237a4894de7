"use client";

import { useKnownAccount } from "@/components/credentials/known-account";
import { useActiveEnvironment } from "@/components/environments/environments-provider";
import { fillPlaceholders, knownIdsOf } from "@/lib/diagnosis/fill-snippet";

/**
 * A fix snippet with the selected environment's region, account and ids where the dashboard
 * knows them (lib/diagnosis/fill-snippet); placeholders stay for the rest. Without an environment
 * (rendered on the server, or none chosen yet) it is shown as written.
 */
export function FixSnippet({ code }: { code: string }) {
  const environment = useActiveEnvironment();
  const account = useKnownAccount(environment?.id);
  const ids = knownIdsOf(environment, account);
  const filled = fillPlaceholders(code, ids);
  return (
    <>
      <pre className="mt-1 rounded bg-slate-900 p-2 text-xs whitespace-pre-wrap text-slate-100 [overflow-wrap:anywhere]">{filled}</pre>
      {filled !== code && environment && (
        <span className="block text-xs text-slate-600" data-fix-filled>
          With the ids of {environment.name}
          {!ids.account && code.includes("<account>") ? "; the account stays <account> until the identity pool's credentials are fetched" : ""}.
        </span>
      )}
    </>
  );
}
