"use client";

import { useSyncExternalStore } from "react";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { Environment } from "@/lib/config/environment";
import { getIdentityCredentials, IdentityPoolError, type IdentityCredentials, type IdentityFlow } from "@/lib/identity/credentials";
import { RelayHttpHandler } from "@/lib/http/relay-handler";
import { rememberAccount } from "./known-account";

/**
 * Identity-pool credentials for the active environment and signed-in user, shared by the
 * credentials panel and the test calls so both show the same identity and role. Refetched when
 * they are within five minutes of expiry.
 */

export type CredentialsState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "unavailable"; reason: string }
  | { status: "error"; error: { step: string; errorType: string; message: string; unconfirmed?: string } }
  | { status: "ok"; credentials: IdentityCredentials; callerArn?: string; callerError?: string; fetchedAt: number };

let state: CredentialsState = { status: "idle" };
let key = "";
let inflight: Promise<CredentialsState> | null = null;
const listeners = new Set<() => void>();

function set(next: CredentialsState) {
  state = next;
  for (const l of listeners) l();
}

export function useCredentials(): CredentialsState {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
    () => state,
  );
}

/** The current state outside React (a test-call run reads it once it has finished). */
export const getCredentialsState = (): CredentialsState => state;

const FRESH_MS = 5 * 60_000;

/** `idToken` undefined asks for a guest's credentials (the pool must allow unauthenticated identities). */
export function ensureCredentials(environment: Environment, idToken: string | undefined, options: { flow?: IdentityFlow; roleArn?: string; customRoleArn?: string; force?: boolean } = {}): Promise<CredentialsState> {
  const flow = options.flow ?? "enhanced";
  const wanted = `${environment.id}|${idToken ?? "guest"}|${flow}|${options.roleArn ?? ""}|${options.customRoleArn ?? ""}`;
  if (!environment.identityPoolId) {
    const unavailable: CredentialsState = { status: "unavailable", reason: "This environment has no identity pool, so there are no IAM credentials to test with." };
    key = wanted;
    set(unavailable);
    return Promise.resolve(unavailable);
  }
  const fresh = state.status === "ok" && state.credentials.expiration.getTime() - Date.now() > FRESH_MS;
  if (!options.force && wanted === key && (fresh || state.status === "error")) return Promise.resolve(state);
  if (!options.force && wanted === key && inflight) return inflight;
  key = wanted;
  set({ status: "loading" });
  inflight = load(environment, idToken, flow, options.roleArn, options.customRoleArn).then((next) => {
    if (key === wanted) set(next);
    inflight = null;
    return next;
  });
  return inflight;
}

async function load(environment: Environment, idToken: string | undefined, flow: IdentityFlow, roleArn?: string, customRoleArn?: string): Promise<CredentialsState> {
  const relay = new RelayHttpHandler();
  let credentials: IdentityCredentials;
  try {
    credentials = await getIdentityCredentials({
      region: environment.region,
      identityPoolId: environment.identityPoolId!,
      userPoolId: environment.userPoolId,
      ...(idToken ? { idToken } : {}),
      flow,
      roleArn,
      ...(customRoleArn ? { customRoleArn } : {}),
      cognitoIdentityEndpoint: environment.endpoints.cognitoIdentity,
      stsEndpoint: environment.endpoints.sts,
      stsRequestHandler: relay,
    });
  } catch (error) {
    if (error instanceof IdentityPoolError) {
      return { status: "error", error: { step: error.step, errorType: error.errorType, message: error.message, ...(error.unconfirmed ? { unconfirmed: error.unconfirmed } : {}) } };
    }
    return { status: "error", error: { step: "GetId", errorType: (error as Error).name, message: (error as Error).message } };
  }
  // STS sends no CORS headers, so GetCallerIdentity goes through the dashboard's relay.
  try {
    const sts = new STSClient({
      region: environment.region,
      ...(environment.endpoints.sts ? { endpoint: environment.endpoints.sts } : {}),
      credentials,
      requestHandler: relay,
    });
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    rememberAccount(environment.id, caller.Arn);
    return { status: "ok", credentials, callerArn: caller.Arn, fetchedAt: Date.now() };
  } catch (error) {
    return { status: "ok", credentials, callerError: `${(error as Error).name}: ${(error as Error).message}`, fetchedAt: Date.now() };
  }
}
