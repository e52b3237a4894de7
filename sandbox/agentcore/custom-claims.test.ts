import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { CUSTOM_CLAIMS, CUSTOM_CLAIMS_FIXED, invokeUrl, send, SESSION, tokensFor } from "./test-support";

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

const invoke = (token: string, runtimeArn = CUSTOM_CLAIMS.runtimeArn) =>
  send(invokeUrl(sandbox.url, runtimeArn), { authorization: `Bearer ${token}`, "x-amzn-bedrock-agentcore-runtime-session-id": SESSION, accept: "application/json" });

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

describe("the fix: a V3_0 trigger that answers accessTokenGeneration", () => {
  it("puts the claim into the user's access token, which the runtime then accepts", async () => {
    const fixed = await tokensFor(sandbox.url, CUSTOM_CLAIMS_FIXED);
    expect(decodeJwt(fixed.accessToken)["tenant_id"]).toBe("acme");
    expect((await invoke(fixed.accessToken, CUSTOM_CLAIMS_FIXED.runtimeArn)).status).toBe(200);
  });

  it("puts it into client credentials tokens too (V3_0 only)", async () => {
    const { clientId, secret, domain } = CUSTOM_CLAIMS_FIXED.m2m;
    const response = await fetch(`${sandbox.url}/cognito-domain/${domain}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect(decodeJwt(token)).toMatchObject({ tenant_id: "acme", client_id: clientId, scope: "agentcore-api/invoke" });
    expect((await invoke(token, CUSTOM_CLAIMS_FIXED.runtimeArn)).status).toBe(200);
  });
});
