"use client";

/**
 * `get-identity-pool-roles` output pasted for an environment, kept in sessionStorage (this tab
 * only): role ARNs and claim rules are configuration, not secrets, but they are the customer's.
 */

const STORAGE_KEY = "auth-flow-debugger.identity-pool-roles";

function all(): Record<string, string> {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "{}") as unknown;
    return stored && typeof stored === "object" ? Object.fromEntries(Object.entries(stored).filter((e): e is [string, string] => typeof e[1] === "string")) : {};
  } catch {
    return {};
  }
}

export function readPastedRoles(environmentId: string): string {
  return all()[environmentId] ?? "";
}

/** An empty text forgets the environment's paste. */
export function writePastedRoles(environmentId: string, text: string): void {
  const next = all();
  if (text.trim()) next[environmentId] = text;
  else delete next[environmentId];
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage refused: the paste lives until the page is left.
  }
}
