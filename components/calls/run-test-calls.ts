"use client";

import type { Environment } from "@/lib/config/environment";
import type { RunCredentials } from "./gather-credentials";
import type { FailedCall } from "@/lib/cloudtrail/types";
import type { TestCallKey, TestCallMap, TestCallResult, TestCall } from "@/lib/test-calls/types";
import { getCredentialsState } from "@/components/credentials/credentials-store";
import { recordFailures } from "@/components/cloudtrail/failures-store";
import type { AgentCoreInputs } from "./agentcore-controls";
import type { AppSyncInputs } from "./appsync-controls";
import { buildTestCalls } from "./build-test-calls";
import { withDiagnosis } from "./diagnose-test-call";
import { gatherCredentials } from "./gather-credentials";
import { firstFieldOf, cloudTrailFailures } from "./cloudtrail-failures";

/**
 * One "Run all", start to end, without React: gather the session's credentials, build every cell
 * for the environment, run them (each failure diagnosed as it lands), then hand the failed IAM
 * cells to /cloudtrail. Loaded on the first run, with the call machinery it pulls in (AWS SDK clients,
 * signing, GraphQL, aws-amplify's API client), so none of it is in the page's first load.
 */

interface TestCallInputs {
  environment: Environment;
  appSync: AppSyncInputs;
  agentCore: AgentCoreInputs;
}

interface TestCallSteps {
  /** What to say before the run (refreshed tokens, guest credentials, why a variant cannot run). */
  onNotes(notes: string[]): void;
  /** The credentials the cells carry, kept in memory for "Copy with my credentials". */
  onCredentials?(credentials: RunCredentials): void;
  /** A piece of an agent's streamed reply. */
  onChunk(testCall: TestCallKey, text: string): void;
  /** Runs the cells; `annotate` finishes each result (its diagnosis). */
  runCalls(testCalls: TestCall[], annotate: (key: TestCallKey, result: TestCallResult) => TestCallResult): Promise<TestCallMap<TestCallResult>>;
}

/** The run's failed IAM cells, for /cloudtrail; undefined when the inputs left nothing to run. */
export async function runTestCalls({ environment, appSync, agentCore }: TestCallInputs, steps: TestCallSteps): Promise<TestCallMap<FailedCall> | undefined> {
  const { credentials, notes } = await gatherCredentials(environment, appSync.lambdaToken);
  steps.onCredentials?.(credentials);
  const testCalls = buildTestCalls({ environment, appSync, agentCore, credentials, onChunk: steps.onChunk });
  if (typeof testCalls === "string") {
    steps.onNotes([testCalls]);
    return undefined;
  }
  steps.onNotes(notes);
  const startedAt = new Date();
  // The environment says which authorization modes the AppSync API has: a cell refused for a
  // credential kind the API has no mode for is diagnosed as that, whatever AWS's words.
  const results = await steps.runCalls(testCalls, (key, result) => withDiagnosis(key, result, environment));
  // Failed IAM cells go to /cloudtrail: was the role assumed when they failed? A run cancelled
  // before any cell started leaves the last run's failures in place.
  const failures = cloudTrailFailures(environment, results, getCredentialsState(), startedAt, firstFieldOf(appSync.query));
  if (results.size > 0) recordFailures(failures.values());
  return failures;
}
