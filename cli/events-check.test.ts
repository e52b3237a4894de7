import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS } from "../sandbox/appsync/events/test-support";
import { identityCredentials, signIn } from "../sandbox/appsync/test-support";
import { startSandbox, type RunningSandbox } from "../sandbox/server";
import { runCli } from "./test-support";

/** `events-check` against the sandbox's Event API (scenario appsync-events-namespace-modes). */

let sandbox: RunningSandbox;
let url: string;
let env: Record<string, string>;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  url = `${sandbox.url}/appsync-events/${EVENTS.apiId}/event`;
  const tokens = await signIn(sandbox.url, EVENTS.user.email, EVENTS.user.password, EVENTS.clientId);
  const aws = await identityCredentials(sandbox.url, tokens.idToken, { identityPoolId: EVENTS.identityPoolId, userPoolId: EVENTS.userPoolId });
  env = { API_KEY: EVENTS.apiKey, ID_TOKEN: tokens.idToken, AWS_ACCESS_KEY_ID: aws.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.secretAccessKey, AWS_SESSION_TOKEN: aws.sessionToken };
});
afterAll(() => sandbox.close());

describe("events-check", () => {
  it("on alerts: the API key subscribes but is refused on publish, IAM passes everything; exit 1", async () => {
    const out = await runCli(["events-check", "--url", url, "--channel", "/alerts/test", "--region", EVENTS.region, "--json"], { env });
    expect(out.code).toBe(1);
    const rows = JSON.parse(out.stdout) as { row: string; credential: string; outcome: string; unconfirmed?: string }[];
    const of = (row: string, credential: string) => rows.find((r) => r.row === row && r.credential === credential);
    expect(of("events-ws-subscribe", "api-key")?.outcome).toBe("pass");
    expect(of("events-http-publish", "api-key")).toMatchObject({ outcome: "fail", unconfirmed: expect.stringMatching(/namespace does not allow/) });
    for (const row of ["events-http-publish", "events-ws-subscribe", "events-ws-publish"]) expect(of(row, "iam")?.outcome, row).toBe("pass");
    // No access token in the environment: that credential is not tried.
    expect(rows.some((r) => r.credential === "access-token")).toBe(false);
    expect(out.stdout).not.toContain(env["AWS_SECRET_ACCESS_KEY"]);
  });

  it("on default with the API key only: every call passes; exit 0, one line per call", async () => {
    const out = await runCli(["events-check", "--url", url, "--channel", "/default/room", "--region", EVENTS.region], { env: { API_KEY: EVENTS.apiKey } });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("✓ Events HTTP publish · API key: 200 OK");
    expect(out.stdout).toContain("✓ Events WebSocket publish · API key: Published (publish_success)");
  });

  it("refuses a wildcard channel and a URL that is not an Event API's", async () => {
    expect((await runCli(["events-check", "--url", url, "--channel", "/default/*", "--region", EVENTS.region], { env })).code).toBe(2);
    expect((await runCli(["events-check", "--url", `${sandbox.url}/appsync/x/graphql`, "--channel", "/default/a", "--region", EVENTS.region], { env })).code).toBe(2);
  });
});
