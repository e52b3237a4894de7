import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { CUSTOM_CLAIMS, invokeUrl, send, SESSION, tokensFor } from "./test-support";

/**
 * agentcore-custom-claims.json: the runtime and gateway want tenant_id = acme (customClaims); the
 * pool's V1_0 pre token generation trigger adds tenant_id to ID tokens only. The access token,
 * which AgentCore reads, lacks it.
 */

let sandbox: RunningSandbox;
let tokens: { idToken: string; accessToken: string };
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  tokens = await tokensFor(sandbox.url, CUSTOM_CLAIMS);
}, 60_000);
afterAll(() => sandbox.close());

const invoke = (token: string) =>
  send(invokeUrl(sandbox.url, CUSTOM_CLAIMS.runtimeArn), { authorization: `Bearer ${token}`, "x-amzn-bedrock-agentcore-runtime-session-id": SESSION });

describe("a claim only the ID token carries, at AgentCore", () => {
  it("the V1_0 trigger put tenant_id in the ID token and not in the access token", () => {
    expect(decodeJwt(tokens.idToken)["tenant_id"]).toBe("acme");
    expect(decodeJwt(tokens.accessToken)).not.toHaveProperty("tenant_id");
  });

  it("the runtime refuses the access token naming the claim, marked not confirmed", async () => {
    const answer = await invoke(tokens.accessToken);
    expect(answer.status).toBe(401);
    expect(answer.message).toBe("Claim 'tenant_id' value mismatch with configuration.");
    expect(answer.headers.get("x-sandbox-unconfirmed")).toBeTruthy();
  });

  it("the ID token, which has the claim, still fails on allowedClients", async () => {
    const answer = await invoke(tokens.idToken);
    expect(answer.status).toBe(401);
    expect(answer.message).toBe("Claim 'client_id' value mismatch with configuration.");
  });

  it("the gateway refuses the access token without naming the claim", async () => {
    const rpc = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} });
    const answer = await send(`${sandbox.url}/agentcore-gateway/${CUSTOM_CLAIMS.gatewayId}/mcp`, { authorization: `Bearer ${tokens.accessToken}` }, rpc);
    expect(answer.status).toBe(401);
    expect(answer.text).toContain("Invalid Bearer token");
  });
});
