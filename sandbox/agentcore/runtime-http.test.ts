import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSse, sseChunkText } from "../../lib/agentcore/sse";
import { unencodedInvokeUrl } from "../../lib/agentcore/urls";
import { signRequest } from "../../lib/sigv4/sign";
import { startSandbox, type RunningSandbox } from "../server";
import { AUD, credentialsFor, invokeUrl, JWT, send, SESSION, tokensFor } from "./test-support";

/** InvokeAgentRuntime over plain HTTPS, per scenario and per credential. */

const MISMATCH = /^Authorization method mismatch\. The agent is configured for a different authorization method than what was used in your request\./;

let sandbox: RunningSandbox;
let jwtTokens: { idToken: string; accessToken: string };
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  jwtTokens = await tokensFor(sandbox.url, JWT);
});
afterAll(() => sandbox.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "x-amzn-bedrock-agentcore-runtime-session-id": SESSION });

describe("agentcore-jwt (CUSTOM_JWT, allowedClients = the app client)", () => {
  it("streams the echo reply to the access token as server-sent events", async () => {
    const response = await fetch(invokeUrl(sandbox.url, JWT.runtimeArn), { method: "POST", headers: bearer(jwtTokens.accessToken), body: '{"prompt":"hello agent"}' });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-amzn-bedrock-agentcore-runtime-session-id")).toBe(SESSION);
    const chunks: string[] = [];
    for await (const event of readSse(response.body!)) chunks.push(sseChunkText(event));
    expect(chunks).toEqual(["Echo: ", "hello ", "agent"]);
  });

  it("answers JSON when the client accepts only JSON, naming the caller", async () => {
    const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn), { ...bearer(jwtTokens.accessToken), accept: "application/json" });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ response: "Echo: hello agent", sessionId: SESSION, caller: expect.stringContaining("access token") });
  });

  it("refuses the ID token: Claim 'client_id' value mismatch (seed 000)", async () => {
    const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn), bearer(jwtTokens.idToken));
    expect(answer).toMatchObject({ status: 401, errorType: "UnauthorizedException", message: "Claim 'client_id' value mismatch with configuration." });
  });

  it("answers a missing token with 401 and the protected-resource metadata pointer", async () => {
    const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn), {});
    expect(answer.status).toBe(401);
    const encoded = encodeURIComponent(JWT.runtimeArn);
    expect(answer.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${sandbox.url}/agentcore/runtimes/${encoded}/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT"`,
    );
    const metadata = await send(`${sandbox.url}/agentcore/runtimes/${encoded}/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT`, {}, "", "GET");
    // Exactly the two members a real runtime's document has (somoore/pairputer-on-aws, PROBE-4).
    expect(JSON.parse(metadata.text)).toEqual({
      authorization_servers: [`${sandbox.url}/${JWT.userPoolId}`],
      resource: `${sandbox.url}/agentcore/runtimes/${encoded}/invocations?qualifier=DEFAULT`,
    });
  });

  it.each(["not.a.token", "undefined", ""])("refuses the bearer value %j as unparsable (403, not the missing-token 401)", async (value) => {
    const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn), { authorization: `Bearer ${value}`, "x-amzn-bedrock-agentcore-runtime-session-id": SESSION });
    expect(answer).toMatchObject({ status: 403, message: "OAuth authorization failed: Failed to parse token" });
    expect(answer.headers.get("www-authenticate")).toBeNull();
  });

  it("refuses a token that expires within the next minute", async () => {
    await fetch(`${sandbox.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ tokenTtlSeconds: 30 }) });
    try {
      const shortLived = await tokensFor(sandbox.url, JWT);
      const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn), bearer(shortLived.accessToken));
      expect(answer).toMatchObject({ status: 403, message: "OAuth authorization failed: Ineffectual token, will expire within the next minute" });
    } finally {
      await fetch(`${sandbox.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ tokenTtlSeconds: 0 }) });
    }
  });

  it("finds the runtime by its id when accountId is given, and asks for accountId otherwise", async () => {
    const id = JWT.runtimeArn.split("/").pop()!;
    const byId = await send(`${sandbox.url}/agentcore/runtimes/${id}/invocations?qualifier=DEFAULT&accountId=310000000001`, {
      ...bearer(jwtTokens.accessToken),
      accept: "application/json",
    });
    expect(byId.status).toBe(200);
    const noAccount = await send(`${sandbox.url}/agentcore/runtimes/${id}/invocations?qualifier=DEFAULT`, bearer(jwtTokens.accessToken));
    expect(noAccount).toMatchObject({ status: 400, message: "accountID required" });
  });

  it("refuses a token whose payload was changed after signing", async () => {
    const [header, payload, signature] = jwtTokens.accessToken.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: "someone-else" })).toString("base64url")}.${signature}`;
    const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn), bearer(forged));
    expect(answer).toMatchObject({ status: 401, errorType: "UnauthorizedException" });
    expect(answer.message).toMatch(/^Token rejected: signature/);
    // No public capture shows AgentCore's words for this case: the answer says so, for the dashboard to show.
    expect(answer.headers.get("x-sandbox-unconfirmed")).toBe("wording");
  });

  it("refuses SigV4 with Authorization method mismatch (403)", async () => {
    const credentials = await credentialsFor(sandbox.url, JWT);
    const url = invokeUrl(sandbox.url, JWT.runtimeArn);
    const body = '{"prompt":"hi"}';
    const signed = await signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body }, { credentials, region: JWT.region, service: "bedrock-agentcore" });
    const answer = await send(url, signed.headers, body);
    expect(answer).toMatchObject({ status: 403, errorType: "AccessDeniedException" });
    expect(answer.message).toMatch(MISMATCH);
    expect(answer.headers.get("x-sandbox-unconfirmed")).toBeNull();
  });

  it("checks the session id: shorter than 33 characters is a 400 ValidationException", async () => {
    const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn), { ...bearer(jwtTokens.accessToken), "x-amzn-bedrock-agentcore-runtime-session-id": "too-short" });
    expect(answer).toMatchObject({
      status: 400,
      errorType: "ValidationException",
      message: "Value at 'runtimeSessionId' failed to satisfy constraint: Member must have length greater than or equal to 33",
    });
    const none = await send(invokeUrl(sandbox.url, JWT.runtimeArn), { authorization: `Bearer ${jwtTokens.accessToken}` });
    expect(none.status).toBe(200);
    expect(none.headers.get("x-amzn-bedrock-agentcore-runtime-session-id")?.length).toBeGreaterThanOrEqual(33);
  });
});

describe("paths AWS does not route", () => {
  it("answers the unencoded ARN with 404 (seed 003)", async () => {
    const answer = await send(unencodedInvokeUrl(`${sandbox.url}/agentcore`, JWT.runtimeArn), bearer(jwtTokens.accessToken));
    expect(answer).toMatchObject({ status: 404, errorType: "ResourceNotFoundException" });
  });

  it("answers a URL without /invocations with Missing Authentication Token", async () => {
    const answer = await send(`${sandbox.url}/agentcore/runtimes/${encodeURIComponent(JWT.runtimeArn)}`, bearer(jwtTokens.accessToken));
    expect(answer).toMatchObject({ status: 403, errorType: "MissingAuthenticationTokenException", message: "Missing Authentication Token" });
  });

  it("answers an operation that does not exist with 404", async () => {
    const id = JWT.runtimeArn.split("/").pop()!;
    expect((await send(`${sandbox.url}/agentcore/runtimes/${id}/invoke`, bearer(jwtTokens.accessToken))).status).toBe(404);
    expect((await send(`${sandbox.url}/agentcore/accounts/310000000001/runtimes/${id}/invocations`, bearer(jwtTokens.accessToken))).status).toBe(404);
  });

  it("answers an unknown runtime or qualifier with ResourceNotFoundException", async () => {
    const answer = await send(invokeUrl(sandbox.url, JWT.runtimeArn, "prod"), bearer(jwtTokens.accessToken));
    expect(answer).toMatchObject({ status: 404, errorType: "ResourceNotFoundException", message: `No endpoint or agent found with qualifier 'prod' for agent ${JWT.runtimeArn}` });
  });
});

describe("agentcore-audience-misconfigured (allowedClients and allowedAudience both set)", () => {
  it("refuses every access token on aud, and the ID token on client_id", async () => {
    const tokens = await tokensFor(sandbox.url, AUD);
    const access = await send(invokeUrl(sandbox.url, AUD.runtimeArn), bearer(tokens.accessToken));
    expect(access).toMatchObject({ status: 401, errorType: "UnauthorizedException", message: "Claim 'aud' value mismatch with configuration." });
    const id = await send(invokeUrl(sandbox.url, AUD.runtimeArn), bearer(tokens.idToken));
    expect(id).toMatchObject({ status: 401, message: "Claim 'client_id' value mismatch with configuration." });
  });
});
