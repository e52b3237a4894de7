// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { TestCallMap, type TestCallResult } from "@/lib/test-calls/types";
import { signPair } from "@/components/test-support/signed-tokens";
import { readRun, saveRun } from "./saved-run";

/**
 * The last run of an environment, kept in sessionStorage for when the page is opened again: as
 * the page shows it, redacted as a report is, per environment.
 */

const API_KEY = "da2-abcdefghijklmnopqrstuvwxyz";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

beforeEach(() => window.sessionStorage.clear());

async function run() {
  const { access } = await signPair();
  const failed: TestCallResult = {
    outcome: "fail",
    status: 401,
    errorType: "UnauthorizedException",
    message: "Valid authorization header not provided.",
    summary: "401 UnauthorizedException: Valid authorization header not provided.",
    latencyMs: 12,
    path: "browser",
    detail: { request: `POST /graphql\nauthorization: ${access}\nx-api-key: ${API_KEY}`, command: `curl -H 'x-api-key: ${API_KEY}' -H 'x-amz-secret: ${SECRET}'`, response: "HTTP 401", notes: ["Sent from this browser."] },
    diagnosis: { id: "appsync-iam-role-resource", title: "The role may not call this API", cause: "…", evidence: ["401 → refused"] },
  };
  return {
    access,
    saved: {
      savedAt: Date.UTC(2026, 0, 1, 14, 15),
      wallMs: 321,
      notes: ["The tokens had expired; they were refreshed before this run."],
      results: new TestCallMap<TestCallResult>([
        [{ row: "appsync-http", column: "iam" }, failed],
        [{ row: "appsync-http", column: "api-key" }, { outcome: "pass", summary: "200 OK", status: 200 }],
        // A cell that had not ended is no result.
        [{ row: "appsync-realtime", column: "iam" }, { outcome: "running", summary: "Running…" }],
      ]),
      replies: new TestCallMap([[{ row: "agentcore-http", column: "access-token" }, "Hello"]]),
      trail: new TestCallMap([[{ row: "appsync-http", column: "iam" }, { at: "2026-01-01T14:15:00.000Z", accessKeyId: "ASIAIOSFODNN7EXAMPLE", label: "AppSync HTTP · IAM" }]]),
    },
  };
}

describe("the last test-call run, kept for this tab", () => {
  it("comes back as the page showed it: outcomes, diagnosis, detail, time, CloudTrail hand-off", async () => {
    const { saved } = await run();
    saveRun("sandbox-demo", saved);
    const back = readRun("sandbox-demo")!;
    expect(back.savedAt).toBe(saved.savedAt);
    expect(back.wallMs).toBe(321);
    expect(back.results.size).toBe(2);
    const iam = back.results.get({ row: "appsync-http", column: "iam" })!;
    expect(iam).toMatchObject({ outcome: "fail", status: 401, errorType: "UnauthorizedException", diagnosis: { id: "appsync-iam-role-resource" } });
    expect(iam.detail?.notes).toEqual(["Sent from this browser."]);
    expect(back.replies.get({ row: "agentcore-http", column: "access-token" })).toBe("Hello");
    expect(back.trail.get({ row: "appsync-http", column: "iam" })).toMatchObject({ accessKeyId: "ASIAIOSFODNN7EXAMPLE" });
    expect(back.notes).toEqual(saved.notes);
  });

  it("never stores a token's signature, an API key or a secret", async () => {
    const { saved, access } = await run();
    saveRun("sandbox-demo", saved);
    const stored = window.sessionStorage.getItem("auth-flow-debugger.test-calls.sandbox-demo")!;
    expect(stored).toContain("appsync-http");
    expect(stored).not.toContain(access.slice(access.lastIndexOf(".") + 1));
    expect(stored).not.toContain(API_KEY);
    expect(stored).not.toContain(SECRET);
  });

  it("is kept per environment, and damaged storage restores nothing", async () => {
    const { saved } = await run();
    saveRun("sandbox-demo", saved);
    expect(readRun("sandbox-other")).toBeUndefined();
    window.sessionStorage.setItem("auth-flow-debugger.test-calls.sandbox-demo", "{not json");
    expect(readRun("sandbox-demo")).toBeUndefined();
    window.sessionStorage.setItem("auth-flow-debugger.test-calls.sandbox-demo", JSON.stringify({ savedAt: 1, results: [["a", "b", { outcome: "exploded", summary: 1 }]] }));
    expect(readRun("sandbox-demo")).toBeUndefined();
  });
});
