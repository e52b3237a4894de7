/**
 * POST /api/relay/ws as a browser (or an attacker) calls it: only the dashboard's own pages, only
 * JSON, only subprotocols a WebSocket handshake can carry, and not without limit.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "../net/rate-limit";
import { handleWsProbeRequest } from "./handle-ws-probe";

let upstream: Server;
let origin: string;
const upgrades: string[] = [];

beforeAll(async () => {
  upstream = createServer();
  upstream.on("upgrade", (request, socket) => {
    upgrades.push(String(request.headers["sec-websocket-protocol"] ?? ""));
    const body = JSON.stringify({ message: "denied" });
    socket.end(`HTTP/1.1 403 Forbidden\r\nx-amzn-ErrorType: AccessDeniedException\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
  });
  await new Promise<void>((done) => upstream.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => upstream.close(() => done())));
afterEach(() => vi.unstubAllEnvs());

const probe = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://dashboard.test/api/relay/ws", {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const roomy = () => ({ rateLimiter: createRateLimiter({ capacity: 1000 }) });

describe("POST /api/relay/ws", () => {
  it("repeats an allowed upgrade and says why it was refused", async () => {
    vi.stubEnv("AUTH_DEBUGGER_SANDBOX_URL", origin);
    const response = await handleWsProbeRequest(probe({ url: `${origin.replace("http", "ws")}/graphql/realtime`, protocols: ["graphql-ws", "header-eyJob3N0IjoieCJ9"] }), roomy());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ opened: false, refusal: { status: 403, errorType: "AccessDeniedException" } });
    expect(upgrades.at(-1)).toBe("graphql-ws,header-eyJob3N0IjoieCJ9");
  });

  it.each([
    ["a line break", ["graphql-ws\r\nx-injected: 1"]],
    ["a space", ["graphql ws"]],
    ["a comma", ["a,b"]],
    ["an empty name", [""]],
    ["a character outside ASCII", ["graphql-wś"]],
    ["the same name twice", ["graphql-ws", "graphql-ws"]],
  ])("answers 400 for a subprotocol with %s, without connecting", async (_label, protocols) => {
    vi.stubEnv("AUTH_DEBUGGER_SANDBOX_URL", origin);
    const before = upgrades.length;
    const response = await handleWsProbeRequest(probe({ url: `${origin.replace("http", "ws")}/x`, protocols }), roomy());
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/subprotocol/);
    expect(upgrades.length).toBe(before);
  });

  it("refuses text/plain with 415 and another site's page with 403", async () => {
    const body = { url: "wss://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/x/ws", protocols: [] };
    expect((await handleWsProbeRequest(probe(body, { "content-type": "text/plain" }), roomy())).status).toBe(415);
    expect((await handleWsProbeRequest(probe(body, { "sec-fetch-site": "cross-site", origin: "https://evil.example" }), roomy())).status).toBe(403);
  });

  it("is rate-limited per client, with Retry-After", async () => {
    const limited = { rateLimiter: createRateLimiter({ capacity: 2, windowMs: 10_000 }) };
    const body = { url: "wss://evil.example/", protocols: [] };
    expect((await handleWsProbeRequest(probe(body), limited)).status).toBe(403);
    expect((await handleWsProbeRequest(probe(body), limited)).status).toBe(403);
    const third = await handleWsProbeRequest(probe(body), limited);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("5");
  });
});
