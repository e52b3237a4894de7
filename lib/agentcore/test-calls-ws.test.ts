import { describe, expect, it } from "vitest";
import { runWsTestCall, type WsTestCallInput } from "./test-calls-ws";
import type { UpgradeExplanation, WebSocketLike } from "../ws";

/** A browser socket whose upgrade fails: closed with 1006 before it ever opened, no reason given. */
const failingSocket = () => {
  const socket: WebSocketLike = { readyState: 0, send: () => undefined, close: () => undefined, onopen: null, onmessage: null, onerror: null, onclose: null };
  queueMicrotask(() => {
    socket.onerror?.({});
    socket.onclose?.({ code: 1006, reason: "" });
  });
  return socket;
};

const input = (explanation: UpgradeExplanation | undefined): WsTestCallInput => ({
  endpoint: "https://bedrock-agentcore.ap-northeast-1.amazonaws.com",
  runtimeArn: "arn:aws:bedrock-agentcore:ap-northeast-1:123456789012:runtime/echo-AbCdEf1234",
  region: "ap-northeast-1",
  sessionId: "s".repeat(33),
  prompt: "hello",
  credentials: { accessToken: "header.payload.signature" },
  createSocket: failingSocket,
  explainRefusal: async () => explanation,
});

const ctx = () => ({ timeoutMs: 2000, signal: new AbortController().signal });

describe("a WebSocket cell whose upgrade the browser could not open", () => {
  it("reports AgentCore's refusal when the server could read it", async () => {
    const result = await runWsTestCall("access-token", input({ refusal: { status: 403, errorType: "AccessDeniedException", message: "not authorized" } }), ctx());
    expect(result).toMatchObject({ outcome: "fail", status: 403, errorType: "AccessDeniedException" });
    expect(result.summary).toBe("The upgrade was refused: HTTP 403 AccessDeniedException: not authorized");
  });

  it("says the endpoint cannot be reached, with the connection error, when the server could not connect either", async () => {
    const result = await runWsTestCall("access-token", input({ unreachable: "getaddrinfo ENOTFOUND bedrock-agentcore.ap-northeast-1.amazonaws.com" }), ctx());
    expect(result.outcome).toBe("error");
    expect(result.summary).toBe("No WebSocket connection to bedrock-agentcore.ap-northeast-1.amazonaws.com: the endpoint cannot be reached (getaddrinfo ENOTFOUND bedrock-agentcore.ap-northeast-1.amazonaws.com).");
    expect(result.detail?.notes?.join(" ")).toContain("could not connect either");
  });

  it("keeps the browser's own words when nobody could say more", async () => {
    const result = await runWsTestCall("access-token", input(undefined), ctx());
    expect(result.outcome).toBe("error");
    expect(result.summary).toMatch(/^No WebSocket connection to bedrock-agentcore\.ap-northeast-1\.amazonaws\.com: the upgrade was refused or the connection failed before it opened/);
  });
});
