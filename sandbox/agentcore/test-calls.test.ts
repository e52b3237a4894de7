import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentCoreTestCalls, type AgentCoreTestCallsInput } from "../../lib/agentcore/test-calls";
import { newSessionId } from "../../lib/agentcore/urls";
import { runCalls } from "../../lib/test-calls/run";
import { TestCallMap, type TestCallResult } from "../../lib/test-calls/types";
import { startSandbox, type RunningSandbox } from "../server";
import { pasteIntoBash as pasted } from "../test-support";
import { credentialsFor, FAILING, IAM, JWT, nodeSocketFactory, PER_USER, tokensFor, WS_MISSING } from "./test-support";

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

describe("agentCoreCells", () => {
  it("agentcore-jwt: bearer access token passes everywhere, the header variant is blocked, SigV4 is a mismatch", async () => {
    const { at, chunks, results } = await run(JWT, JWT.gatewayId);
    expect(results.size).toBe(14);
    expect(at("agentcore-http", "access-token")).toMatchObject({ outcome: "pass", status: 200 });
    // No client credentials token given: the M2M column says how to get one instead of failing.
    expect(at("agentcore-http", "m2m-token")).toMatchObject({ outcome: "not-run", summary: expect.stringContaining("M2M token") });
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

  it("agentcore-user-id-permission-missing: SigV4 passes, SigV4 with the user-id header is refused, and its command carries the header", async () => {
    const { at, credentials } = await run(PER_USER);
    expect(at("agentcore-http", "sigv4").outcome).toBe("pass");
    const perUser = at("agentcore-http", "sigv4-user-id");
    expect(perUser).toMatchObject({ outcome: "fail", status: 403, errorType: "AccessDeniedException" });
    expect(perUser.message).toContain("bedrock-agentcore:InvokeAgentRuntimeForUser");
    expect(perUser.unconfirmed).toBeTruthy();
    expect(perUser.detail?.command).toMatch(/"x-amzn-bedrock-agentcore-runtime-user-id":"[0-9a-f-]{36}"/);
    // Signed in node, as the SDK signs: pasted into bash, the same two answers.
    expect(await pasted(at("agentcore-http", "sigv4").detail?.command, credentials)).toMatch(/^HTTP\/1\.1 200/);
    expect(await pasted(perUser.detail?.command, credentials)).toMatch(/^HTTP\/1\.1 403[\s\S]*InvokeAgentRuntimeForUser/);
    expect(perUser.detail?.notes?.join(" ")).toContain("InvokeAgentRuntimeForUser");
  });

  it("agentcore-agent-failing: the 424 is named as the agent's failure, with what to do", async () => {
    const { at } = await run(FAILING);
    const cell = at("agentcore-http", "sigv4-user-id");
    expect(cell).toMatchObject({ outcome: "fail", status: 424, errorType: "RuntimeClientError" });
    expect(cell.summary).toContain("container failed");
    expect(cell.detail?.notes?.join(" ")).toMatch(/What to do: Read the runtime's CloudWatch log group/);
  });

  it("agentcore-ws-permission-missing: HTTP passes with SigV4, the presigned WebSocket is refused before the upgrade", async () => {
    const { at, credentials } = await run(WS_MISSING);
    expect(at("agentcore-http", "sigv4").outcome).toBe("pass");
    // The ARN in the path is percent-encoded, which curl signs right only from 8.14.0: the copied
    // command signs in node instead, says why, and gets the cell's answer from bash.
    expect(at("agentcore-http", "sigv4").detail?.notes?.join(" ")).toContain("curl 8.14.0");
    expect(await pasted(at("agentcore-http", "sigv4").detail?.command, credentials)).toMatch(/^HTTP\/1\.1 200[\s\S]*"live "[\s\S]*"words"/);
    const ws = at("agentcore-ws", "sigv4");
    expect(ws).toMatchObject({ outcome: "fail", status: 403, errorType: "AccessDeniedException" });
    expect(ws.detail?.request).toMatch(/X-Amz-Signature=…redacted…/);
    expect(ws.detail?.notes?.join(" ")).toMatch(/X-Amz-Expires=300/);
    expect(at("gateway-mcp", "access-token")).toMatchObject({ outcome: "not-run" });
  });

  it("SigV4 WebSocket cells' copied commands presign from bash: an allowed runtime answers, a missing permission is the cell's 403", async () => {
    const allowed = await run(IAM);
    expect(allowed.at("agentcore-ws", "sigv4").outcome).toBe("pass");
    const command = allowed.at("agentcore-ws", "sigv4").detail?.command;
    expect(command).toContain('AWS_SESSION_TOKEN="$AWS_SESSION_TOKEN" node -e');
    expect(await pasted(command, allowed.credentials)).toContain("live words");

    const refused = await run(WS_MISSING);
    const output = await pasted(refused.at("agentcore-ws", "sigv4").detail?.command, refused.credentials);
    expect(output).toMatch(/^HTTP 403 \{"message":"User: arn:aws:sts::.* is not authorized to perform: bedrock-agentcore:/);
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
