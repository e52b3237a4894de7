import { describe, expect, it } from "vitest";
import { runtimeResult } from "../agentcore/test-calls-http";
import { httpResult } from "../appsync/test-calls";
import { reportMarkdown } from "../report/report";
import type { Exchange } from "./types";

const exchange = (status: number, headers: Record<string, string>, body: string): Exchange => ({
  request: { method: "POST", url: "http://127.0.0.1:4577/x", headers: {}, body: "{}" },
  response: { status, statusText: "", headers, body, truncated: false },
  path: "browser",
  latencyMs: 3,
  startedAt: "2026-12-03T00:00:00.000Z",
  outcome: "answered",
  message: "",
});

describe("answers the sandbox marks as not confirmed", () => {
  it("an AgentCore cell carries what is unconfirmed, and a confirmed answer carries nothing", () => {
    const marked = runtimeResult(exchange(401, { "x-amzn-errortype": "UnauthorizedException", "x-sandbox-unconfirmed": "wording" }, '{"message":"Token rejected: signature"}'), []);
    expect(marked).toMatchObject({ outcome: "fail", unconfirmed: "wording" });
    const plain = runtimeResult(exchange(403, { "x-amzn-errortype": "AccessDeniedException" }, '{"message":"Authorization method mismatch."}'), []);
    expect(plain.unconfirmed).toBeUndefined();
  });

  it("an AppSync cell carries it too, and the ticket report says so next to the answer", () => {
    const body = '{"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call."}]}';
    const result = httpResult(exchange(401, { "x-amzn-errortype": "UnauthorizedException", "x-sandbox-unconfirmed": "wording for a wrong key" }, body));
    expect(result.unconfirmed).toBe("wording for a wrong key");
    const report = reportMarkdown({ title: "Test calls", generatedAt: new Date(0), testCalls: [{ row: "AppSync HTTP", column: "API key", result }] });
    expect(report).toContain("(sandbox answer; wording for a wrong key not confirmed from AWS sources)");
  });
});
