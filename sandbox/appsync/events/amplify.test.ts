import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../scenario";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../../server";
import { EVENTS } from "./test-support";

/**
 * aws-amplify's `events` client (aws-amplify/data), unchanged, in its own Node process against the
 * TLS listener (Amplify turns any endpoint into wss://, so the HTTP listener cannot serve it):
 * sandbox/tls/clients/amplify-events.mjs.
 */

const SCRIPT = fileURLToPath(new URL("../../tls/clients/amplify-events.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "sandbox-events-amplify-"));
let sandbox: RunningSandbox;

beforeAll(async () => {
  const scenario = JSON.parse(readFileSync(join(DEFAULT_SCENARIOS_DIR, "appsync-events-namespace-modes.json"), "utf8")) as ScenarioInput;
  sandbox = await startSandbox({ port: 0, scenarios: [scenario], tls: { port: 0, dir } });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function runAmplify(input: unknown): Promise<Record<string, any>> {
  // Amplify opens sockets with the global WebSocket: Node 22+, or Node 20 behind a flag.
  const flags = typeof WebSocket === "undefined" ? ["--experimental-websocket"] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, SCRIPT, JSON.stringify(input)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: sandbox.tls!.caPath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "") as Record<string, any>);
      } catch {
        reject(new Error(`amplify-events.mjs ended (exit ${code}) without an outcome:\n${stdout}\n${stderr}`));
      }
    });
  });
}

describe("aws-amplify events client against the sandbox's Event API", () => {
  it("subscribes to a wildcard, receives an HTTP post and a WebSocket publish, is refused on alerts with the API key and passes with IAM", { timeout: 60_000 }, async () => {
    const outcome = await runAmplify({
      base: sandbox.tls!.url,
      region: EVENTS.region,
      apiId: EVENTS.apiId,
      apiKey: EVENTS.apiKey,
      userPoolId: EVENTS.userPoolId,
      clientId: EVENTS.clientId,
      identityPoolId: EVENTS.identityPoolId,
      ...EVENTS.user,
    });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
    expect(outcome["received"]).toEqual([{ via: "http" }, { via: "websocket" }]);
    expect(outcome["postFailed"]).toBeUndefined();
    expect(outcome["publishToWildcard"]).toEqual({ name: "Error", message: "Publish errors: BadRequestException" });
    expect(outcome["alertsByKey"]).toMatchObject({ name: "UnauthorizedException" });
    expect(outcome["alertsByIam"]).toBe("published");
  });
});
