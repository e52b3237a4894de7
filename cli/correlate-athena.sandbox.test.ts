import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIdentityCredentials } from "../lib/identity/credentials";
import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { startSandbox, type RunningSandbox } from "../sandbox/server";
import { DEMO, sdkClient } from "../sandbox/test-support";

/**
 * `correlate --athena` end to end: the real launcher, the official Athena client configured only
 * through the SDK's standard environment (AWS_ENDPOINT_URL_ATHENA, AWS_REGION, the key pair in
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), against the sandbox's Athena and its ready
 * `default.cloudtrail_logs` table over the trail files it writes. A sandbox without Athena answers
 * /athena with 404; the test then says so and skips.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The demo scenario's CloudTrail reader (sandbox/scenarios/demo.json, cloudTrailReaders). */
const READER = { accessKeyId: "AKIAEXAMPLEDEMOTRAIL", secretAccessKey: "sandboxDemoTrailReaderSecretKeyEXAMPLE01" };

let sandbox: RunningSandbox;
let athenaMissing = "";
let identity: { identityId: string; accessKeyId: string; at: string };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // Without an X-Amz-Target the router answers a service mounted at the path with
  // UnknownOperationException, and a path nothing is mounted at with 404.
  const probe = await fetch(`${sandbox.url}/athena`, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1" }, body: "{}" });
  await probe.arrayBuffer();
  if (probe.status === 404) {
    athenaMissing = "this sandbox has no Athena API at /athena (404)";
    return;
  }
  const auth = await sdkClient(sandbox.url).send(new InitiateAuthCommand({ ClientId: DEMO.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: DEMO.user.email, PASSWORD: DEMO.user.password } }));
  const credentials = await getIdentityCredentials({
    region: DEMO.region,
    identityPoolId: DEMO.identityPoolId,
    userPoolId: DEMO.userPoolId,
    idToken: auth.AuthenticationResult!.IdToken!,
    cognitoIdentityEndpoint: `${sandbox.url}/cognito-identity`,
    stsEndpoint: `${sandbox.url}/sts`,
    flow: "enhanced",
  });
  identity = { identityId: credentials.identityId, accessKeyId: credentials.accessKeyId, at: new Date().toISOString() };
}, 30_000);
afterAll(() => sandbox?.close());

function launch(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? "/tmp",
    AWS_ENDPOINT_URL_ATHENA: `${sandbox.url}/athena`,
    AWS_REGION: DEMO.region,
    AWS_ACCESS_KEY_ID: READER.accessKeyId,
    AWS_SECRET_ACCESS_KEY: READER.secretAccessKey,
    // No shared config files from the machine running the tests.
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/auth-flow-debugger.mjs", "correlate", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("correlate --athena against the sandbox", () => {
  it("finds the demo identity's AssumeRoleWithWebIdentity and GetCredentialsForIdentity, with data scanned", async (ctx) => {
    if (athenaMissing) ctx.skip(athenaMissing);
    const out = await launch(["--athena", "--database", "default", "--table", "cloudtrail_logs", "--at", identity.at, "--identity-id", identity.identityId, "--access-key-id", identity.accessKeyId, "--json"]);
    expect(out.stderr).toMatch(/Athena query \S+ started/);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { verdicts: { verdict: string; events: { eventName: string }[] }[]; athena: { dataScannedBytes: number; rows: number } };
    expect(json.verdicts[0]!.verdict).toBe("assumed");
    expect(json.athena.dataScannedBytes).toBeGreaterThan(0);
    expect(json.athena.rows).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("says in one line, exit 3, when the table does not exist", async (ctx) => {
    if (athenaMissing) ctx.skip(athenaMissing);
    const out = await launch(["--athena", "--database", "default", "--table", "no_such_table", "--at", identity.at, "--identity-id", identity.identityId]);
    expect(out.code).toBe(3);
    expect(out.stderr.trim().split("\n").at(-1)).toMatch(/^(The query FAILED|Athena refused): /);
  }, 60_000);
});
