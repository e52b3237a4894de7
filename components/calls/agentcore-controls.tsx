"use client";

import type { Environment } from "@/lib/config/environment";
import { newSessionId, runtimeInvokeUrl, unencodedInvokeUrl } from "@/lib/agentcore/urls";

export interface AgentCoreInputs {
  prompt: string;
  sessionId: string;
}

export const initialAgentCore = (): AgentCoreInputs => ({ prompt: "Hello from Auth Flow Debugger", sessionId: newSessionId() });

/** Prompt, the runtime session id (reused by every runtime cell), and the URLs that will be called. */
export function AgentCoreControls({ environment, value, onChange }: { environment: Environment; value: AgentCoreInputs; onChange: (next: AgentCoreInputs) => void }) {
  const target = environment.agentCore;
  const base = environment.endpoints.agentCore ?? environment.region;
  return (
    <div className="space-y-2 text-sm">
      {target?.runtimeArn && (
        <p className="text-xs text-slate-500">
          Invoke URL <code className="break-all">{runtimeInvokeUrl(base, target.runtimeArn, target.qualifier)}</code>
          <span className="block">
            (the ARN must be URL-encoded: <code className="break-all">{unencodedInvokeUrl(base, target.runtimeArn, target.qualifier)}</code> is a
            different path and is not found)
          </span>
        </p>
      )}
      {target?.gatewayUrl && <p className="text-xs text-slate-500">Gateway <code>{target.gatewayUrl}</code></p>}
      <div className="grid gap-3 lg:grid-cols-2">
        <label className="block">
          <span className="mb-1 block text-slate-700">Prompt (sent as {"{\"prompt\": …}"})</span>
          <textarea aria-label="Prompt" value={value.prompt} onChange={(e) => onChange({ ...value, prompt: e.target.value })} rows={2} className="w-full rounded border border-slate-300 bg-white p-2 text-xs" />
        </label>
        <label className="block">
          <span className="mb-1 flex items-center gap-2 text-slate-700">
            Runtime session id
            <button type="button" onClick={() => onChange({ ...value, sessionId: newSessionId() })} className="rounded border border-slate-300 px-1.5 py-0.5 text-xs">
              New session
            </button>
          </span>
          <input aria-label="Session id" value={value.sessionId} onChange={(e) => onChange({ ...value, sessionId: e.target.value })} className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
        </label>
      </div>
    </div>
  );
}
