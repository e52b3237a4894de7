import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { runtimeWebSocketUrl } from "../../lib/agentcore/urls";
import { bearerSubprotocols, presignRuntimeWebSocketUrl } from "../../lib/agentcore/ws-auth";
import { probeWebSocket } from "../../lib/agentcore/ws-probe";
import { createSigner, toHttpRequest } from "../../lib/sigv4/signer";
import { buildUrl, fromQueryBag, parseUrl } from "../../lib/sigv4/url";
import { startSandbox, type RunningSandbox } from "../server";
import { credentialsFor, IAM, JWT, nodeSocketFactory, SESSION, tokensFor, WS_MISSING } from "./test-support";

/** InvokeAgentRuntimeWithWebSocketStream: every way in, and every way of being refused. */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const endpoint = () => `${sandbox.url}/agentcore`;
const probe = (url: string, protocols: string[] = [], message = '{"prompt":"hi there"}', headers?: Record<string, string>) =>
  probeWebSocket({ url, protocols, createSocket: nodeSocketFactory(headers), message, timeoutMs: 5000 });

async function presigned(scenario: typeof IAM | typeof WS_MISSING, arn = scenario.runtimeArn) {
  return presignRuntimeWebSocketUrl({ endpoint: endpoint(), runtimeArn: arn, sessionId: SESSION, credentials: await credentialsFor(sandbox.url, scenario), region: scenario.region });
}

describe("SigV4-presigned URL", () => {
  it("streams the reply in agentcore-iam", async () => {
    const outcome = await probe(await presigned(IAM));
    expect(outcome.ok).toBe(true);
    const frames = outcome.frames.filter((f) => f.dir === "in").map((f) => JSON.parse(f.data) as Record<string, unknown>);
    expect(frames.slice(0, 3)).toEqual([{ chunk: "Echo: " }, { chunk: "hi " }, { chunk: "there" }]);
    expect(frames.at(-1)).toMatchObject({ echo: { prompt: "hi there" }, sessionId: SESSION, caller: expect.stringMatching(/^AWS_IAM: /) });
  });

  it("is refused before the upgrade when the role lacks the WebSocket action (aws-cdk #37495)", async () => {
    const outcome = await probe(await presigned(WS_MISSING));
    expect(outcome).toMatchObject({ ok: false, opened: false, refusal: { status: 403, errorType: "AccessDeniedException" } });
    expect(outcome.refusal?.message).toMatch(/is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream on resource: /);
  });

  it("is refused when a byte of the URL changed after signing", async () => {
    const url = (await presigned(IAM)).replace("qualifier=DEFAULT", "qualifier=DEFAULt");
    const outcome = await probe(url);
    expect(outcome.refusal?.status).toBe(404);
    const tampered = (await presigned(IAM)).replace(SESSION, SESSION.replace("0123", "9123"));
    expect((await probe(tampered)).refusal).toMatchObject({ status: 403, errorType: "InvalidSignatureException" });
  });

  it("is refused when it is valid for longer than AgentCore's 300 seconds", async () => {
    // lib/agentcore refuses to sign this, so sign it by hand the way any SigV4 library could.
    const target = parseUrl(`${runtimeWebSocketUrl(endpoint(), IAM.runtimeArn).replace(/^ws:/, "http:")}&X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=${SESSION}`);
    const signer = createSigner({ credentials: await credentialsFor(sandbox.url, IAM), region: IAM.region, service: "bedrock-agentcore", applyChecksum: false });
    const signed = await signer.presign(toHttpRequest("GET", target, { host: target.host }, undefined), { expiresIn: 600 });
    const url = buildUrl({ protocol: "ws:", host: target.host, path: target.path, query: fromQueryBag(signed.query) });
    const outcome = await probe(url);
    expect(outcome.refusal).toMatchObject({ status: 400, errorType: "IncompleteSignatureException", message: "X-Amz-Expires must be from 1 to 300 seconds; got 600." });
  });

  it("is an Authorization method mismatch at a CUSTOM_JWT runtime", async () => {
    const outcome = await probe(await presigned(IAM, JWT.runtimeArn));
    expect(outcome.refusal).toMatchObject({ status: 403, errorType: "AccessDeniedException", message: expect.stringMatching(/^Authorization method mismatch/) });
  });
});

describe("OAuth", () => {
  it("accepts the access token as bearer subprotocols in agentcore-jwt and picks the sentinel", async () => {
    const { accessToken } = await tokensFor(sandbox.url, JWT);
    const url = `${runtimeWebSocketUrl(endpoint(), JWT.runtimeArn)}&X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=${SESSION}`;
    const socket = new WebSocket(url, bearerSubprotocols(accessToken));
    const protocol = await new Promise<string>((resolve, reject) => {
      socket.on("open", () => resolve(socket.protocol));
      socket.on("error", reject);
    });
    socket.close();
    expect(protocol).toBe("base64UrlBearerAuthorization");
    const outcome = await probe(url, bearerSubprotocols(accessToken));
    expect(outcome.ok).toBe(true);
  });

  it("refuses the ID token subprotocol with the client_id mismatch (401)", async () => {
    const { idToken } = await tokensFor(sandbox.url, JWT);
    const outcome = await probe(runtimeWebSocketUrl(endpoint(), JWT.runtimeArn), bearerSubprotocols(idToken));
    expect(outcome.refusal).toMatchObject({ status: 401, errorType: "UnauthorizedException", message: "Claim 'client_id' value mismatch with configuration." });
  });

  it("accepts an Authorization header from a non-browser client, with the raw ARN in the path as the guide's example writes it", async () => {
    const { accessToken } = await tokensFor(sandbox.url, JWT);
    const raw = `ws://${new URL(sandbox.url).host}/agentcore/runtimes/${JWT.runtimeArn}/ws`;
    const outcome = await probe(raw, [], '{"prompt":"header"}', { Authorization: `Bearer ${accessToken}`, "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": SESSION });
    expect(outcome.ok).toBe(true);
  });

  it("refuses a JWT at an AWS_IAM runtime with Authorization method mismatch", async () => {
    const { accessToken } = await tokensFor(sandbox.url, IAM);
    const outcome = await probe(runtimeWebSocketUrl(endpoint(), IAM.runtimeArn), bearerSubprotocols(accessToken));
    expect(outcome.refusal).toMatchObject({ status: 403, errorType: "AccessDeniedException" });
  });
});

describe("after the upgrade", () => {
  it("closes with 1009 for a frame over 32 KB, and keeps partial output when the agent fails (1011)", async () => {
    const url = await presigned(IAM);
    const big = await probe(url, [], JSON.stringify({ prompt: "x".repeat(33 * 1024) }));
    expect(big).toMatchObject({ ok: false, opened: true, closeCode: 1009 });
    const crash = await probe(await presigned(IAM), [], '{"prompt":"!crash"}');
    expect(crash).toMatchObject({ ok: false, closeCode: 1011 });
    expect(crash.frames.filter((f) => f.dir === "in").map((f) => f.data)).toEqual(['{"chunk":"Echo: "}']);
  });
});
