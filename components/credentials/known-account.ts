"use client";

import { useSyncExternalStore } from "react";

/**
 * The AWS account each environment's calls were proved to run in (the account of the identity
 * pool credentials' caller identity), so fix snippets on any page can name it. Kept in
 * sessionStorage: this tab only, and an account id is not a secret. Deliberately apart from the
 * credentials store, so pages that only show snippets do not load the STS client.
 */

const STORAGE_KEY = "auth-flow-debugger.accounts";
const listeners = new Set<() => void>();
let cache: Record<string, string> | null = null;

function read(): Record<string, string> {
  if (cache) return cache;
  cache = {};
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "{}") as unknown;
    if (stored && typeof stored === "object") {
      for (const [id, account] of Object.entries(stored)) if (typeof account === "string" && /^\d{12}$/.test(account)) cache[id] = account;
    }
  } catch {
    // Storage refused or damaged: nothing known.
  }
  return cache;
}

/** From `arn:aws:sts::123456789012:assumed-role/…`, the account of the environment's calls. */
export function rememberAccount(environmentId: string, callerArn: string | undefined): void {
  const account = callerArn?.split(":")[4];
  if (!account || !/^\d{12}$/.test(account) || read()[environmentId] === account) return;
  cache = { ...read(), [environmentId]: account };
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(cache));
  } catch {
    // The in-memory copy still serves this page.
  }
  for (const listener of listeners) listener();
}

/** The account outside React (a report being built). */
export const knownAccount = (environmentId: string): string | undefined => read()[environmentId];

export function useKnownAccount(environmentId: string | undefined): string | undefined {
  return useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    () => (environmentId ? read()[environmentId] : undefined),
    () => undefined,
  );
}
