import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { identityCredentials } from "./appsync/test-support";
import { stsClient } from "./iam/test-support";
import { startSandbox, type RunningSandbox } from "./server";
import { DEMO } from "./test-support";

/** What a client holds from a sandbox, and whether a restarted sandbox still honours it. */

const running: RunningSandbox[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(port: number, stateDir?: string) {
  const sandbox = await startSandbox({ port, ...(stateDir ? { stateDir } : {}) });
  running.push(sandbox);
  return sandbox;
}

async function cognito(base: string, operation: string, body: unknown) {
  const response = await fetch(base, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function whatAClientHolds(base: string) {
  const { body } = await cognito(base, "InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: DEMO.clientId, AuthParameters: { USERNAME: DEMO.user.email, PASSWORD: DEMO.user.password } });
  const auth = body["AuthenticationResult"] as { IdToken: string; AccessToken: string; RefreshToken: string };
  const aws = await identityCredentials(base, auth.IdToken);
  return { accessToken: auth.AccessToken, refreshToken: auth.RefreshToken, aws };
}

/** Each thing the client holds, tried against the sandbox at `base`. */
async function stillHonoured(base: string, held: Awaited<ReturnType<typeof whatAClientHolds>>) {
  const user = await cognito(base, "GetUser", { AccessToken: held.accessToken });
  const refresh = await cognito(base, "GetTokensFromRefreshToken", { ClientId: DEMO.clientId, RefreshToken: held.refreshToken });
  const sts = stsClient(base, held.aws);
  const caller = await sts.send(new GetCallerIdentityCommand({})).then(
    (result) => result.Arn,
    (error: Error) => error.name,
  );
  sts.destroy();
  return { accessToken: user.status, refreshToken: refresh.status, credentials: caller };
}

describe("a sandbox with a state directory", () => {
  it("honours the tokens, refresh token and credentials it issued before a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
    dirs.push(dir);
    const first = await start(0, dir);
    const held = await whatAClientHolds(first.url);
    await first.close();
    running.length = 0;

    const again = await start(first.port, dir);
    expect(await stillHonoured(again.url, held)).toEqual({
      accessToken: 200,
      refreshToken: 200,
      credentials: "arn:aws:sts::123456789012:assumed-role/demo-authenticated/CognitoIdentityCredentials",
    });
    // Secrets on disk are for the owner only.
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
  }, 60_000);

  it("without one, a restart forgets them all, as the README says", async () => {
    const first = await start(0);
    const held = await whatAClientHolds(first.url);
    await first.close();
    running.length = 0;
    const again = await start(first.port);
    const after = await stillHonoured(again.url, held);
    expect(after.accessToken).toBe(400);
    expect(after.refreshToken).toBe(400);
    expect(after.credentials).not.toMatch(/^arn:/);
  }, 60_000);

  it("starts afresh, with a warning, when a state file is damaged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
    dirs.push(dir);
    writeFileSync(join(dir, "user-pool-keys.json"), "{ not json");
    writeFileSync(join(dir, "issued-credentials.json"), JSON.stringify([{ accessKeyId: 1 }]));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sandbox = await start(0, dir);
    expect(warn.mock.calls.map(([message]) => String(message)).sort()).toEqual([
      expect.stringMatching(/issued-credentials\.json does not hold what this sandbox writes .*; starting without it$/),
      expect.stringMatching(/user-pool-keys\.json is not JSON; starting without it$/),
    ]);
    warn.mockRestore();
    const held = await whatAClientHolds(sandbox.url);
    expect((await stillHonoured(sandbox.url, held)).accessToken).toBe(200);
  }, 60_000);
});
