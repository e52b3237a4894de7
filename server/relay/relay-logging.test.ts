/**
 * The relay never logs: requests carrying planted secrets (JWT, secret key, API key) go through
 * every path — answered, refused, invalid, failing fetch, redirect — with console and the
 * process's stdout/stderr watched; nothing may be written, and refusals may not echo secrets.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "../net/rate-limit";
import { createRelay } from "./relay-core";
import { readBody, startServer, type TestServer } from "./test-support";

let misc: TestServer;

beforeAll(async () => {
  misc = await startServer((req, res) => {
    void readBody(req).then(() => {
      if (req.url === "/redirect") {
        res.writeHead(302, { location: "http://169.254.169.254/" });
        return res.end();
      }
      res.writeHead(403, { "content-type": "application/json" });
      res.end('{"message":"denied"}');
    });
  });
});

afterAll(() => misc.close());

const relayFor = (overrides: Partial<Parameters<typeof createRelay>[0]> = {}) =>
  createRelay({ sandboxOrigins: () => [misc.origin], rateLimiter: createRateLimiter({ capacity: 1000 }), ...overrides });

const post = (envelope: unknown) =>
  new Request("http://dashboard.test/api/relay", {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: typeof envelope === "string" ? envelope : JSON.stringify(envelope),
  });

describe("never logs", () => {
  it("relays requests carrying secrets without writing anything to the console", async () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.UExBTlRFRC1KV1QtU0lHTkFUVVJF";
    const secretKey = "PLANTEDsecretKEYwJalrXUtnFEMI/K7MDENG+bP";
    const apiKey = "da2-plantedapikeyplantedapik";
    const secrets = ["UExBTlRFRC1KV1QtU0lHTkFUVVJF", secretKey, apiKey];
    const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
    const spies = methods.map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    const writes = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")];
    const throwing: typeof fetch = async () => {
      throw new Error(`boom ${jwt} ${secretKey}`);
    };
    const headers = { authorization: `Bearer ${jwt}`, "x-api-key": apiKey, "x-secret": secretKey };
    const body = JSON.stringify({ SecretKey: secretKey, token: jwt });
    const answers: string[] = [];
    let consoleCalls: Array<[method: string, args: unknown[]]> = [];
    let written = "";
    try {
      const relay = relayFor();
      const cases = [
        relay(post({ method: "POST", url: `${misc.origin}/x`, headers, body })),
        relay(post({ method: "POST", url: "https://evil.example/", headers, body })),
        relay(post({ method: "POST", url: `${misc.origin}/x`, headers: { ...headers, "x-bad": `${jwt}\r\n` }, body })),
        relay(post(`{"method":"POST","url":"${jwt}",`)),
        relayFor({ fetchImpl: throwing })(post({ method: "POST", url: `${misc.origin}/x`, headers, body })),
        relay(post({ method: "GET", url: `${misc.origin}/redirect`, headers })),
      ];
      for (const response of await Promise.all(cases)) answers.push(await response.text());
    } finally {
      // Read the calls before restoring: mockRestore() also clears them.
      consoleCalls = spies.flatMap((spy, i) => spy.mock.calls.map((args): [string, unknown[]] => [methods[i]!, args]));
      written = writes.flatMap((w) => w.mock.calls.map((call) => String(call[0]))).join("\n");
      for (const spy of [...spies, ...writes]) spy.mockRestore();
    }
    expect(consoleCalls).toEqual([]);
    for (const secret of secrets) expect(written).not.toContain(secret);
    // Refusals do not echo the request either (the endpoint's own answer, case 1, is not ours to judge).
    for (const answer of answers.slice(1)) for (const secret of secrets) expect(answer).not.toContain(secret);
  });
});
