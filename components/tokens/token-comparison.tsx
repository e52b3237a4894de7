"use client";

import { decodeProtectedHeader } from "jose";
import Link from "next/link";
import type { JWT } from "aws-amplify/auth";
import { useProfiles } from "@/components/profiles/profiles-provider";
import { useAuthSession } from "@/components/session/use-auth-session";

/** Both tokens' headers and claims in one table: what is only in one of them stands out. */
export function TokenComparison() {
  const { ready, active } = useProfiles();
  if (!ready) return <p className="text-slate-500">Loading environments…</p>;
  if (!active) return <p>No environment is selected.</p>;
  return <Comparison key={active.id} />;
}

function Comparison() {
  const { state } = useAuthSession();
  if (state.status === "loading") return <p className="text-slate-500">Reading the session…</p>;
  if (state.status !== "signed-in") {
    return (
      <p>
        Not signed in. <Link href="/" className="text-blue-700 underline">Sign in</Link> to see your tokens side by side.
      </p>
    );
  }
  const id = claimsOf(state.idToken);
  const access = claimsOf(state.accessToken);
  const names = [...new Set([...Object.keys(id), ...Object.keys(access)])].sort();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Tokens</h1>
      <table className="w-full border-collapse bg-white text-sm" aria-label="ID and access token claims">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th className="p-2">Claim</th>
            <th className="p-2">ID token</th>
            <th className="p-2">Access token</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const a = id[name];
            const b = access[name];
            const differs = a !== b;
            return (
              <tr key={name} data-claim={name} data-differs={differs || undefined} className={`border-b border-slate-100 ${differs ? "bg-amber-50" : ""}`}>
                <th scope="row" className="p-2 text-left font-mono font-normal">{name}</th>
                <td className="break-all p-2 font-mono">{a ?? <span className="text-slate-400">absent</span>}</td>
                <td className="break-all p-2 font-mono">{b ?? <span className="text-slate-400">absent</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function claimsOf(token: JWT): Record<string, string> {
  const header = decodeProtectedHeader(token.toString());
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(header)) out[`header.${k}`] = JSON.stringify(v);
  for (const [k, v] of Object.entries(token.payload)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
  return out;
}
