import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { invokeUrl, send, tokensFor, UPDATED_ISSUER } from "./test-support";

/**
 * updated-issuer.json: the pool signs with its UPDATED issuer. The runtime's discoveryUrl still has
 * the ORIGINAL form (the documents answer, with the other issuer), so every token fails on iss;
 * the gateway's has the UPDATED form and accepts the access token.
 */

let sandbox: RunningSandbox;
let tokens: { idToken: string; accessToken: string };
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  tokens = await tokensFor(sandbox.url, UPDATED_ISSUER);
}, 60_000);
afterAll(() => sandbox.close());

const rpc = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} });

describe("UPDATED-issuer tokens at AgentCore", () => {
  it("a runtime whose discoveryUrl has the ORIGINAL form refuses them on iss, naming both issuers", async () => {
    const answer = await send(invokeUrl(sandbox.url, UPDATED_ISSUER.runtimeArn), {
      authorization: `Bearer ${tokens.accessToken}`,
      "x-amzn-bedrock-agentcore-runtime-session-id": "session-0123456789abcdef0123456789abcdef",
    });
    expect(answer.status).toBe(401);
    expect(answer.message).toContain(`iss ${sandbox.url}/issuer-cognito-idp/${UPDATED_ISSUER.userPoolId} does not match the discovery URL's issuer ${sandbox.url}/${UPDATED_ISSUER.userPoolId}`);
  });

  it("a gateway whose discoveryUrl has the UPDATED form accepts the access token and names that issuer", async () => {
    const mcp = `${sandbox.url}/agentcore-gateway/${UPDATED_ISSUER.gatewayId}/mcp`;
    const answer = await send(mcp, { authorization: `Bearer ${tokens.accessToken}` }, rpc);
    expect(answer.status).toBe(200);
    const metadata = await send(`${sandbox.url}/agentcore-gateway/${UPDATED_ISSUER.gatewayId}/.well-known/oauth-protected-resource`, {}, "", "GET");
    expect(JSON.parse(metadata.text)).toMatchObject({ authorization_servers: [`${sandbox.url}/issuer-cognito-idp/${UPDATED_ISSUER.userPoolId}`] });
  });
});
