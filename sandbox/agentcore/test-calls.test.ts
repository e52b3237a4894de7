import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  return { at, chunks, results };
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
    expect(at("agentcore-ws", "bearer-header").detail?.command).toMatch(/^websocat -H 'Authorization: Bearer …redacted…'/);
    expect(at("gateway-mcp", "access-token")).toMatchObject({ outcome: "pass", summary: "200 OK: 2 tool(s): echo-tool___echo, echo-tool___ping" });
  });

  it("agentcore-ws-permission-missing: HTTP passes with SigV4, the presigned WebSocket is refused before the upgrade", async () => {
    const { at } = await run(WS_MISSING);
    expect(at("agentcore-http", "sigv4").outcome).toBe("pass");
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
