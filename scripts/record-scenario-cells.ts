// Records every sandbox scenario's test calls that did not pass, as the page runs them (the same
// test-call code, WebSocket refusals read the way the dashboard's server reads them, the gateway
// answered as the relay sees it), into components/calls/test-support/scenario-cells.json for
// components/calls/scenario-diagnoses.test.ts. Sign-ins come from the scenario table.
//
//   node --conditions=react-server --import tsx scripts/record-scenario-cells.ts
import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import WebSocket from "ws";
import { writeFileSync } from "node:fs";
import { startSandbox } from "../sandbox/server";
import { appSyncTestCalls } from "../lib/appsync/test-calls";
import { agentCoreTestCalls } from "../lib/agentcore/test-calls";
import { eventTestCalls } from "../lib/appsync/events/test-calls";
import { appSyncEndpoints } from "../lib/appsync/endpoints";
import { buildGraphqlRequest } from "../lib/appsync/http-request";
import { examplesFromIntrospection, INTROSPECTION } from "../lib/appsync/examples";
import { sendPrepared } from "../lib/http/exchange";
import type { WebSocketFactory } from "../lib/ws";
import type { AppSyncCredentials } from "../lib/appsync/variants";
import { getIdentityCredentials } from "../lib/identity/credentials";
import { runCalls } from "../lib/test-calls/run";
import { SCENARIO_RUNS } from "../components/calls/test-support/scenario-diagnoses";
import { probeUpgrade } from "../server/relay/ws-upgrade-probe";
/** What the dashboard's /api/relay/ws route tells the page about a refused upgrade. */
const explainRefusal = async (url: string, protocols: string[]) => {
  const r = await probeUpgrade(url, protocols);
  if (r.opened) return undefined;
  return r.refusal ? { refusal: r.refusal } : { unreachable: r.error ?? "connection failed" };
};

const sandbox = await startSandbox({ port: 0 });
const envs = (await (await fetch(`${sandbox.url}/_sandbox/environments`)).json()).environments;
const createSocket = ((url: string, protocols: string[]) => new WebSocket(url, protocols)) as unknown as WebSocketFactory;
const out: Record<string, { appSync: unknown[]; cells: unknown[] }> = {};
for (const { run: key, scenario: name, signIn: user, lambdaToken } of SCENARIO_RUNS) {
  const environment = envs.find((p: { id: string }) => p.id === `sandbox-${name}`);
  const scenario = sandbox.scenarios.find((s) => s.name === name)!;
  const pool = scenario.userPools[0]!;
  let idToken: string | undefined;
  let accessToken: string | undefined;
  if (user) {
    const idp = new CognitoIdentityProviderClient({ region: scenario.region, endpoint: sandbox.url, credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const auth = await idp.send(new InitiateAuthCommand({ ClientId: pool.clients[0]!.id, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: user[0], PASSWORD: user[1] } }));
    idToken = auth.AuthenticationResult!.IdToken!;
    accessToken = auth.AuthenticationResult!.AccessToken!;
  }
  const credentials: AppSyncCredentials = { apiKey: environment.appSync[0]?.apiKey, idToken, accessToken, ...(lambdaToken ? { lambdaToken } : {}) };
  if (environment.identityPoolId) {
    try {
      credentials.aws = await getIdentityCredentials({
        region: scenario.region, identityPoolId: environment.identityPoolId, userPoolId: pool.id, idToken, flow: "enhanced",
        cognitoIdentityEndpoint: environment.endpoints.cognitoIdentity,
      });
    } catch (e) {
      const err = e as { errorType?: string; step?: string; message: string };
      credentials.awsUnavailable = `No IAM credentials: ${err.errorType} at ${err.step}: ${err.message}`;
    }
  } else credentials.awsUnavailable = "No identity pool in this environment.";
  const calls = [];
  const api = environment.appSync[0];
  if (api) {
    let query = { query: "query Probe { __typename }" } as { query: string };
    let subscription: { query: string } | undefined;
    let trigger;
    for (const variant of ["api-key", "access-token", "id-token"] as const) {
      try {
        const request = await buildGraphqlRequest(variant, appSyncEndpoints(api.url), INTROSPECTION, credentials, api.region);
        const exchange = await sendPrepared(request, { path: "browser", timeoutMs: 8000 });
        if (exchange.response?.status !== 200) continue;
        const ex = examplesFromIntrospection(JSON.parse(exchange.response.body).data);
        query = ex.queries[0]!.operation as { query: string };
        subscription = ex.subscription ? { query: ex.subscription.query } : undefined;
        trigger = ex.trigger;
        break;
      } catch { /* next */ }
    }
    calls.push(...appSyncTestCalls({ api, query, subscription, trigger, credentials, createSocket }));
  }
  if (environment.agentCore) {
    calls.push(...agentCoreTestCalls({
      region: environment.region, endpoint: environment.endpoints.agentCore, runtimeArn: environment.agentCore.runtimeArn,
      qualifier: environment.agentCore.qualifier, gatewayUrl: environment.agentCore.gatewayUrl, credentials,
      sessionId: "session-0123456789abcdef0123456789abcdef", createSocket, explainRefusal,
    }));
  }
  const eventApi = environment.appSyncEvents?.[0];
  if (eventApi) calls.push(...eventTestCalls({ api: eventApi, credentials, createSocket }));
  const results = await runCalls(calls, { timeoutMs: 10_000, onResult: () => {} });
  out[key] = {
    appSync: environment.appSync.map((a: Record<string, unknown>) => ({ ...a, apiKey: a.apiKey ? "da2-…redacted…" : undefined })),
    cells: [...results].filter(([, r]) => r.outcome !== "pass").map(([k, r]) => ({
      row: k.row, column: k.column, outcome: r.outcome, status: r.status, errorType: r.errorType, message: r.message, summary: r.summary,
      ...(r.detail?.response ? { detail: { response: r.detail.response.slice(0, 4000) } } : {}),
    })),
  };
  console.log(`${key}: ${out[key].cells.length} cells did not pass`);
}
writeFileSync("components/calls/test-support/scenario-cells.json", JSON.stringify(out, null, 1) + "\n");
await sandbox.close?.();
process.exit(0);
