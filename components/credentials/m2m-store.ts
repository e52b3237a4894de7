"use client";

import { useSyncExternalStore } from "react";
import { decodeToken } from "@/lib/tokens/decode";
import { scopesOf } from "@/lib/tokens/checks";

/**
 * The machine-to-machine access token of the active environment: what the client credentials
 * grant answered last. Held in this module only — never in sessionStorage, a share link, a report
 * or a log — and gone with the tab. The client secret is not kept here at all: the form that
 * asked for the token holds it in its own state.
 */

export type M2mState =
  | { status: "none" }
  | { status: "ok"; environmentId: string; clientId: string; accessToken: string; scopes: string[]; expiresAt: number }
  | { status: "error"; environmentId: string; clientId: string; httpStatus?: number; error: string; unconfirmed?: string };

let state: M2mState = { status: "none" };
const listeners = new Set<() => void>();

export function setM2mState(next: M2mState): void {
  state = next;
  for (const l of listeners) l();
}

export const getM2mState = (): M2mState => state;

export function useM2mState(): M2mState {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => state, () => state);
}

/** Keeps a token the endpoint issued, with the scopes it really carries (its `scope` claim). */
export function storeM2mToken(environmentId: string, clientId: string, accessToken: string, expiresIn: number, now = Date.now()): void {
  let scopes: string[] = [];
  try {
    scopes = scopesOf(decodeToken(accessToken).claims);
  } catch {
    // Not a JWT: the cells will show what AgentCore makes of it.
  }
  setM2mState({ status: "ok", environmentId, clientId, accessToken, scopes, expiresAt: now + expiresIn * 1000 });
}

/** The token a test-call run may carry for this environment, or why there is none. */
export function m2mFor(environmentId: string, now = Date.now()): { m2mAccessToken: string } | { m2mUnavailable: string } {
  const s = state;
  if (s.status === "none" || s.environmentId !== environmentId) return { m2mUnavailable: "No M2M token: give an app client id and secret under \"M2M token\" and get one." };
  if (s.status === "error") return { m2mUnavailable: `No M2M token: the token endpoint answered ${s.httpStatus ?? ""} ${s.error}`.replace(/\s+/g, " ").trim() };
  if (s.expiresAt <= now) return { m2mUnavailable: "The M2M token has expired: get a new one under \"M2M token\"." };
  return { m2mAccessToken: s.accessToken };
}
