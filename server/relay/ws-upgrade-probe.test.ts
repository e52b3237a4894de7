import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { probeUpgrade } from "./ws-upgrade-probe";

// What the dashboard's server learns by repeating an upgrade the browser could not open.

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

const listen = (s: Server) => new Promise<number>((done) => s.listen(0, "127.0.0.1", () => done((s.address() as AddressInfo).port)));

describe("probeUpgrade", () => {
  it("names AWS's refusal: status, error type and message", async () => {
    server = createServer();
    server.on("upgrade", (_request, socket) => {
      const body = JSON.stringify({ message: "User is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream" });
      socket.end(`HTTP/1.1 403 Forbidden\r\nx-amzn-ErrorType: AccessDeniedException:http://internal.amazon.com/coral/\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
    });
    const port = await listen(server);
    const result = await probeUpgrade(`ws://127.0.0.1:${port}/runtimes/x/ws`, []);
    expect(result).toMatchObject({ opened: false, refusal: { status: 403, errorType: "AccessDeniedException" } });
    expect(result.opened === false && result.refusal?.message).toContain("InvokeAgentRuntimeWithWebSocketStream");
  });

  it("says the endpoint cannot be reached when nothing listens", async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((done) => probe.close(done));
    const result = await probeUpgrade(`ws://127.0.0.1:${port}/runtimes/x/ws`, []);
    expect(result).toEqual({ opened: false, error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("reports an upgrade that succeeds as opened", async () => {
    server = createServer();
    const wss = new WebSocketServer({ server });
    const port = await listen(server);
    expect(await probeUpgrade(`ws://127.0.0.1:${port}/`, [])).toEqual({ opened: true });
    wss.close();
  });
});
