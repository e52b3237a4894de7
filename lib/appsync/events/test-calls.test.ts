import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startSandbox, type RunningSandbox } from "../../../sandbox/server";
import { identityCredentials, signIn } from "../../../sandbox/appsync/test-support";
import { EVENTS } from "../../../sandbox/appsync/events/test-support";
import { pasteIntoBash } from "../../../sandbox/test-support";
import type { TestCallResult } from "../../test-calls/types";
import type { WebSocketLike } from "../../ws";
import type { AppSyncCredentials } from "../variants";
import { EVENT_ROWS, eventTestCalls } from "./test-calls";

/**
 * The Event API rows against the sandbox's scenario appsync-events-namespace-modes, on the
 * `alerts` namespace (subscribe: API key or IAM; publish: IAM only), and each cell's copied
 * command pasted into bash with the same credentials.
 */

let sandbox: RunningSandbox;
let credentials: AppSyncCredentials;
const createSocket = (url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as WebSocketLike;
const api = (channel: string) => ({ name: "events", url: `${sandbox.url}/appsync-events/${EVENTS.apiId}/event`, region: EVENTS.region, apiKey: EVENTS.apiKey, channel });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const tokens = await signIn(sandbox.url, EVENTS.user.email, EVENTS.user.password, EVENTS.clientId);
  const aws = await identityCredentials(sandbox.url, tokens.idToken, { identityPoolId: EVENTS.identityPoolId, userPoolId: EVENTS.userPoolId });
  credentials = { idToken: tokens.idToken, accessToken: tokens.accessToken, aws };
});
afterAll(() => sandbox.close());

async function runAll(channel: string): Promise<Map<string, TestCallResult>> {
  const results = new Map<string, TestCallResult>();
  for (const call of eventTestCalls({ api: api(channel), credentials, createSocket })) {
    results.set(`${call.row}|${call.column}`, await call.run({ signal: new AbortController().signal, timeoutMs: 5000, path: "browser" }));
  }
  return results;
}

describe("Event API test calls", () => {
  it("on alerts: only IAM publishes (HTTP and WebSocket), the API key and IAM subscribe, user-pool tokens are refused everywhere", async () => {
    const results = await runAll("/alerts/test");
    const outcome = (row: string, column: string) => results.get(`${row}|${column}`)?.outcome;
    for (const row of [EVENT_ROWS.http, EVENT_ROWS.publish]) {
      expect(outcome(row, "iam"), row).toBe("pass");
      for (const column of ["api-key", "id-token", "access-token"]) expect(outcome(row, column), `${row} ${column}`).toBe("fail");
    }
    expect(outcome(EVENT_ROWS.subscribe, "api-key")).toBe("pass");
    expect(outcome(EVENT_ROWS.subscribe, "iam")).toBe("pass");
    expect(outcome(EVENT_ROWS.subscribe, "id-token")).toBe("fail");
    const byKey = results.get(`${EVENT_ROWS.http}|api-key`)!;
    expect(byKey).toMatchObject({ status: 401, errorType: "UnauthorizedException", message: "You are not authorized to make this call.", unconfirmed: expect.any(String) });
    expect(results.get(`${EVENT_ROWS.publish}|api-key`)).toMatchObject({ errorType: "UnauthorizedException", unconfirmed: expect.stringMatching(/namespace does not allow/) });
    expect(results.get(`${EVENT_ROWS.publish}|iam`)?.unconfirmed).toBeUndefined();
  });

  it("each WebSocket cell's command, pasted into bash, gets the answer the cell got; IAM signs the message in the shell", async () => {
    const calls = eventTestCalls({ api: api("/alerts/test"), credentials, createSocket });
    const paste = async (row: string, column: string) => {
      const call = calls.find((c) => c.row === row && c.column === column)!;
      const result = await call.run({ signal: new AbortController().signal, timeoutMs: 5000, path: "browser" });
      return pasteIntoBash(result.detail?.command, { ...credentials, apiKey: EVENTS.apiKey });
    };
    expect(await paste(EVENT_ROWS.publish, "iam")).toContain('"type":"publish_success"');
    expect(await paste(EVENT_ROWS.subscribe, "iam")).toContain('"type":"subscribe_success"');
    expect(await paste(EVENT_ROWS.subscribe, "api-key")).toContain('"type":"subscribe_success"');
    expect(await paste(EVENT_ROWS.publish, "api-key")).toContain('"type":"publish_error"');
    expect(await paste(EVENT_ROWS.http, "iam")).toContain('"successful":[{');
    expect(await paste(EVENT_ROWS.http, "api-key")).toContain("You are not authorized to make this call.");
  });

  it("on members the user-pool tokens pass and the rest fail", async () => {
    const results = await runAll("/members/lobby");
    for (const row of Object.values(EVENT_ROWS)) {
      expect(results.get(`${row}|id-token`)?.outcome, row).toBe("pass");
      expect(results.get(`${row}|access-token`)?.outcome, row).toBe("pass");
      expect(results.get(`${row}|api-key`)?.outcome, row).toBe("fail");
    }
  });
});
