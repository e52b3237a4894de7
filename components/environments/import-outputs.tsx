"use client";

import { useState, type ChangeEvent } from "react";
import { ConfigInputError, type FieldError } from "@/lib/config/field-errors";
import type { Environment } from "@/lib/config/environment";
import { newEnvironmentId } from "@/lib/config/environment-store";

/** amplify-outputs.ts MAX_OUTPUTS_BYTES, checked here before the importer (loaded on demand) is fetched. */
const MAX_UPLOAD_BYTES = 1_000_000;

/** Paste or upload an amplify_outputs.json; every problem is listed by the file's own field names. */
export function ImportOutputs({ takenIds, onImport }: { takenIds: string[]; onImport(environment: Environment): void }) {
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<{ message: string; fields: FieldError[] } | null>(null);

  // The importer loads when someone imports: the page's first load does not need it.
  async function run(source: string) {
    try {
      const { importAmplifyOutputs } = await import("@/lib/config/amplify-outputs");
      const label = name.trim() || "Imported environment";
      const environment = importAmplifyOutputs(source, { id: newEnvironmentId(label, takenIds), name: label });
      setProblem(null);
      setText("");
      setName("");
      onImport(environment);
    } catch (error) {
      if (error instanceof ConfigInputError) setProblem({ message: error.message, fields: error.fieldErrors });
      else setProblem({ message: `Unexpected error: ${(error as Error).message}`, fields: [] });
    }
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem({ message: `${file.name} is ${Math.round(file.size / 1024)} KB; an amplify_outputs.json is a few KB. Is it the right file?`, fields: [] });
      return;
    }
    const content = await file.text();
    setText(content);
    await run(content);
  }

  return (
    <section aria-labelledby="import-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="import-heading" className="font-medium">
        Import amplify_outputs.json
      </h2>
      <label className="block text-sm">
        <span className="mb-1 block text-slate-700">Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Customer A (staging)" className="w-full rounded border border-slate-300 px-2 py-1 text-sm" />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-slate-700">Paste the file</span>
        <textarea
          aria-label="amplify_outputs.json"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          spellCheck={false}
          placeholder='{"version": "1.4", "auth": {"aws_region": "…", "user_pool_id": "…", …}}'
          className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
        />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => void run(text)} disabled={!text.trim()} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
          Import
        </button>
        <label className="text-sm text-slate-700">
          or upload <input type="file" accept=".json,application/json" onChange={(e) => void upload(e)} className="text-sm" />
        </label>
      </div>
      {problem && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{problem.message}</p>
          {problem.fields.length > 0 && (
            <ul className="mt-1 list-disc pl-5" aria-label="Problems in the file">
              {problem.fields.map((f) => (
                <li key={`${f.path}:${f.message}`}>{f.message.startsWith(f.path) ? f.message : `${f.path}: ${f.message}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
