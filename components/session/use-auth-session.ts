"use client";

import { useCallback, useEffect, useState } from "react";
import { getCurrentUser, signOut } from "aws-amplify/auth";
import { Hub } from "aws-amplify/utils";
import type { JWT } from "aws-amplify/auth";
import { readTokens } from "./read-tokens";

export type AuthSessionState =
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

/**
 * The signed-in user and both tokens, kept current through Amplify's Hub events (sign-in,
 * sign-out, token refresh) so every view sees the same session without polling.
 */
export function useAuthSession() {
  const [state, setState] = useState<AuthSessionState>({ status: "loading" });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (forceRefresh = false) => {
    try {
      const tokens = await readTokens(forceRefresh);
      if (!tokens?.idToken || !tokens.accessToken) {
        setState({ status: "signed-out" });
        return;
      }
      const user = await getCurrentUser();
      setState({
        status: "signed-in",
        username: user.username,
        userId: user.userId,
        loginId: user.signInDetails?.loginId,
        idToken: tokens.idToken,
        accessToken: tokens.accessToken,
        readAt: Date.now(),
      });
    } catch (error) {
      const e = error as Error;
      setState({ status: "error", message: `${e.name}: ${e.message}` });
    }
  }, []);

  useEffect(() => {
    void load();
    return Hub.listen("auth", ({ payload }) => {
      if (["signedIn", "signedOut", "tokenRefresh", "tokenRefresh_failure"].includes(payload.event)) void load();
    });
  }, [load]);

  const refresh = useCallback(async () => {
    setBusy(true);
    try {
      await load(true);
    } finally {
      setBusy(false);
    }
  }, [load]);

  const end = useCallback(async () => {
    setBusy(true);
    try {
      await signOut();
    } catch (error) {
      const e = error as Error;
      setState({ status: "error", message: `Sign-out failed: ${e.name}: ${e.message}` });
    } finally {
      setBusy(false);
      await load();
    }
  }, [load]);

  return { state, busy, refresh, signOut: end };
}
