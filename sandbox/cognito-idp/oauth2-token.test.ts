import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestClientCredentials } from "../../lib/oauth/client-credentials";
import { startSandbox, type RunningSandbox } from "../server";
import { M2M } from "../test-support";

/** The pool domain's token endpoint, client credentials grant (scenario agentcore-m2m-scopes). */

const { pool: POOL, invoker: INVOKER, reader: READER, noFlag: NO_FLAG } = M2M;

let sandbox: RunningSandbox;
let endpoint: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  endpoint = `${sandbox.url}${M2M.tokenPath}`;
});
afterAll(() => sandbox.close());

const ask = (client: { id: string; secret: string }, scopes: string[] = [], auth: "basic" | "post" = "basic") =>
  requestClientCredentials({ tokenEndpoint: endpoint, clientId: client.id, clientSecret: client.secret, scopes, auth });

describe("client credentials grant", () => {
  it("issues an access token whose subject is the app client, signed with the pool's access-token key", async () => {
    const result = await ask(INVOKER, ["agentcore-api/invoke"]);
    expect(result).toMatchObject({ ok: true, status: 200, tokenType: "Bearer", expiresIn: 3600 });
    if (!result.ok) return;
    const jwks = createRemoteJWKSet(new URL(`${sandbox.url}/${POOL}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(result.accessToken, jwks, { issuer: `${sandbox.url}/${POOL}` });
    expect(payload).toMatchObject({ sub: INVOKER.id, client_id: INVOKER.id, token_use: "access", scope: "agentcore-api/invoke", version: 2 });
    expect(payload).not.toHaveProperty("username");
    expect(payload).not.toHaveProperty("cognito:groups");
  });

  it("grants all the client's custom scopes when none is asked for, with client_secret_post too", async () => {
    const result = await ask(INVOKER, [], "post");
    if (!result.ok) throw new Error(result.error);
    const claims = JSON.parse(Buffer.from(result.accessToken.split(".")[1]!, "base64url").toString()) as { scope: string };
    expect(claims.scope.split(" ").sort()).toEqual(["agentcore-api/invoke", "agentcore-api/read"]);
  });

  it("answers each refusal with Cognito's 400 and error code", async () => {
    expect(await ask({ ...INVOKER, secret: "wrong" })).toMatchObject({ ok: false, status: 400, error: "invalid_client" });
    expect(await ask(READER, ["agentcore-api/invoke"])).toMatchObject({ ok: false, status: 400, error: "invalid_scope" });
    expect(await ask(NO_FLAG)).toMatchObject({ ok: false, status: 400, error: "invalid_grant" });
    // A web client has no secret: it cannot authenticate for this grant (answer not confirmed, so marked).
    const web = await ask({ id: "m2mwebclient00000000000001", secret: "x" });
    expect(web).toMatchObject({ ok: false, status: 400, error: "invalid_client" });
  });

  it("lets a page read the answer (Access-Control-Allow-Origin: *), as the token endpoint does", async () => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: READER.id, client_secret: READER.secret }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("marks the answers no source confirms", async () => {
    const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-sandbox-unconfirmed")).toBeTruthy();
  });
});

describe("AgentCore allowedScopes", () => {
  const runtimeUrl = () =>
    `${sandbox.url}/agentcore/runtimes/${encodeURIComponent("arn:aws:bedrock-agentcore:ap-northeast-1:310000000009:runtime/m2m_echo_agent-M2s9kP4qXz")}/invocations?qualifier=DEFAULT`;
  const invoke = (token: string) =>
    fetch(runtimeUrl(), { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ prompt: "hi" }) });
  const tools = (token: string) =>
    fetch(`${sandbox.url}/agentcore-gateway/m2m-gateway-q8w4e2r6ty/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });

  it("lets the token with the allowed scope through the runtime and the gateway", async () => {
    const result = await ask(INVOKER);
    if (!result.ok) throw new Error(result.error);
    expect((await invoke(result.accessToken)).status).toBe(200);
    expect((await tools(result.accessToken)).status).toBe(200);
  });

  it("refuses a token without it, marking the wording not confirmed", async () => {
    const result = await ask(READER);
    if (!result.ok) throw new Error(result.error);
    const runtime = await invoke(result.accessToken);
    expect(runtime.status).toBeGreaterThanOrEqual(400);
    expect(runtime.headers.get("x-sandbox-unconfirmed")).toBeTruthy();
    const gateway = await tools(result.accessToken);
    expect(gateway.status).toBe(401);
  });
});
