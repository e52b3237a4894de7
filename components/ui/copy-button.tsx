"use client";

import { useState } from "react";

/** Copies a value; says so for a moment. Clipboard access can be refused, and that is said too. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "refused">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("refused");
    }
    setTimeout(() => setState("idle"), 1500);
  }
  const outcome = state === "copied" ? "Copied" : state === "refused" ? "Copy refused" : "";
  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={label}
        className="rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100"
      >
        {outcome || "Copy"}
      </button>
      {/* The label names the button, so its changing text is not read out: the outcome is, here. */}
      <span role="status" className="sr-only">
        {outcome}
      </span>
    </>
  );
}
