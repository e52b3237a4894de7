import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IAM, JWT, SESSION } from "../agentcore/test-support";
import { DEMO_API } from "../appsync/test-support";
import type { ScenarioInput } from "../scenario";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";

/**
 * Clients we did not write, against the TLS listener, with no change to them: each runs in its own
 * Node process started with NODE_EXTRA_CA_CERTS naming the sandbox CA (Node reads it only at
 * start-up, https://nodejs.org/api/cli.html#node_extra_ca_certsfile). The scripts are in clients/.
 */

const CLIENTS = fileURLToPath(new URL("./clients/", import.meta.url));
const scenario = (name: string) => JSON.parse(readFileSync(join(DEFAULT_SCENARIOS_DIR, `${name}.json`), "utf8")) as ScenarioInput;
const dir = mkdtempSync(join(tmpdir(), "sandbox-tls-clients-"));
let sandbox: RunningSandbox;
let https: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenarios: ["demo", "agentcore-iam", "agentcore-jwt"].map(scenario), tls: { port: 0, dir } });
  https = sandbox.tls!.url;
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a client script printed; the assertions below say what it must hold. */
type Outcome = Record<string, any>;

/** Runs clients/{script} with `input` as argv[2]; its last stdout line is the outcome. */
function runClient(script: string, input: unknown, options: { env?: Record<string, string>; nodeFlags?: string[] } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), join(CLIENTS, script), JSON.stringify(input)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: sandbox.tls!.caPath, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "") as Outcome);
      } catch {
        reject(new Error(`${script} ended (${signal ?? `exit ${code}`}) without an outcome:\n${stdout}\n${stderr}`));
      }
    });
  });
}

const login = { region: DEMO.region, email: DEMO.user.email, password: DEMO.user.password };

describe("aws-jwt-verify against the TLS listener", () => {
  it("JwtRsaVerifier verifies sandbox ID and access tokens with the https JWKS from the discovery document", { timeout: 60_000 }, async () => {
    const outcome = await runClient("jwt-verify.mjs", { base: https, httpBase: sandbox.url, userPoolId: DEMO.userPoolId, clientId: DEMO.clientId, ...login });
    const issuer = `${https}/${DEMO.userPoolId}`;
    expect(outcome["discovery"]).toEqual({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json` });
    expect(outcome["id"]).toEqual({ iss: issuer, aud: DEMO.clientId, token_use: "id", email: DEMO.user.email });
    expect(outcome["access"]).toEqual({ iss: issuer, client_id: DEMO.clientId, token_use: "access" });
    // Why the listener exists: aws-jwt-verify fetches JWKS with https.request only.
    expect(outcome["overHttp"]).toMatchObject({ ok: false, message: 'Protocol "http:" not supported. Expected "https:"' });
    // CognitoJwtVerifier derives https://cognito-idp.{region}.amazonaws.com/{pool} and accepts no other issuer.
    expect(outcome["cognito"]).toMatchObject({ ok: false, message: `issuer not configured: ${issuer}` });
  });
});

describe("aws-amplify realtime against the TLS listener", () => {
  it("signs in, gets identity-pool credentials, and a generateClient() subscription over wss receives the note a mutation creates", { timeout: 60_000 }, async () => {
    // Amplify opens realtime sockets with the global WebSocket (Node 22+; Node 20 behind a flag).
    const nodeFlags = typeof WebSocket === "undefined" ? ["--experimental-websocket"] : [];
    const input = { base: https, userPoolId: DEMO.userPoolId, clientId: DEMO.clientId, identityPoolId: DEMO.identityPoolId, apiId: DEMO_API.id, ...login };
    const outcome = await runClient("amplify-realtime.mjs", input, { nodeFlags });
    expect(outcome).toMatchObject({ ok: true, signedIn: true, iss: `${https}/${DEMO.userPoolId}` });
    expect(outcome["identityId"]).toMatch(/^ap-northeast-1:/);
    expect(outcome["accessKeyId"]).toMatch(/^ASIA/);
    expect(outcome["states"]).toContain("Connected");
    expect(outcome["event"]).toEqual(outcome["created"]);
    expect(outcome["event"]).toMatchObject({ content: expect.stringMatching(/^created over https at /), owner: DEMO.user.username });
  });
});

describe("bedrock-agentcore RuntimeClient against the TLS listener", () => {
  it("opens WebSockets with SigV4 headers and with an OAuth bearer, via BEDROCK_AGENTCORE_DATA_PLANE_ENDPOINT", { timeout: 60_000 }, async () => {
    const runtime = (s: typeof IAM | typeof JWT) => ({ userPoolId: s.userPoolId, clientId: s.clientId, runtimeArn: s.runtimeArn, email: DEMO.user.email, password: DEMO.user.password });
    const outcome = await runClient(
      "agentcore-runtime.mjs",
      { base: https, region: IAM.region, session: SESSION, iam: { ...runtime(IAM), identityPoolId: IAM.identityPoolId }, jwt: runtime(JWT) },
      { env: { BEDROCK_AGENTCORE_DATA_PLANE_ENDPOINT: `${https}/agentcore` } },
    );
    const wss = `wss://${new URL(https).host}/agentcore/runtimes/`;
    expect(outcome["sigv4"]).toMatchObject({ ok: true, url: expect.stringContaining(wss) });
    expect(outcome["sigv4"].frames.at(-1)).toMatchObject({
      echo: { prompt: "signed by RuntimeClient" },
      sessionId: SESSION,
      caller: expect.stringMatching(/^AWS_IAM: arn:aws:sts::310000000002:assumed-role\/agentcore-iam-authenticated\//),
    });
    expect(outcome["oauth"]).toMatchObject({ ok: true, url: expect.stringContaining(wss) });
    expect(outcome["oauth"].frames.at(-1)).toMatchObject({
      echo: { prompt: "bearer from RuntimeClient" },
      caller: expect.stringContaining(`(access token from ${https}/${JWT.userPoolId})`),
    });
    // generatePresignedUrl rebuilds the URL from the hostname alone, so its port is lost: a
    // presigned URL reaches the sandbox only if the TLS listener is on 443.
    expect(outcome["presigned"]).toMatchObject({ protocol: "wss:", host: "127.0.0.1", port: "" });
  });
});
