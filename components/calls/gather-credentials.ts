"use client";

import type { Environment } from "@/lib/config/environment";
import type { AppSyncCredentials } from "@/lib/appsync/variants";
import { ensureCredentials } from "@/components/credentials/credentials-store";
import { readTokens } from "@/components/session/read-tokens";
import { tokenRefreshes } from "@/components/session/session-store";
import { m2mFor } from "@/components/credentials/m2m-store";
import type { AgentCoreCredentials } from "@/lib/agentcore/variants";

/** What a run carries: AppSync's credential set plus the M2M token the AgentCore cells may send. */
export type RunCredentials = AppSyncCredentials & Pick<AgentCoreCredentials, "m2mAccessToken" | "m2mUnavailable">;

/**
 * Everything a test-call run may carry: the user pool tokens (refreshed first when expired, and the
 * run says so), identity-pool credentials, and the API key. What is missing carries its reason,
 * so a cell that cannot run says why instead of failing mysteriously.
 */
export async function gatherCredentials(environment: Environment, lambdaToken = ""): Promise<{ credentials: RunCredentials; notes: string[] }> {
  const notes: string[] = [];
  const before = tokenRefreshes();
  const tokens = await readTokens().catch(() => undefined);
  const refreshed = tokenRefreshes() > before;
  const idToken = tokens?.idToken;
  if (refreshed) notes.push("The tokens had expired; they were refreshed before this run.");
  const credentials: RunCredentials = {
    apiKey: environment.appSync[0]?.apiKey,
    idToken: idToken?.toString(),
    accessToken: tokens?.accessToken?.toString(),
    // The client credentials token needs no signed-in user.
    ...m2mFor(environment.id),
    // Typed by the user for the AWS_LAMBDA column; it needs no sign-in.
    ...(lambdaToken ? { lambdaToken } : {}),
  };
  if (!idToken) {
    // A pool that allows guests hands out guest credentials, as aws-amplify does when nobody is
    // signed in; they are scoped down by Cognito, which is what the IAM cells then show.
    if (environment.identityPoolId && environment.poolDetails?.unauthenticatedIdentitiesEnabled) {
      const guest = await ensureCredentials(environment, undefined);
      if (guest.status === "ok") {
        credentials.aws = guest.credentials;
        notes.push("Not signed in: the IAM variants use the identity pool's guest credentials (enhanced flow, scoped down by Cognito). Sign in on the Session page for the rest.");
        return { credentials, notes };
      }
    }
    notes.push(`Not signed in: only the API key${lambdaToken ? " and Lambda token" : ""} variants can run. Sign in on the Session page for the rest.`);
    credentials.awsUnavailable = "Not signed in: identity-pool credentials need the ID token.";
    return { credentials, notes };
  }
  const state = await ensureCredentials(environment, idToken.toString());
  if (state.status === "ok") credentials.aws = state.credentials;
  else if (state.status === "error") credentials.awsUnavailable = `No IAM credentials: ${state.error.errorType} at ${state.error.step}: ${state.error.message}`;
  else if (state.status === "unavailable") credentials.awsUnavailable = state.reason;
  return { credentials, notes };
}
