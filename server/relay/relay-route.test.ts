/**
 * The Next.js route file is only wiring; this checks the wiring: POST is the relay, and the
 * sandbox origin comes from the deployment's environment, read per request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/relay/route";
import { relayEnvelopeSchema } from "@/lib/http/relay-envelope";
import { startServer, type TestServer } from "./test-support";

let sandbox: TestServer;
const saved = process.env.AUTH_DEBUGGER_SANDBOX_URL;

beforeAll(async () => {
  sandbox = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
});

afterAll(async () => {
  if (saved === undefined) delete process.env.AUTH_DEBUGGER_SANDBOX_URL;
  else process.env.AUTH_DEBUGGER_SANDBOX_URL = saved;
  await sandbox.close();
});

const call = (url: string) =>
  POST(
    new Request("http://dashboard.test/api/relay", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ method: "GET", url, headers: {} }),
    }),
  );

describe("app/api/relay/route", () => {
  it("relays to the sandbox the environment names, and only while it names it", async () => {
    process.env.AUTH_DEBUGGER_SANDBOX_URL = `${sandbox.origin}/`;
    const answered = await call(`${sandbox.origin}/ping`);
    expect(answered.status).toBe(200);
    expect(answered.headers.get("x-relay")).toBe("1");
    expect(await answered.json()).toEqual({ ok: true });

    delete process.env.AUTH_DEBUGGER_SANDBOX_URL;
    const refused = await call(`${sandbox.origin}/ping`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-relay-error")).toBe("forbidden:relay:host");
  });

  it("exposes the envelope schema beside the route", () => {
    expect(relayEnvelopeSchema.safeParse({ method: "GET", url: "https://sts.amazonaws.com/" }).success).toBe(true);
  });
});
