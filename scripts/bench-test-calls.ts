// Measures what the dashboard's call path costs over a bare request, against the local sandbox.
// For each AppSync variant: N runs through the test call (build → send → interpret, exactly as
// the page does) and N runs of the same prepared request as a bare fetch, interleaved so both
// see the same machine load. Then the whole set of test calls N times against its slowest single cell.
//
//   npm run bench:test-calls            (N = 200)
//   npm run bench:test-calls -- 50
import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import WebSocket from "ws";
import { startSandbox } from "../sandbox/server";
import { appSyncTestCalls } from "../lib/appsync/test-calls";
import { appSyncEndpoints } from "../lib/appsync/endpoints";
import { buildGraphqlRequest } from "../lib/appsync/http-request";
import type { WebSocketFactory } from "../lib/ws";
import { APPSYNC_VARIANTS, type AppSyncCredentials } from "../lib/appsync/variants";
import { getIdentityCredentials } from "../lib/identity/credentials";
import { runCalls } from "../lib/test-calls/run";
import type { TestCall } from "../lib/test-calls/types";

const N = Number(process.argv[2] ?? 200);
const sandbox = await startSandbox({ port: 0 });
const demo = sandbox.scenarios.find((s) => s.name === "demo")!;
const pool = demo.userPools[0]!;
const environment = (await (await fetch(`${sandbox.url}/_sandbox/environments`)).json()).environments.find((p: { id: string }) => p.id === "sandbox-demo");
const api = environment.appSync[0];

const idp = new CognitoIdentityProviderClient({ region: demo.region, endpoint: sandbox.url, credentials: { accessKeyId: "x", secretAccessKey: "x" } });
const auth = await idp.send(
  new InitiateAuthCommand({ ClientId: pool.clients[0]!.id, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "demo@example.com", PASSWORD: "Demo-Passw0rd!" } }),
);
const idToken = auth.AuthenticationResult!.IdToken!;
const aws = await getIdentityCredentials({
  region: demo.region,
  identityPoolId: environment.identityPoolId,
  userPoolId: pool.id,
  idToken,
  flow: "enhanced",
  cognitoIdentityEndpoint: environment.endpoints.cognitoIdentity,
});
const credentials: AppSyncCredentials = { apiKey: api.apiKey, idToken, accessToken: auth.AuthenticationResult!.AccessToken!, aws };
const query = { query: "query { listNotes { id content } }" };
const createSocket = ((url: string, protocols: string[]) => new WebSocket(url, protocols)) as unknown as WebSocketFactory;
const testCalls = appSyncTestCalls({ api, query, subscription: { query: "subscription { onCreateNote { id } }" }, credentials, createSocket });

const ctx = { signal: new AbortController().signal, timeoutMs: 10_000, path: "browser" as const };
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]! };
};
const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(10);

console.log(`AppSync over HTTP against the sandbox, ${N} runs per variant (median / p95)\n`);
console.log(`${"variant".padEnd(14)}${"dashboard".padStart(22)}${"bare fetch".padStart(22)}${"overhead".padStart(12)}`);
for (const variant of APPSYNC_VARIANTS) {
  const testCall = testCalls.find((c) => c.row === "appsync-http" && c.column === variant)!;
  const dashboard: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < N; i++) {
    let t = performance.now();
    const result = await testCall.run(ctx);
    dashboard.push(performance.now() - t);
    if (result.outcome !== "pass") throw new Error(`${variant}: ${result.summary}`);
    // The same request, built the same way (IAM signing included), then a bare fetch.
    const request = await buildGraphqlRequest(variant, appSyncEndpoints(api.url), query, credentials, api.region);
    t = performance.now();
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    await response.text();
    bare.push(performance.now() - t);
  }
  const d = stats(dashboard);
  const b = stats(bare);
  console.log(`${variant.padEnd(14)}${ms(d.median)} /${ms(d.p95)}${ms(b.median)} /${ms(b.p95)}${`${(d.median - b.median).toFixed(2)} ms`.padStart(12)}`);
}

const runs = Math.max(5, Math.floor(N / 20));
const walls: number[] = [];
const slowest: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const results = await runCalls(testCalls as TestCall[], { timeoutMs: 10_000, onResult: () => {} });
  walls.push(performance.now() - started);
  slowest.push(Math.max(...[...results.values()].map((r) => r.latencyMs ?? 0)));
}
const wall = stats(walls);
const slow = stats(slowest);
console.log(`\nWhole AppSync test calls (${testCalls.length} cells incl. realtime), ${runs} runs: median ${wall.median.toFixed(1)} ms, p95 ${wall.p95.toFixed(1)} ms`);
console.log(`Slowest single cell in the same runs: median ${slow.median.toFixed(1)} ms → wall time over the slowest cell: ${(wall.median - slow.median).toFixed(1)} ms`);
await sandbox.close();
