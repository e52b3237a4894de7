"use client";

import { useState } from "react";
import type { ImportedRole } from "@/lib/policy-check";
import { pretty } from "./pretty";

/**
 * Import a role from a CloudFormation template or `cdk synth` output: pick the role, and its trust
 * and permission policies replace the pasted ones. What cannot be resolved is listed, not guessed.
 */
export function TemplateImport({ region, account, onImport }: { region: string; account: string; onImport: (trust: string, policies: string[]) => void }) {
  const [text, setText] = useState("");
  const [roles, setRoles] = useState<ImportedRole[]>([]);
  const [chosen, setChosen] = useState<ImportedRole | undefined>();
  const [error, setError] = useState("");

  async function read(source: string) {
    const { importTemplate } = await import("./engine");
    const pseudo = { "AWS::Region": region, "AWS::Partition": "aws", ...(/^\d{12}$/.test(account) ? { "AWS::AccountId": account } : {}) };
    const result = importTemplate(source, pseudo);
    if (!result.ok) {
      setError(result.error);
      setRoles([]);
      setChosen(undefined);
      return;
    }
    setError("");
    setRoles(result.roles);
    use(result.roles[0]!);
  }
  function use(role: ImportedRole) {
    setChosen(role);
    onImport(role.trust ? pretty(role.trust.document) : "", role.policies.length ? role.policies.map((p) => pretty(p.document)) : [""]);
  }

  return (
    <details className="rounded border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Import from a CloudFormation template or cdk synth output</summary>
      <div className="mt-2 space-y-2">
        <p className="text-xs text-slate-600">
          JSON only: <code>cdk.out/&lt;stack&gt;.template.json</code>, or <code>aws cloudformation get-template --stack-name &lt;stack&gt; --query TemplateBody</code>.
          AWS::Region{/^\d{12}$/.test(account) ? " and AWS::AccountId are" : " is"} taken from this environment; other intrinsic functions and AWS managed policies are listed as not resolved.
        </p>
        <textarea aria-label="Template" value={text} onChange={(e) => setText(e.target.value)} rows={6} className="w-full rounded border border-slate-300 p-2 font-mono text-xs" />
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={() => void read(text)} disabled={!text.trim()} className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50">
            Import
          </button>
          <label className="text-xs text-slate-600">
            or a file{" "}
            <input type="file" accept=".json,application/json" aria-label="Template file" onChange={(e) => void e.target.files?.[0]?.text().then((t) => (setText(t), read(t)))} />
          </label>
          {roles.length > 1 && (
            <select aria-label="Role in the template" value={chosen?.logicalId ?? ""} onChange={(e) => use(roles.find((r) => r.logicalId === e.target.value)!)} className="rounded border border-slate-300 px-2 py-1">
              {roles.map((r) => (
                <option key={r.logicalId} value={r.logicalId}>
                  {r.logicalId}
                  {r.roleName ? ` (${r.roleName})` : ""}
                </option>
              ))}
            </select>
          )}
        </div>
        {error && <p role="alert" className="text-red-800">{error}</p>}
        {chosen && (
          <div data-testid="template-imported" className="space-y-1 text-xs">
            <p>
              Imported <code>{chosen.logicalId}</code>: {chosen.trust ? "trust policy" : "no trust policy"}, {chosen.policies.length} permission {chosen.policies.length === 1 ? "policy" : "policies"}
              {chosen.substituted.length > 0 && <> ({chosen.substituted.join(", ")})</>}.
            </p>
            {chosen.unresolved.length > 0 && (
              <div className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900" data-testid="template-unresolved">
                <p className="font-medium">Not resolved — statements that hold these are shown as &ldquo;cannot be decided&rdquo;:</p>
                <ul className="list-disc pl-5 [overflow-wrap:anywhere]">
                  {chosen.unresolved.map((u) => <li key={u}>{u}</li>)}
                </ul>
              </div>
            )}
          </div>
        )}
      </div>
    </details>
  );
}
