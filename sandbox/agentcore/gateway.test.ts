import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewayRequest } from "../../lib/agentcore/requests";
import { startSandbox, type RunningSandbox } from "../server";
import { credentialsFor, IAM, JWT, send, tokensFor } from "./test-support";

/** AgentCore Gateway's MCP endpoint with CUSTOM_JWT (agentcore-jwt) and AWS_IAM (agentcore-iam). */

let sandbox: RunningSandbox;
let tokens: { idToken: string; accessToken: string };
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  tokens = await tokensFor(sandbox.url, JWT);
});
afterAll(() => sandbox.close());

const mcpUrl = (id: string) => `${sandbox.url}/agentcore-gateway/${id}/mcp`;
const rpc = (method: string, params: Record<string, unknown> = {}) => JSON.stringify({ jsonrpc: "2.0", id: 7, method, params });

describe("CUSTOM_JWT gateway", () => {
  it("lists the target's tools to the access token, named {target}___{tool} (seed 003)", async () => {
    const answer = await send(mcpUrl(JWT.gatewayId), { authorization: `Bearer ${tokens.accessToken}` }, rpc("tools/list"));
    expect(answer.status).toBe(200);
    const names = (JSON.parse(answer.text) as { result: { tools: { name: string }[] } }).result.tools.map((t) => t.name);
    expect(names).toEqual(["echo-tool___echo", "echo-tool___ping"]);
  });

  it("initializes, calls a tool, and answers in SSE when only SSE is accepted", async () => {
    const auth = { authorization: `Bearer ${tokens.accessToken}` };
    const init = await send(mcpUrl(JWT.gatewayId), auth, rpc("initialize", { protocolVersion: "2025-03-26", capabilities: {}, clientInfo: { name: "t", version: "1" } }));
    expect(JSON.parse(init.text)).toMatchObject({ id: 7, result: { protocolVersion: "2025-03-26" } });
    const call = await send(mcpUrl(JWT.gatewayId), { ...auth, accept: "text/event-stream" }, rpc("tools/call", { name: "echo-tool___echo", arguments: { text: "hey" } }));
    expect(call.headers.get("content-type")).toBe("text/event-stream");
    expect(call.text).toBe(`event: message\ndata: ${JSON.stringify({ jsonrpc: "2.0", id: 7, result: { isError: false, content: [{ type: "text", text: "hey" }] } })}\n\n`);
  });

  it("answers a missing token with 401, invalid_token and the metadata pointer", async () => {
    const answer = await send(mcpUrl(JWT.gatewayId), {}, rpc("tools/list"));
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe(
      `Bearer error="invalid_token", resource_metadata="${sandbox.url}/agentcore-gateway/${JWT.gatewayId}/.well-known/oauth-protected-resource"`,
    );
    expect(JSON.parse(answer.text)).toEqual({ jsonrpc: "2.0", id: 7, error: { code: -32001, message: "Invalid Bearer token" } });
    const metadata = await send(`${sandbox.url}/agentcore-gateway/${JWT.gatewayId}/.well-known/oauth-protected-resource`, {}, "", "GET");
    expect(JSON.parse(metadata.text)).toMatchObject({ resource: mcpUrl(JWT.gatewayId), authorization_servers: [`${sandbox.url}/${JWT.userPoolId}`] });
  });

  it("refuses the ID token (allowedClients reads client_id) without naming the claim", async () => {
    const answer = await send(mcpUrl(JWT.gatewayId), { authorization: `Bearer ${tokens.idToken}` }, rpc("tools/list"));
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toEqual({ jsonrpc: "2.0", id: 7, error: { code: -32001, message: "Invalid Bearer token" } });
  });

  it("does not answer browser preflights", async () => {
    const response = await fetch(mcpUrl(JWT.gatewayId), { method: "OPTIONS", headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("AWS_IAM gateway", () => {
  it("accepts SigV4 for bedrock-agentcore:InvokeGateway and refuses a bearer token", async () => {
    const credentials = await credentialsFor(sandbox.url, IAM);
    const signed = await buildGatewayRequest("sigv4", mcpUrl(IAM.gatewayId), { aws: credentials }, IAM.region);
    const answer = await send(signed.url, signed.headers, signed.body);
    expect(answer.status).toBe(200);
    const iamTokens = await tokensFor(sandbox.url, IAM);
    const refused = await send(mcpUrl(IAM.gatewayId), { authorization: `Bearer ${iamTokens.accessToken}` }, rpc("tools/list"));
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });
});
