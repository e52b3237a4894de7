"use client";

import { useEffect } from "react";
import type { Environment } from "@/lib/config/environment";
import { TemplateImport } from "./template-import";
import { IdentityInputs, OperationInputs } from "./identity-inputs";
import { CallResult, TrustResult } from "./verdicts";
import { usePolicyCheck, type KnownIdentity, type Operations } from "./use-policy-check";

const field = "w-full rounded border border-slate-300 p-2 font-mono text-xs";

/** The inputs (role, identity, calls) on the left of a wide screen, the verdicts beside them. */
export function RoleCheck({ environment, known, operations, highlight }: { environment: Environment; known: KnownIdentity; operations: Operations; highlight?: string }) {
  const { sandboxRole, inputs, result } = usePolicyCheck(environment, known, operations);
  const { setOps } = inputs;
  useEffect(() => {
    // Without an operation from the test calls, start from the API's own schema.
    const api = environment.appSync[0];
    if (!api || operations.query) return;
    let current = true;
    void import("@/components/calls/load-examples").then(({ loadExamples }) => loadExamples(api)).then((examples) => {
      if (!current || !("queries" in examples)) return;
      setOps((o) => ({
        query: o.query || (examples.queries[0]?.operation.query ?? ""),
        subscription: o.subscription || (examples.subscription?.query ?? ""),
        trigger: o.trigger || (examples.trigger?.query ?? ""),
      }));
    });
    return () => {
      current = false;
    };
  }, [environment, operations.query, setOps]);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="min-w-0 space-y-3">
        {sandboxRole && (
          <p className="rounded border border-sky-200 bg-sky-50 p-2 text-sm" data-testid="sandbox-prefill">
            Filled in from the sandbox&apos;s {sandboxRole.kind} role <code className="[overflow-wrap:anywhere]">{sandboxRole.arn}</code>. On real AWS, paste the role&apos;s policies
            (<code>aws iam get-role</code>, <code>aws iam list-role-policies</code> / <code>get-role-policy</code>, <code>list-attached-role-policies</code>) or import a template.
          </p>
        )}
        <TemplateImport region={environment.region} account={inputs.account} onImport={(trust, policies) => (inputs.setTrustText(trust), inputs.setPolicyTexts(policies))} />
        <label className="block text-sm">
          <span className="mb-1 block text-slate-700">Trust policy (AssumeRolePolicyDocument)</span>
          <textarea aria-label="Trust policy" rows={8} value={inputs.trustText} onChange={(e) => inputs.setTrustText(e.target.value)} className={field} />
        </label>
        {inputs.policyTexts.map((text, i) => (
          <label key={i} className="block text-sm">
            <span className="mb-1 flex items-center justify-between text-slate-700">
              Permission policy {i + 1}
              {inputs.policyTexts.length > 1 && (
                <button type="button" onClick={() => inputs.setPolicyTexts(inputs.policyTexts.filter((_, j) => j !== i))} className="text-xs text-blue-700 underline">
                  Remove
                </button>
              )}
            </span>
            <textarea aria-label={`Permission policy ${i + 1}`} rows={8} value={text} onChange={(e) => inputs.setPolicyTexts(inputs.policyTexts.map((t, j) => (j === i ? e.target.value : t)))} className={field} />
          </label>
        ))}
        <button type="button" onClick={() => inputs.setPolicyTexts([...inputs.policyTexts, ""])} className="rounded border border-slate-300 px-3 py-1 text-sm">
          Add a policy
        </button>
        <IdentityInputs inputs={inputs} />
        <OperationInputs inputs={inputs} />
      </div>
      <div className="min-w-0 space-y-3" aria-live="polite">
        {!result && <p className="text-sm text-slate-500">Loading the policy evaluator…</p>}
        {result && result.problems.length > 0 && (
          <ul role="alert" className="list-disc rounded border border-red-300 bg-red-50 p-3 pl-7 text-sm text-red-900">
            {result.problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        )}
        {!result ? null : result.trust ? <TrustResult verdict={result.trust} /> : <p className="text-sm text-slate-500">Paste a trust policy and give the identity pool id to check the trust.</p>}
        <h2 className="font-medium">Permission policies against each test call</h2>
        {result && result.calls.length === 0 && (
          <p className="text-sm text-slate-500">{result.needed.length === 0 ? "This environment makes no IAM-signed test call (no AppSync API, runtime or gateway)." : "Paste a permission policy to see each call's verdict."}</p>
        )}
        {[...(result?.calls ?? [])].sort((a, b) => Number(b.call.row === highlight) - Number(a.call.row === highlight)).map((verdict) => (
          <CallResult key={`${verdict.call.row}-${verdict.call.label}`} verdict={verdict} highlighted={verdict.call.row === highlight} />
        ))}
        <p className="text-xs text-slate-500">
          Evaluated: the role&apos;s identity policies (IAM User Guide, policy evaluation logic). Not evaluated: permissions boundaries, SCPs,
          resource-based policies and session policies — among them the scope-down Cognito adds to guests&apos; credentials in the enhanced flow.
        </p>
      </div>
    </div>
  );
}
