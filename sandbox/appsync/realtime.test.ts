import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { appSyncEndpoints } from "../../lib/appsync/endpoints";
import { legacyRealtimeUrl, realtimeAuthHeader } from "../../lib/appsync/realtime-auth";
import { realtimeCommand } from "../../lib/appsync/realtime-command";
import { probeRealtime } from "../../lib/appsync/realtime-probe";
import type { WebSocketLike } from "../../lib/ws";
import type { AppSyncCredentials, AppSyncVariant } from "../../lib/appsync/variants";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO, pasteIntoBash } from "../test-support";
import { DEMO_API, gql, graphqlUrl, identityCredentials, signIn } from "./test-support";

/**
 * The realtime endpoint driven by the dashboard's own probe (lib/appsync/realtime-probe.ts) over
 * a `ws` client, plus raw frames for what the probe does not exercise.
 */

let sandbox: RunningSandbox;
let credentials: AppSyncCredentials;

const createSocket = (url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as WebSocketLike;
const SUBSCRIPTION = { query: "subscription OnCreate { onCreateNote { id content owner } }" };
const endpoints = () => appSyncEndpoints(graphqlUrl(sandbox.url));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const tokens = await signIn(sandbox.url);
  const aws = await identityCredentials(sandbox.url, tokens.idToken);
  credentials = { apiKey: DEMO_API.apiKey, idToken: tokens.idToken, accessToken: tokens.accessToken, aws };
});
afterAll(() => sandbox.close());

const probe = (variant: AppSyncVariant, creds: AppSyncCredentials, afterStart?: () => Promise<void>) =>
  probeRealtime({ variant, endpoints: endpoints(), subscription: SUBSCRIPTION, credentials: creds, region: DEMO.region, createSocket, timeoutMs: 5000, ...(afterStart ? { afterStart } : {}) });

const createNote = (content: string) => async () => {
  const response = await gql(graphqlUrl(sandbox.url), { "x-api-key": DEMO_API.apiKey }, "mutation ($c: String!) { createNote(content: $c) { id content owner } }", { c: content });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
};

/** Opens a raw socket and collects frames until `done` says so (or the socket closes). */
function session(url: string, protocols: string[], send: (ws: WebSocket, frames: Record<string, unknown>[]) => void, done: (frames: Record<string, unknown>[]) => boolean) {
  return new Promise<{ frames: Record<string, unknown>[]; closeCode?: number; httpStatus?: number }>((resolve) => {
    const frames: Record<string, unknown>[] = [];
    const ws = new WebSocket(url, protocols);
    const finish = (extra: { closeCode?: number; httpStatus?: number } = {}) => {
      ws.removeAllListeners();
      ws.on("error", () => undefined);
      ws.terminate();
      resolve({ frames, ...extra });
    };
    ws.on("open", () => send(ws, frames));
    ws.on("message", (data) => {
      frames.push(JSON.parse(String(data)) as Record<string, unknown>);
      send(ws, frames);
      if (done(frames)) finish();
    });
    ws.on("unexpected-response", (_req, res) => finish({ httpStatus: res.statusCode }));
    ws.on("close", (code) => finish({ closeCode: code }));
    ws.on("error", () => finish());
  });
}

describe("AppSync realtime through the dashboard's probe", () => {
  it.each<[AppSyncVariant, string]>([
    ["api-key", "from the API key probe"],
    ["id-token", "from the ID token probe"],
    ["iam", "from the IAM probe"],
  ])("%s: connection_ack, start_ack, then data for a createNote", async (variant, content) => {
    const outcome = await probe(variant, credentials, createNote(content));
    expect(outcome).toMatchObject({ ok: true, reached: "data" });
    const frames = outcome.frames.filter((f) => f.dir === "in").map((f) => JSON.parse(f.data) as Record<string, unknown>);
    expect(frames[0]).toEqual({ type: "connection_ack", payload: { connectionTimeoutMs: 300000 } });
    expect(frames).toContainEqual({ id: "probe-1", type: "start_ack" });
    const data = frames.find((f) => f["type"] === "data");
    expect(data).toMatchObject({ id: "probe-1", payload: { data: { onCreateNote: { content, owner: null } } } });
  });

  it("seed 001 over realtime: IAM connects (authentication only), then start gets Permission denied", async () => {
    const tokens = await signIn(sandbox.url, "migrate@example.com", "Migrate-Passw0rd!", "wrongresclient000000000001");
    const aws = await identityCredentials(sandbox.url, tokens.idToken, { identityPoolId: "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b", userPoolId: "ap-northeast-1_WrongRes1" });
    const outcome = await probeRealtime({
      variant: "iam",
      endpoints: appSyncEndpoints(graphqlUrl(sandbox.url, "wrongres000000000000000001")),
      subscription: SUBSCRIPTION,
      credentials: { aws },
      region: DEMO.region,
      createSocket,
      timeoutMs: 5000,
    });
    expect(outcome).toMatchObject({ ok: false, reached: "connection_ack", errorType: "UnauthorizedException", message: "Permission denied" });
  });

  it("each variant's copied command, pasted into bash, subscribes as the probe does; IAM signs in the shell", async () => {
    for (const variant of ["api-key", "id-token", "access-token", "iam"] as const) {
      const output = await pasteIntoBash(realtimeCommand(variant, endpoints(), SUBSCRIPTION, DEMO.region).command, credentials);
      expect(output, variant).toContain('"type":"connection_ack"');
      expect(output, variant).toContain('"type":"start_ack"');
    }
    // The signature the shell computed is checked: a wrong secret is refused at the connection.
    const wrong = { aws: { ...credentials.aws!, secretAccessKey: "not-the-secret" } };
    const refused = await pasteIntoBash(realtimeCommand("iam", endpoints(), SUBSCRIPTION, DEMO.region).command, wrong);
    expect(refused).not.toContain("connection_ack");
    expect(refused).toContain('"type":"connection_error"');
  });

  it("seed 001 over realtime: the IAM cell's copied command gets the same Permission denied on start", async () => {
    const tokens = await signIn(sandbox.url, "migrate@example.com", "Migrate-Passw0rd!", "wrongresclient000000000001");
    const aws = await identityCredentials(sandbox.url, tokens.idToken, { identityPoolId: "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b", userPoolId: "ap-northeast-1_WrongRes1" });
    const command = realtimeCommand("iam", appSyncEndpoints(graphqlUrl(sandbox.url, "wrongres000000000000000001")), SUBSCRIPTION, DEMO.region).command;
    const output = await pasteIntoBash(command, { aws });
    expect(output).toContain('"type":"connection_ack"');
    expect(output).toMatch(/"errorType":"UnauthorizedException","message":"Permission denied"/);
  });

  it("refuses a connection with a wrong API key: connection_error, then the socket drops", async () => {
    const outcome = await probe("api-key", { apiKey: "da2-doesnotexist00000000000001" });
    expect(outcome).toMatchObject({ ok: false, reached: "connect", errorType: "UnauthorizedException", message: "You are not authorized to make this call." });
    const error = outcome.frames.find((f) => f.dir === "in");
    expect(JSON.parse(error!.data)).toEqual({ type: "connection_error", payload: { errors: [{ errorType: "UnauthorizedException", message: "You are not authorized to make this call.", errorCode: 401 }] } });
  });
});

