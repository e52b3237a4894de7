import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { decodeJwt } from "jose";
import { appSyncEndpoints } from "../../lib/appsync/endpoints";
import { probeRealtime } from "../../lib/appsync/realtime-probe";
import type { WebSocketLike } from "../../lib/ws";
import { DEMO_API, graphqlUrl } from "../appsync/test-support";
import type { ScenarioInput } from "../scenario";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";
import { fetchTrustingCa } from "./trusting-fetch";

/**
 * The TLS listener serves the same sandbox as the HTTP one: same routes, same WebSocket
 * upgrades, same state. What it hands out (issuers, discovery URLs, environments) names itself.
 * Requests here trust the sandbox CA explicitly, as a client started with NODE_EXTRA_CA_CERTS does.
 */

let sandbox: RunningSandbox;
let https: string;
let httpsFetch: typeof fetch;
const dir = mkdtempSync(join(tmpdir(), "sandbox-tls-listener-"));

// The demo scenario only: every pool's keys are made at start, and the other scenarios are not needed here.
const demo = JSON.parse(readFileSync(join(DEFAULT_SCENARIOS_DIR, "demo.json"), "utf8")) as ScenarioInput;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenarios: [demo], tls: { port: 0, dir } });
  https = sandbox.tls!.url;
  httpsFetch = fetchTrustingCa(readFileSync(sandbox.tls!.caPath, "utf8"));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cognito(f: typeof fetch, base: string, operation: string, body: unknown) {
  const response = await f(base, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const signIn = (f: typeof fetch, base: string) =>
  cognito(f, base, "InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: DEMO.clientId, AuthParameters: { USERNAME: DEMO.user.email, PASSWORD: DEMO.user.password } });

describe("the TLS listener", () => {
  it("listens on 127.0.0.1 beside the HTTP listener and reports where its CA is", () => {
    expect(https).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.tls!.port).not.toBe(sandbox.port);
    expect(sandbox.tls!.caPath).toBe(join(dir, "ca.pem"));
  });

  it("names itself in the discovery document: https issuer and jwks_uri", async () => {
    const doc = (await (await httpsFetch(`${https}/${DEMO.userPoolId}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(doc["issuer"]).toBe(`${https}/${DEMO.userPoolId}`);
    expect(doc["jwks_uri"]).toBe(`${https}/${DEMO.userPoolId}/.well-known/jwks.json`);
    const jwks = (await (await httpsFetch(doc["jwks_uri"]!)).json()) as { keys: unknown[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    const { environments } = (await (await httpsFetch(`${https}/_sandbox/environments`)).json()) as { environments: unknown[] };
    expect(JSON.stringify(environments)).toContain(`"${https}/cognito-identity"`);
    expect(JSON.stringify(environments)).not.toContain(sandbox.url);
    // The HTTP listener is unchanged.
    const plain = (await (await fetch(`${sandbox.url}/${DEMO.userPoolId}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(plain["issuer"]).toBe(`${sandbox.url}/${DEMO.userPoolId}`);
  });

  it("issues tokens whose iss is the https issuer, and honours them there", async () => {
    const { status, body } = await signIn(httpsFetch, https);
    expect(status).toBe(200);
    const auth = body["AuthenticationResult"] as { IdToken: string; AccessToken: string };
    expect(decodeJwt(auth.IdToken).iss).toBe(`${https}/${DEMO.userPoolId}`);
    expect(decodeJwt(auth.AccessToken).iss).toBe(`${https}/${DEMO.userPoolId}`);
    const user = await cognito(httpsFetch, https, "GetUser", { AccessToken: auth.AccessToken });
    expect(user.status).toBe(200);
    // A token names the listener it came from; the other listener's issuer is another one.
    const elsewhere = await cognito(fetch, sandbox.url, "GetUser", { AccessToken: auth.AccessToken });
    expect(elsewhere.body).toMatchObject({ __type: "NotAuthorizedException", message: "Invalid Access Token" });
  });

  it("serves WebSocket upgrades: AppSync realtime over wss with a user pool token checked against the https JWKS", async () => {
    const { body } = await signIn(httpsFetch, https);
    const idToken = (body["AuthenticationResult"] as { IdToken: string }).IdToken;
    const endpoints = appSyncEndpoints(graphqlUrl(https));
    expect(endpoints.realtimeUrl).toBe(`wss://${new URL(https).host}/appsync/${DEMO_API.id}/graphql/realtime`);
    const ca = readFileSync(sandbox.tls!.caPath, "utf8");
    const outcome = await probeRealtime({
      variant: "id-token",
      endpoints,
      subscription: { query: "subscription OnCreate { onCreateNote { id content owner } }" },
      credentials: { idToken },
      region: DEMO.region,
      createSocket: (url, protocols) => new WebSocket(url, protocols, { ca }) as unknown as WebSocketLike,
      timeoutMs: 5000,
    });
    expect(outcome).toMatchObject({ ok: true, reached: "start_ack" });
  });

  it("refuses to start on a TLS port already in use, and leaves the HTTP port free", async () => {
    const httpPort = await freePort();
    const error = await startSandbox({ port: httpPort, scenarios: [], tls: { port: sandbox.tls!.port, dir } }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toBe(`port ${sandbox.tls!.port} on 127.0.0.1 is already in use (is a sandbox already running?)`);
    const again = await startSandbox({ port: httpPort, scenarios: [] });
    await again.close();
  });

  it("is off unless asked for", async () => {
    const plain = await startSandbox({ port: 0, scenarios: [] });
    try {
      expect(plain.tls).toBeUndefined();
      expect(plain.url).toMatch(/^http:\/\//);
    } finally {
      await plain.close();
    }
  });
});
