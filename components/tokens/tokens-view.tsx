"use client";

import dynamic from "next/dynamic";
import { useEnvironments } from "@/components/environments/environments-provider";
import { PastePanel } from "./paste-panel";

// aws-amplify loads only for the signed-in half; paste mode works without it.
const SessionTokens = dynamic(() => import("./session-tokens"), {
  ssr: false,
  loading: () => <p className="text-slate-500">Reading the session…</p>,
});

export function TokensView() {
  const { ready, active, configuration } = useEnvironments();
  return (
    // Long URLs and ids wrap instead of widening the page (no sideways scroll at 390 px).
    <div className="min-w-0 space-y-8 break-words">
      <h1 className="text-xl font-semibold">Tokens</h1>
      {ready && active && <SessionTokens key={configuration} />}
      <PastePanel />
    </div>
  );
}
