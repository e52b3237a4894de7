import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseState } from "./case-state";
import { runHttp } from "./drivers/request";
import type { ScenarioContext } from "./scenario-context";
import type { HttpCall } from "./schema";
import { resolveText } from "./template";

/**
 * Placeholders for multi-step sign-ins, against a tiny local server standing in for the sandbox:
 * its outbox, an endpoint that refuses, and one that answers a Session.
 */

const SECRET = "T6WOKV644US4EMVX72G5UGLERW74GSBHVIYHCKIV2UXAEETMRRJA";
let server: Server;
let ctx: ScenarioContext;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    res.setHeader("content-type", "application/json");
    if (url.pathname === "/_sandbox/outbox") {
      const to = url.searchParams.get("to");
      res.end(JSON.stringify({ messages: to === "user@example.com" ? [{ code: "111111" }, { code: "222222" }] : [] }));
    } else if (url.pathname === "/refuse") {
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: "CodeMismatchException", message: "wrong" }));
    } else if (url.pathname === "/session") {
      res.end(JSON.stringify({ Session: "session-from-step-one" }));
    } else {
      res.end(JSON.stringify({ path: url.pathname, query: url.search }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx = { base, region: "ap-northeast-1", scenario: { name: "test" }, values: () => ({ base, clientId: "client-1" }) } as unknown as ScenarioContext;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("placeholders of a multi-step case", () => {
  it("use what earlier steps captured, next to the scenario's values", async () => {
    const state = new CaseState();
    state.captured.set("session", "s/1");
    expect(await resolveText("{{clientId}} {{session}} {{session|uri}}", ctx, { state })).toBe("client-1 s/1 s%2F1");
  });

  it("compute the authenticator code of a captured secret or a written-out one", async () => {
    const state = new CaseState(() => 1_767_225_610_000);
    state.captured.set("secret", SECRET);
    const now = await generate({ secret: SECRET, epoch: 1_767_225_610 });
    const before = await generate({ secret: SECRET, epoch: 1_767_225_580 });
    expect(await resolveText("{{totp:secret}} {{totp:" + SECRET + "|previous}}", ctx, { state })).toBe(`${now} ${before}`);
  });

  it("read the newest emailed code for an address from the outbox", async () => {
    expect(await resolveText("{{outbox:user@example.com}}", ctx, { state: new CaseState() })).toBe("222222");
    expect(seen.at(-1)).toBe("/_sandbox/outbox?to=user%40example.com");
    await expect(resolveText("{{outbox:nobody@example.com}}", ctx, {})).rejects.toThrow("the outbox holds no code for nobody@example.com");
  });

  it("say what is wrong with a placeholder they cannot resolve", async () => {
    const state = new CaseState();
    await expect(resolveText("{{totp:missing}}", ctx, { state })).rejects.toThrow("no captured value missing");
    await expect(resolveText("{{totp:" + SECRET + "|uri}}", ctx, { state })).rejects.toThrow("the filter must be one of previous, stale");
    await expect(resolveText("{{clientId|previous}}", ctx, { state })).rejects.toThrow("unknown filter previous");
    await expect(resolveText("{{clientId:x}}", ctx, { state })).rejects.toThrow("only totp and outbox take an argument");
  });
});

describe("before steps", () => {
  const call = (before: NonNullable<HttpCall["before"]>): HttpCall => ({ op: "http", method: "GET", url: "{{base}}/echo/{{session}}", headers: {}, before });

  it("pass a captured value to the call, after a step that had to fail", async () => {
    const answer = await runHttp(
      call([
        { op: "http", method: "GET", url: "{{base}}/refuse", headers: {}, status: 400 },
        { op: "http", method: "GET", url: "{{base}}/session", headers: {}, capture: { session: "Session" } },
      ]),
      ctx,
      { state: new CaseState() },
    );
    expect(answer.json).toEqual({ path: "/echo/session-from-step-one", query: "" });
  });

  it("stop the case when a step answers other than it should", async () => {
    await expect(runHttp(call([{ op: "http", method: "GET", url: "{{base}}/refuse", headers: {} }]), ctx, { state: new CaseState() })).rejects.toThrow(
      "before[0] answered 400 CodeMismatchException wrong",
    );
    await expect(runHttp(call([{ op: "http", method: "GET", url: "{{base}}/session", headers: {}, status: 400 }]), ctx, { state: new CaseState() })).rejects.toThrow(
      "before[0] answered 200",
    );
  });
});
