"use client";

import { useMemo, useState } from "react";
import type { Environment } from "@/lib/config/environment";
import { roleArnOf } from "@/lib/identity/explain";
import { parseIdentityPoolRoles, predictRole, type IdentityPoolRoles, type RoleChoice, type RuleEvaluation } from "@/lib/identity/role-mapping";
import { decodeToken } from "@/lib/tokens/decode";
import { useCredentials } from "@/components/credentials/credentials-store";
import { readPastedRoles, writePastedRoles } from "./pasted-roles";

/**
 * "Which role did I get, and why": the enhanced flow's role choice for the signed-in user's ID
 * token, from the identity pool's role mappings (lib/identity/role-mapping). A sandbox environment
 * brings them along; for AWS the user pastes `get-identity-pool-roles` output, because the browser's
 * identity cannot call GetIdentityPoolRoles (it needs developer credentials).
 */
export function RoleChoicePanel({ environment, idToken }: { environment: Environment; idToken: string }) {
  const [pasted, setPasted] = useState(() => readPastedRoles(environment.id));
  const [draft, setDraft] = useState("");
  const [customRoleArn, setCustomRoleArn] = useState("");
  const claims = useMemo(() => {
    try {
      return decodeToken(idToken).claims as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }, [idToken]);

  let roles: IdentityPoolRoles | undefined = environment.identityPoolRoles;
  let pasteError: string | undefined;
  if (!roles && pasted) {
    try {
      roles = parseIdentityPoolRoles(pasted);
    } catch (error) {
      pasteError = (error as Error).message;
    }
  }
  const choice = roles && claims ? predictRole(roles, claims, customRoleArn.trim() || undefined) : undefined;

  const save = (text: string) => {
    writePastedRoles(environment.id, text);
    setPasted(text);
  };

  return (
    <section aria-labelledby="role-choice-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <h2 id="role-choice-heading" className="font-medium">
        Which role the identity pool chooses
      </h2>
      {environment.identityPoolRoles ? (
        <p className="text-xs text-slate-500">Roles and role mappings from the {environment.source === "sandbox" ? "sandbox's identity pool" : "environment"} (as GetIdentityPoolRoles answers them).</p>
      ) : (
        <PasteForm command={`aws cognito-identity get-identity-pool-roles --identity-pool-id ${environment.identityPoolId ?? "<identity pool id>"} --region ${environment.region}`} draft={draft} setDraft={setDraft} onSave={() => save(draft)} onClear={pasted ? () => save("") : undefined} error={pasteError} />
      )}
      {choice && (
        <>
          <label className="flex flex-wrap items-center gap-2">
            <span className="text-slate-600">Predict with CustomRoleArn</span>
            <input aria-label="CustomRoleArn to predict" placeholder="none" value={customRoleArn} onChange={(e) => setCustomRoleArn(e.target.value)} className="w-80 rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
          </label>
          {choice.outcome === "unknown" ? <p className="text-slate-600">{choice.explanation}</p> : <Prediction choice={choice} />}
          <p className="text-xs text-slate-500">
            This is the enhanced flow (GetCredentialsForIdentity). In the basic flow the app names the role itself in AssumeRoleWithWebIdentity, and role mappings do not apply.
          </p>
        </>
      )}
    </section>
  );
}

function PasteForm(props: { command: string; draft: string; setDraft: (t: string) => void; onSave: () => void; onClear?: () => void; error?: string }) {
  return (
    <div className="space-y-2">
      <p className="text-slate-600">
        Paste the output of <code className="break-all">{props.command}</code> (run with your own AWS credentials: the signed-in user&apos;s cannot read it).
      </p>
      <textarea aria-label="get-identity-pool-roles output" value={props.draft} onChange={(e) => props.setDraft(e.target.value)} rows={4} className="w-full rounded border border-slate-300 p-2 font-mono text-xs" />
      <div className="flex gap-2">
        <button type="button" onClick={props.onSave} disabled={!props.draft.trim()} className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50">
          Explain the role
        </button>
        {props.onClear && (
          <button type="button" onClick={props.onClear} className="rounded border border-slate-300 px-3 py-1">
            Forget the pasted mapping
          </button>
        )}
      </div>
      {props.error && (
        <p role="alert" className="text-red-800">
          {props.error}
        </p>
      )}
    </div>
  );
}

function Prediction({ choice }: { choice: RoleChoice }) {
  const credentials = useCredentials();
  const actual = credentials.status === "ok" && credentials.credentials.flow === "enhanced" && credentials.callerArn ? roleArnOf(credentials.callerArn) : undefined;
  return (
    <div className="space-y-2" data-testid="role-prediction">
      {choice.outcome === "role" ? (
        <p>
          Predicted role: <code data-testid="predicted-role" className="break-all">{choice.roleArn}</code>
          <span className="block text-slate-600" data-testid="role-reason">{choice.explanation}</span>
          {actual && (
            <span className={`block text-xs ${actual === choice.roleArn ? "text-green-800" : "text-amber-800"}`} data-testid="role-vs-credentials">
              {actual === choice.roleArn ? "The credentials above carry this role." : `The credentials above carry ${actual}: the mapping or the token changed since, or a CustomRoleArn was sent.`}
            </span>
          )}
        </p>
      ) : (
        <div className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          <p data-testid="role-reason">No credentials: {choice.explanation}</p>
          <p className="mt-1">
            GetCredentialsForIdentity answers <strong>{choice.refusal.errorType}</strong>: <span data-testid="predicted-refusal">{choice.refusal.message}</span>
          </p>
          {choice.refusal.unconfirmed && (
            <p className="mt-1 text-amber-900" data-testid="refusal-unconfirmed">
              <span className="mr-1 rounded border border-amber-700 px-1 font-semibold">Not confirmed</span>
              {choice.refusal.unconfirmed}.
            </p>
          )}
        </div>
      )}
      {choice.outcome === "role" && choice.unconfirmed && (
        <p className="text-amber-900">
          <span className="mr-1 rounded border border-amber-700 px-1 font-semibold">Not confirmed</span>
          {choice.unconfirmed}.
        </p>
      )}
      {choice.rules.length > 0 && <RuleTable rules={choice.rules} chosen={choice.outcome === "role" ? choice.ruleIndex : undefined} />}
    </div>
  );
}

function RuleTable({ rules, chosen }: { rules: readonly RuleEvaluation[]; chosen: number | undefined }) {
  return (
    <table className="w-full table-fixed border-collapse text-xs [overflow-wrap:anywhere]" aria-label="Role mapping rules, in order">
      <thead>
        <tr className="text-left text-slate-500">
          <th className="w-8">#</th>
          <th>Rule</th>
          <th>Role</th>
          <th>Result</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.index} className="border-t border-slate-200 align-top">
            <td>{r.index + 1}</td>
            <td>
              <code>{r.rule.Claim}</code> {r.rule.MatchType} <code>{JSON.stringify(r.rule.Value)}</code>
            </td>
            <td>
              <code>{r.rule.RoleARN}</code>
            </td>
            <td>
              {r.index === chosen ? "chosen" : r.matched ? "matches" : "no match"}: {r.because}
              {r.unconfirmed && <span className="block text-amber-800">Not confirmed: {r.unconfirmed}.</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
