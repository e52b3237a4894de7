import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandWithCredentials } from "../../lib/http/credential-snippet";
import { agentCoreTestCalls, type AgentCoreTestCallsInput } from "../../lib/agentcore/test-calls";
import { newSessionId } from "../../lib/agentcore/urls";
import { runCalls } from "../../lib/test-calls/run";
import { TestCallMap, type TestCallResult } from "../../lib/test-calls/types";
import { startSandbox, type RunningSandbox } from "../server";
import { credentialsFor, IAM, JWT, nodeSocketFactory, tokensFor, WS_MISSING } from "./test-support";

/** lib/agentcore's test calls run against the sandbox, the way the dashboard runs them. */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

async function run(scenario: typeof JWT | typeof IAM | typeof WS_MISSING, gatewayId?: string) {
  const tokens = await tokensFor(sandbox.url, scenario);
  const chunks = new TestCallMap<string>();
  const input: AgentCoreTestCallsInput = {
    region: scenario.region,
    endpoint: `${sandbox.url}/agentcore`,
    runtimeArn: scenario.runtimeArn,
    ...(gatewayId ? { gatewayUrl: `${sandbox.url}/agentcore-gateway/${gatewayId}/mcp` } : {}),
    credentials: { ...tokens, aws: await credentialsFor(sandbox.url, scenario) },
    sessionId: newSessionId(),
    prompt: "live words",
    createSocket: nodeSocketFactory(),
    onChunk: (key, text) => chunks.set(key, (chunks.get(key) ?? "") + text),
  };
  const results = await runCalls(agentCoreTestCalls(input), { timeoutMs: 8000, onResult: () => {} });
  const at = (row: string, column: string) => results.get({ row, column }) as TestCallResult;
  return { at, chunks, results, credentials: input.credentials };
}

/**
 * A cell's copied command with the run's credentials, pasted into bash, as a user would (the
 * sandbox runs in this process, so the shell is awaited, not waited for synchronously).
 */
async function pasted(command: string | undefined, credentials: Parameters<typeof commandWithCredentials>[1]): Promise<string> {
  const snippet = commandWithCredentials(command ?? "", credentials);
  if (!snippet.ok) throw new Error(`missing ${snippet.missing.join(", ")}`);
  // `ws` as `npm install ws` would give it: the project's own copy.
  const { stdout } = await promisify(execFile)("bash", ["-c", snippet.text], { env: { ...process.env, NODE_PATH: path.resolve("node_modules") }, timeout: 15_000 }).catch((e: { stdout: string }) => e);
  return stdout;
}

describe("agentCoreCells", () => {
  it("agentcore-jwt: bearer access token passes everywhere, the header variant is blocked, SigV4 is a mismatch", async () => {
    const { at, chunks, results } = await run(JWT, JWT.gatewayId);
    expect(results.size).toBe(10);
    expect(at("agentcore-http", "access-token")).toMatchObject({ outcome: "pass", status: 200 });
    expect(chunks.get({ row: "agentcore-http", column: "access-token" })).toBe("Echo: live words");
    expect(at("agentcore-http", "id-token")).toMatchObject({ outcome: "fail", status: 401, message: "Claim 'client_id' value mismatch with configuration." });
    expect(at("agentcore-http", "sigv4")).toMatchObject({ outcome: "fail", status: 403, errorType: "AccessDeniedException" });
    expect(at("agentcore-ws", "access-token").outcome).toBe("pass");
    expect(chunks.get({ row: "agentcore-ws", column: "access-token" })).toBe("Echo: live words");
    expect(at("agentcore-ws", "bearer-header")).toMatchObject({ outcome: "blocked" });
    expect(at("agentcore-ws", "bearer-header").detail?.command).toContain('"Bearer $ACCESS_TOKEN"');
    expect(at("gateway-mcp", "access-token")).toMatchObject({ outcome: "pass", summary: "200 OK: 2 tool(s): echo-tool___echo, echo-tool___ping" });
  });

  it("agentcore-jwt: each cell's copied command, pasted into bash, gets the cell's answer", async () => {
    const { at, credentials } = await run(JWT, JWT.gatewayId);
    expect(await pasted(at("agentcore-http", "access-token").detail?.command, credentials)).toMatch(/^HTTP\/1\.1 200[\s\S]*"live "[\s\S]*"words"/);
    expect(await pasted(at("agentcore-http", "id-token").detail?.command, credentials)).toMatch(/^HTTP\/1\.1 401[\s\S]*Claim 'client_id' value mismatch with configuration\./);
    expect(await pasted(at("gateway-mcp", "access-token").detail?.command, credentials)).toMatch(/^HTTP\/1\.1 200[\s\S]*echo-tool___ping/);
    // The WebSocket cells: the token in the subprotocol (built by the shell) and in a header.
    expect(await pasted(at("agentcore-ws", "access-token").detail?.command, credentials)).toContain("live words");
    expect(await pasted(at("agentcore-ws", "bearer-header").detail?.command, credentials)).toContain("live words");
    expect(await pasted(at("agentcore-ws", "id-token").detail?.command, credentials)).toMatch(/^HTTP 40\d/);
  });

  it("agentcore-ws-permission-missing: HTTP passes with SigV4, the presigned WebSocket is refused before the upgrade", async () => {
    const { at } = await run(WS_MISSING);
    expect(at("agentcore-http", "sigv4").outcome).toBe("pass");
    // The ARN in the path is percent-encoded: curl signs it right only from 8.14.0, and the cell says so.
    expect(at("agentcore-http", "sigv4").detail?.notes?.join(" ")).toContain("curl 8.14.0 or later");
    const ws = at("agentcore-ws", "sigv4");
    expect(ws).toMatchObject({ outcome: "fail", status: 403, errorType: "AccessDeniedException" });
    expect(ws.detail?.request).toMatch(/X-Amz-Signature=…redacted…/);
    expect(ws.detail?.notes?.join(" ")).toMatch(/X-Amz-Expires=300/);
    expect(at("gateway-mcp", "access-token")).toMatchObject({ outcome: "not-run" });
  });

  it("never shows a token or a signature in a cell's detail", async () => {
    const { results } = await run(IAM, IAM.gatewayId);
    const tokens = await tokensFor(sandbox.url, IAM);
    const text = JSON.stringify([...results.values()]);
    expect(text).not.toContain(tokens.accessToken.split(".")[2]);
    expect(text).not.toContain(tokens.idToken.split(".")[2]);
    expect(text).not.toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});
