import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../sandbox/server";
import { M2M } from "../sandbox/test-support";
import { runCli } from "./test-support";

/** `m2m-token` against the sandbox's token endpoint (scenario agentcore-m2m-scopes). */

const { invoker: INVOKER, reader: READER } = M2M;

let sandbox: RunningSandbox;
let endpoint: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  endpoint = `${sandbox.url}${M2M.tokenPath}`;
});
afterAll(() => sandbox.close());

describe("m2m-token", () => {
  it("gets a token, shows its scopes, and says it passes allowedScopes", async () => {
    const out = await runCli(["m2m-token", "--token-endpoint", endpoint, "--client-id", INVOKER.id, "--scope", "agentcore-api/invoke", "--allowed-scopes", "agentcore-api/invoke"], { env: { CLIENT_SECRET: INVOKER.secret } });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("scope  agentcore-api/invoke");
    expect(out.stdout).toContain(`sub    ${INVOKER.id}`);
    expect(out.stdout).toContain("✓");
    // The token itself is printed only on request.
    expect(out.stdout).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it("exits 1 when the token lacks every allowed scope, with AgentCore's predicted answer marked not confirmed", async () => {
    const out = await runCli(["m2m-token", "--token-endpoint", endpoint, "--client-id", READER.id, "--auth", "post", "--allowed-scopes", "agentcore-api/invoke", "--json"], { env: { CLIENT_SECRET: READER.secret } });
    expect(out.code).toBe(1);
    const json = JSON.parse(out.stdout) as { scopes: string[]; verdict: string; claims: Record<string, unknown> };
    expect(json).toMatchObject({ scopes: ["agentcore-api/read"], verdict: "fail" });
    expect(out.stdout).not.toContain(READER.secret);
  });

  it("reports the endpoint's refusal and what it means", async () => {
    const out = await runCli(["m2m-token", "--token-endpoint", endpoint, "--client-id", READER.id, "--scope", "agentcore-api/invoke"], { env: { CLIENT_SECRET: READER.secret } });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("HTTP 400 invalid_scope");
    expect(out.stderr).toContain("AllowedOAuthScopes");
  });

  it("prints only the token with --print-token, and reads the secret from stdin when asked", async () => {
    const out = await runCli(["m2m-token", "--token-endpoint", endpoint, "--client-id", INVOKER.id, "--secret-stdin", "--print-token"], { stdin: `${INVOKER.secret}\n` });
    expect(out.code).toBe(0);
    expect(out.stdout.trim()).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("refuses to run without a secret (exit 2)", async () => {
    const out = await runCli(["m2m-token", "--token-endpoint", endpoint, "--client-id", INVOKER.id]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("CLIENT_SECRET");
  });
});
