"use client";

import type { Environment } from "@/lib/config/environment";
import { agentCoreTestCalls } from "@/lib/agentcore/test-calls";
import { appSyncTestCalls } from "@/lib/appsync/test-calls";
import { eventTestCalls } from "@/lib/appsync/events/test-calls";
import type { UpgradeExplanation, UpgradeRefusal, WebSocketFactory } from "@/lib/ws";
import type { RunCredentials } from "./gather-credentials";
import type { TestCallKey, TestCall } from "@/lib/test-calls/types";
import type { AgentCoreInputs } from "./agentcore-controls";
import { amplifyTestCalls } from "./amplify-test-calls";
import { parseVariables, type AppSyncInputs } from "./appsync-controls";
import { baseFetch } from "./base-fetch";

// The browser's WebSocket fits lib/ws's minimal socket type; only its handler types are narrower.
const browserSocket = (url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown;

/** Asks the dashboard's server to repeat a refused upgrade and report AWS's answer, or why it could not connect. */
async function explainRefusal(url: string, protocols: string[]): Promise<UpgradeExplanation | undefined> {
  const response = await baseFetch("/api/relay/ws", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url, protocols }) });
  if (!response.ok) return undefined;
  const result = (await response.json()) as { opened: boolean; refusal?: UpgradeRefusal; error?: string };
  if (result.refusal) return { refusal: result.refusal };
  return result.error ? { unreachable: result.error } : undefined;
}

interface TestCallInputs {
  environment: Environment;
  appSync: AppSyncInputs;
  agentCore: AgentCoreInputs;
  credentials: RunCredentials;
  onChunk: (testCall: TestCallKey, text: string) => void;
}

/** The whole set of test calls for one environment: AppSync rows, aws-amplify's own calls, Event API rows, AgentCore rows. */
export function buildTestCalls({ environment, appSync, agentCore, credentials, onChunk }: TestCallInputs): TestCall[] | string {
  const testCalls: TestCall[] = [];
  const api = environment.appSync[0];
  if (api) {
    const variables = parseVariables(appSync.variables);
    if (typeof variables === "string") return variables;
    const query = { query: appSync.query, variables };
    testCalls.push(
      ...appSyncTestCalls({
        api,
        query,
        subscription: appSync.subscription.trim() ? { query: appSync.subscription } : undefined,
        trigger: appSync.subscription.trim() ? appSync.trigger : undefined,
        credentials,
        createSocket: browserSocket as WebSocketFactory,
        fetchImpl: baseFetch,
      }),
      ...amplifyTestCalls(api, query, credentials),
    );
  }
  const eventApi = environment.appSyncEvents?.[0];
  if (eventApi) testCalls.push(...eventTestCalls({ api: eventApi, credentials, createSocket: browserSocket as WebSocketFactory, fetchImpl: baseFetch }));
  if (environment.agentCore) {
    testCalls.push(
      ...agentCoreTestCalls({
        region: environment.region,
        endpoint: environment.endpoints.agentCore,
        runtimeArn: environment.agentCore.runtimeArn,
        qualifier: environment.agentCore.qualifier,
        gatewayUrl: environment.agentCore.gatewayUrl,
        credentials,
        sessionId: agentCore.sessionId,
        prompt: agentCore.prompt,
        createSocket: browserSocket as WebSocketFactory,
        fetchImpl: baseFetch,
        onChunk,
        explainRefusal,
      }),
    );
  }
  return testCalls;
}
