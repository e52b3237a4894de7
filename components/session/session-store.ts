"use client";

import { useEffect, useSyncExternalStore } from "react";
import { getCurrentUser, signOut as amplifySignOut } from "aws-amplify/auth";
import type { JWT } from "aws-amplify/auth";
import { Hub } from "aws-amplify/utils";
import { useEnvironments } from "@/components/environments/environments-provider";
import { readTokens } from "./read-tokens";

/**
 * The signed-in user and both tokens, in one place for the whole tab: the Session and Tokens
 * pages read it with useAuthSession(); a test run asks it whether reading its tokens refreshed
 * them. One Amplify Hub listener (sign-in, sign-out, token refresh) keeps it current, so every
 * view sees the same session without polling.
 */

type AuthSessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "error"; message: string }
  | {
      status: "signed-in";
      username: string;
      userId: string;
      loginId?: string;
      idToken: JWT;
      accessToken: JWT;
      /** When the tokens were last read, so "refreshed" is visible. */
      readAt: number;
    };

interface Snapshot {
  state: AuthSessionState;
  /** A refresh or sign-out is under way. */
  busy: boolean;
}

const LOADING: Snapshot = { state: { status: "loading" }, busy: false };
let current: Snapshot = LOADING;
/** The Amplify configuration `current` was read under: another environment's session is never shown. */
let readFor: string | null = null;
/** Numbers the reads; one that lands after a newer one started is dropped. */
let latest = 0;
/** Token refreshes Amplify has announced so far. */
let refreshes = 0;
let listening = false;
const listeners = new Set<() => void>();

function publish(next: Partial<Snapshot>) {
  current = { ...current, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The one Hub listener; it stays for the life of the tab. */
function listen() {
  if (listening) return;
  listening = true;
  Hub.listen("auth", ({ payload }) => {
    if (payload.event === "tokenRefresh") refreshes += 1;
    // With no page showing the session, the next one to show it reads it afresh anyway.
    if (listeners.size > 0 && ["signedIn", "signedOut", "tokenRefresh", "tokenRefresh_failure"].includes(payload.event)) void read();
  });
}

async function read(forceRefresh = false): Promise<void> {
  const mine = ++latest;
  let state: AuthSessionState;
  try {
    const tokens = await readTokens(forceRefresh);
    if (!tokens?.idToken || !tokens.accessToken) {
      state = { status: "signed-out" };
    } else {
      const user = await getCurrentUser();
      state = {
        status: "signed-in",
        username: user.username,
        userId: user.userId,
        loginId: user.signInDetails?.loginId,
        idToken: tokens.idToken,
        accessToken: tokens.accessToken,
        readAt: Date.now(),
      };
    }
  } catch (error) {
    const e = error as Error;
    state = { status: "error", message: `${e.name}: ${e.message}` };
  }
  if (mine === latest) publish({ state });
}

/** A page showing the session mounted: read it afresh (Amplify refreshes expired tokens on the way). */
function openSession(configuration: string) {
  listen();
  if (readFor !== configuration) {
    readFor = configuration;
    current = LOADING;
  }
  void read();
}

/** Marks the session busy while `work` runs (the buttons wait for it). */
async function busyWhile(work: () => Promise<void>) {
  publish({ busy: true });
  try {
    await work();
  } finally {
    publish({ busy: false });
  }
}

/** Asks Cognito for new tokens now, whether or not the current ones have expired. */
const refreshSession = () => busyWhile(() => read(true));

const signOutSession = () =>
  busyWhile(async () => {
    try {
      await amplifySignOut();
    } catch (error) {
      const e = error as Error;
      publish({ state: { status: "error", message: `Sign-out failed: ${e.name}: ${e.message}` } });
    }
  }).then(() => read());

/**
 * How many token refreshes Amplify has announced in this tab: a run compares it around reading
 * its tokens to say they had expired and were refreshed.
 */
export function tokenRefreshes(): number {
  listen();
  return refreshes;
}

/** The session of the active environment, for a view; it re-reads when Amplify is re-configured. */
export function useAuthSession() {
  const { configuration } = useEnvironments();
  const snapshot = useSyncExternalStore(
    subscribe,
    () => (readFor === configuration ? current : LOADING),
    () => LOADING,
  );
  useEffect(() => openSession(configuration), [configuration]);
  return { state: snapshot.state, busy: snapshot.busy, refresh: refreshSession, signOut: signOutSession };
}
