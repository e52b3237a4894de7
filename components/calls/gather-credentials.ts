"use client";

import { Hub } from "aws-amplify/utils";
import type { Profile } from "@/lib/config/profile";
import type { AppSyncCredentials } from "@/lib/appsync/variants";
import { ensureCredentials } from "@/components/credentials/credentials-store";
import { readTokens } from "@/components/session/read-tokens";

/**
 * Everything a matrix run may carry: the user pool tokens (refreshed first when expired, and the
 * run says so), identity-pool credentials, and the API key. What is missing carries its reason,
 * so a cell that cannot run says why instead of failing mysteriously.
 */
export async function gatherCredentials(profile: Profile): Promise<{ credentials: AppSyncCredentials; notes: string[] }> {
  const notes: string[] = [];
  let refreshed = false;
  const stop = Hub.listen("auth", ({ payload }) => {
    if (payload.event === "tokenRefresh") refreshed = true;
  });
  const tokens = await readTokens()
    .catch(() => undefined)
    .finally(stop);
  const idToken = tokens?.idToken;
  if (refreshed) notes.push("The tokens had expired; they were refreshed before this run.");
  const credentials: AppSyncCredentials = {
    apiKey: profile.appSync[0]?.apiKey,
    idToken: idToken?.toString(),
    accessToken: tokens?.accessToken?.toString(),
  };
  if (!idToken) {
    notes.push("Not signed in: only the API key variants can run. Sign in on the Session page for the rest.");
    credentials.awsUnavailable = "Not signed in: identity-pool credentials need the ID token.";
    return { credentials, notes };
  }
  const state = await ensureCredentials(profile, idToken.toString());
  if (state.status === "ok") credentials.aws = state.credentials;
  else if (state.status === "error") credentials.awsUnavailable = `No IAM credentials: ${state.error.code} at ${state.error.step}: ${state.error.message}`;
  else if (state.status === "unavailable") credentials.awsUnavailable = state.reason;
  return { credentials, notes };
}
