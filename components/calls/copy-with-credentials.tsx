"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { placeholdersIn } from "@/lib/http/command-line";
import { commandWithCredentials, type SnippetCredentials } from "@/lib/http/credential-snippet";

/**
 * Under a cell's command: which variables it reads, and — only when asked, after a warning — the
 * same command with the session's credentials exported in front of it. The secret text goes to
 * the clipboard only; it is never rendered, stored or put into a report.
 */
export function CopyWithCredentials({ command, credentials }: { command: string; credentials?: SnippetCredentials }) {
  const [asked, setAsked] = useState(false);
  const variables = placeholdersIn(command);
  if (variables.length === 0) return null;
  const snippet = credentials ? commandWithCredentials(command, credentials) : undefined;
  return (
    <div className="mt-2 space-y-2 text-xs text-slate-700">
      <p>
        Reads {variables.map((name, i) => (
          <span key={name}>
            {i > 0 && ", "}
            <code>${name}</code>
          </span>
        ))}{" "}
        from the shell: export {variables.length > 1 ? "them" : "it"} first, then paste the command.
      </p>
      {!asked ? (
        <button
          type="button"
          onClick={() => setAsked(true)}
          className="rounded border border-amber-700 px-2 py-1 text-amber-900 hover:bg-amber-50"
        >
          Copy with my credentials…
        </button>
      ) : (
        <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          <p role="alert">
            This copies your live credentials ({variables.join(", ")}) in plain text, exported in front of the command. Anyone who gets
            the text can call as you until they expire: paste it into your own terminal only, never into a ticket, a chat or a report.
          </p>
          {snippet?.ok ? (
            <p className="flex flex-wrap items-center gap-2">
              <CopyButton value={snippet.text} label="Copy the command with my credentials" />
              <span aria-hidden="true">the command with my credentials</span>
            </p>
          ) : (
            <p>
              {snippet
                ? `This session no longer holds ${snippet.missing.join(", ")}: run the calls again, then copy.`
                : "The credentials of this run are no longer in memory: run the calls again, then copy."}
            </p>
          )}
          <button type="button" onClick={() => setAsked(false)} className="rounded border border-slate-400 px-2 py-1 text-slate-800 hover:bg-white">
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
