"use client";

import type { usePolicyCheck } from "./use-policy-check";

type Inputs = ReturnType<typeof usePolicyCheck>["inputs"];
const box = "w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs";

/** Who assumes the role: STS's context for a Cognito identity pool token, editable to try another. */
export function IdentityInputs({ inputs }: { inputs: Inputs }) {
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 bg-white p-3 text-sm">
      <legend className="px-1 font-medium">The identity (sts:AssumeRoleWithWebIdentity)</legend>
      <label className="block">
        <span className="text-slate-700">Identity pool id — <code>cognito-identity.amazonaws.com:aud</code></span>
        <input aria-label="Identity pool id" value={inputs.identityPoolId} onChange={(e) => inputs.setIdentityPoolId(e.target.value)} className={box} />
      </label>
      <label className="block">
        <span className="text-slate-700">Authentication methods — <code>cognito-identity.amazonaws.com:amr</code></span>
        <input aria-label="amr" value={inputs.amrText} onChange={(e) => inputs.setAmrText(e.target.value)} className={box} />
      </label>
      <label className="block">
        <span className="text-slate-700">Identity id — <code>cognito-identity.amazonaws.com:sub</code> (optional)</span>
        <input aria-label="Identity id" value={inputs.identityId} onChange={(e) => inputs.setIdentityId(e.target.value)} className={box} />
      </label>
      <label className="flex flex-wrap items-center gap-2">
        <span className="text-slate-700">Flow</span>
        <select aria-label="Flow" value={inputs.flow} onChange={(e) => inputs.setFlow(e.target.value as "enhanced" | "basic")} className="rounded border border-slate-300 px-2 py-1">
          <option value="enhanced">enhanced</option>
          <option value="basic">basic</option>
        </select>
        <span className="text-xs text-slate-600">
          {inputs.flow === "enhanced" ? "GetCredentialsForIdentity: Cognito assumes the pool's role for you." : "GetOpenIdToken, then your app calls STS AssumeRoleWithWebIdentity naming the role."}
        </span>
      </label>
    </fieldset>
  );
}

/** Where the resources live and what the test calls send: the parts of each ARN. */
export function OperationInputs({ inputs }: { inputs: Inputs }) {
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 bg-white p-3 text-sm">
      <legend className="px-1 font-medium">The calls</legend>
      <label className="block">
        <span className="text-slate-700">Account of the resources</span>
        <input aria-label="Account" value={inputs.account} onChange={(e) => inputs.setAccount(e.target.value)} placeholder="123456789012" className={box} />
      </label>
      <label className="block">
        <span className="text-slate-700">AppSync API id</span>
        <input aria-label="AppSync API id" value={inputs.apiId} onChange={(e) => inputs.setApiId(e.target.value)} className={box} />
        {inputs.apiIdFromHost && (
          <span className="text-xs text-amber-800">
            <span className="mr-1 rounded border border-amber-700 px-1 font-semibold">Not confirmed</span>
            read from the GraphQL URL&apos;s host; AWS does not document that it equals the API id. Check with <code>aws appsync list-graphql-apis</code>.
          </span>
        )}
      </label>
      <label className="block">
        <span className="text-slate-700">GraphQL operation (HTTP test calls)</span>
        <textarea aria-label="GraphQL operation" rows={3} value={inputs.ops.query} onChange={(e) => inputs.setOps({ ...inputs.ops, query: e.target.value })} className={box} />
      </label>
      <label className="block">
        <span className="text-slate-700">Subscription (realtime test calls)</span>
        <textarea aria-label="Subscription" rows={2} value={inputs.ops.subscription} onChange={(e) => inputs.setOps({ ...inputs.ops, subscription: e.target.value })} className={box} />
      </label>
    </fieldset>
  );
}