describe("AppSync realtime protocol details", () => {
  const realtimeUrl = () => endpoints().realtimeUrl;
  const init = (ws: WebSocket, frames: Record<string, unknown>[]) => frames.length === 0 && ws.send(JSON.stringify({ type: "connection_init" }));

  it("accepts the legacy ?header=…&payload=e30= form", async () => {
    const header = await realtimeAuthHeader("id-token", endpoints(), credentials, DEMO.region);
    const { frames } = await session(legacyRealtimeUrl(endpoints(), header), ["graphql-ws"], init, (f) => f.length >= 2);
    expect(frames.map((f) => f["type"])).toEqual(["connection_ack", "ka"]);
  });

  it("says NoProtocolError without any subprotocol, and Required headers are missing. without auth", async () => {
    const header = await realtimeAuthHeader("api-key", endpoints(), credentials, DEMO.region);
    const noProtocol = await session(legacyRealtimeUrl(endpoints(), header), [], init, (f) => f.length >= 1);
    // aws/aws-appsync-community#195: a connection that offers no Sec-WebSocket-Protocol.
    expect(noProtocol.frames[0]).toEqual({ type: "connection_error", payload: { errors: [{ message: "NoProtocolError", errorCode: 400 }] } });
    const noHeader = await session(realtimeUrl(), ["graphql-ws"], init, (f) => f.length >= 1);
    expect(noHeader.frames[0]).toEqual({ type: "connection_error", payload: { errors: [{ message: "Required headers are missing.", errorCode: 400 }] } });
  });

  it("authorizes each start on its own, and answers stop with complete", async () => {
    const header = await realtimeAuthHeader("api-key", endpoints(), credentials, DEMO.region);
    const data = JSON.stringify(SUBSCRIPTION);
    const { frames } = await session(
      legacyRealtimeUrl(endpoints(), header),
      ["graphql-ws"],
      (ws, seen) => {
        if (seen.length === 0) ws.send(JSON.stringify({ type: "connection_init" }));
        if (seen.length === 2) {
          ws.send(JSON.stringify({ id: "bad", type: "start", payload: { data, extensions: { authorization: { ...header, "x-api-key": DEMO_API.expiredApiKey } } } }));
          ws.send(JSON.stringify({ id: "query", type: "start", payload: { data: JSON.stringify({ query: "{ whoami }" }), extensions: { authorization: header } } }));
          ws.send(JSON.stringify({ id: "good", type: "start", payload: { data, extensions: { authorization: header } } }));
          ws.send(JSON.stringify({ id: "good", type: "stop" }));
        }
      },
      (f) => f.length >= 6,
    );
    expect(frames.slice(2)).toEqual([
      { id: "bad", type: "error", payload: { errors: [{ errorType: "UnauthorizedException", message: "You are not authorized to make this call." }] } },
      { id: "query", type: "error", payload: { errors: [{ errorType: "UnsupportedOperation", message: "query not supported through the realtime channel" }] } },
      { id: "good", type: "start_ack" },
      { id: "good", type: "complete" },
    ]);
  });

  it("refuses unknown paths and unknown APIs at the HTTP level", async () => {
    const unknownPath = await session(`${sandbox.url.replace("http", "ws")}/appsync/${DEMO_API.id}/graphql/nope`, ["graphql-ws"], init, () => true);
    expect(unknownPath.httpStatus).toBe(404);
    const unknownApi = await session(`${sandbox.url.replace("http", "ws")}/appsync/nosuchapi00000000000000001/graphql/realtime`, ["graphql-ws"], init, () => true);
    expect(unknownApi.httpStatus).toBe(404);
  });
});
