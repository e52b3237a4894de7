import { describe, expect, it } from "vitest";
import { REDACTED } from "../redact";
import { sendPrepared } from "./exchange";
import type { PreparedRequest } from "./types";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl";
const request: PreparedRequest = {
  method: "POST",
  url: "http://127.0.0.1:4577/graphql",
  headers: { authorization: JWT, "content-type": "application/json" },
  body: '{"query":"{ me }"}',
};

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit];
function fakeFetch(handler: (...args: FetchArgs) => Promise<Response>): typeof fetch & { calls: FetchArgs[] } {
  const calls: FetchArgs[] = [];
  const impl = (async (...args: FetchArgs) => {
    calls.push(args);
    return handler(...args);
  }) as typeof fetch & { calls: FetchArgs[] };
  impl.calls = calls;
  return impl;
}

/** A fetch that never settles and ignores its signal: the worst case for "always settles". */
const hangingFetch = fakeFetch(() => new Promise<Response>(() => {}));

describe("sendPrepared from the browser", () => {
  it("records an answer; the request copy is redacted, the answer only when asked", async () => {
    const fetchImpl = fakeFetch(async () =>
      new Response(`{"data":null,"token":"${JWT}"}`, { status: 401, statusText: "Unauthorized", headers: { "x-amzn-errortype": "UnauthorizedException" } }),
    );
    const exchange = await sendPrepared(request, { path: "browser", fetchImpl, redactResponse: true });
    expect(exchange).toMatchObject({
      outcome: "answered",
      path: "browser",
      message: "127.0.0.1:4577 answered 401 Unauthorized.",
      response: { status: 401, headers: { "x-amzn-errortype": "UnauthorizedException" }, truncated: false },
    });
    expect(exchange.request.headers.authorization).toBe(`eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.${REDACTED}`);
    expect(exchange.response!.body).not.toContain("c2lnbmF0dXJlc2lnbmF0dXJl");
    expect(exchange.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const raw = await sendPrepared(request, { path: "browser", fetchImpl });
    expect(raw.response!.body).toContain(JWT);
    expect(raw.request.headers.authorization).not.toBe(JWT);
    // The real request went out unredacted.
    expect((fetchImpl.calls[0]![1]!.headers as Record<string, string>).authorization).toBe(JWT);
  });

  it("tells CORS from a dead endpoint with a no-cors probe", async () => {
    const cors = fakeFetch(async (_url, init) => {
      if (init?.mode === "no-cors") return new Response(null, { status: 200 });
      throw new TypeError("Failed to fetch");
    });
    const blocked = await sendPrepared(request, { path: "browser", fetchImpl: cors, pageOrigin: "http://localhost:3000" });
    expect(blocked.outcome).toBe("cors-blocked");
    expect(blocked.message).toContain(
      "The browser blocked the call: http://localhost:3000 is not allowed by CORS at 127.0.0.1:4577 (the preflight was refused or Access-Control-Allow-Origin is missing)",
    );
    expect(cors.calls[1]![1]).toMatchObject({ mode: "no-cors", method: "GET" });

    const dead = fakeFetch(async () => {
      throw new TypeError("Failed to fetch");
    });
    const down = await sendPrepared(request, { path: "browser", fetchImpl: dead });
    expect(down.outcome).toBe("network-error");
    expect(down.message).toMatch(/^No connection to 127\.0\.0\.1:4577: .*Failed to fetch/);
  });

  it("refuses mixed content before sending", async () => {
    const fetchImpl = fakeFetch(async () => new Response("x"));
    const exchange = await sendPrepared(
      { ...request, url: "http://sandbox.example:4577/graphql" },
      { path: "browser", fetchImpl, pageOrigin: "https://dashboard.example" },
    );
    expect(exchange.outcome).toBe("network-error");
    expect(exchange.message).toMatch(/^mixed content: an https page cannot call http:\/\/sandbox\.example:4577/);
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it("settles at the deadline even when fetch ignores its signal", async () => {
    const exchange = await sendPrepared(request, { path: "browser", fetchImpl: hangingFetch, timeoutMs: 50 });
    expect(exchange).toMatchObject({ outcome: "timeout", message: "No answer from 127.0.0.1:4577 within 50 ms." });
    expect(exchange.latencyMs).toBeGreaterThanOrEqual(45);
  });

  it("cancels through the caller's signal, before or during the call", async () => {
    const controller = new AbortController();
    const pending = sendPrepared(request, { path: "browser", fetchImpl: hangingFetch, signal: controller.signal, timeoutMs: 5000 });
    controller.abort();
    expect(await pending).toMatchObject({ outcome: "cancelled", message: "Cancelled before 127.0.0.1:4577 answered." });
    expect((await sendPrepared(request, { path: "browser", fetchImpl: hangingFetch, signal: AbortSignal.abort() })).outcome).toBe("cancelled");
  });

  it("cuts a large answer at 256 KB with a note", async () => {
    const big = "x".repeat(300 * 1024);
    const exchange = await sendPrepared(request, { path: "browser", fetchImpl: fakeFetch(async () => new Response(big)) });
    expect(exchange.response!.truncated).toBe(true);
    expect(exchange.response!.body.startsWith("x".repeat(256 * 1024))).toBe(true);
    expect(exchange.response!.body).toMatch(/\[truncated: showing the first 256 KB of a longer answer\]$/);
  });

  it("reports an answer that breaks off", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("partial"));
        controller.error(new Error("connection reset"));
      },
    });
    const exchange = await sendPrepared(request, { path: "browser", fetchImpl: fakeFetch(async () => new Response(broken)) });
    expect(exchange.outcome).toBe("network-error");
    expect(exchange.message).toContain("broke off: connection reset");
  });

  it("reports a malformed URL without throwing", async () => {
    const exchange = await sendPrepared({ ...request, url: "not a url" }, { path: "browser", fetchImpl: hangingFetch });
    expect(exchange.outcome).toBe("network-error");
  });
});

describe("sendPrepared through the relay", () => {
  it("wraps the request unchanged in an envelope and records the endpoint's answer", async () => {
    const relay = fakeFetch(async () => new Response("<ok/>", { status: 403, statusText: "Forbidden", headers: { "x-relay": "1" } }));
    const exchange = await sendPrepared(request, { path: "relay", fetchImpl: relay, relayUrl: "http://dash/api/relay" });
    expect(exchange).toMatchObject({ outcome: "answered", path: "relay", response: { status: 403 } });
    expect(exchange.message).toBe("127.0.0.1:4577 answered 403 Forbidden (through the relay).");
    const [url, init] = relay.calls[0]!;
    expect(url).toBe("http://dash/api/relay");
    expect(JSON.parse(init!.body as string)).toEqual({ method: "POST", url: request.url, headers: request.headers, body: request.body });
  });

  it.each([
    ["forbidden:relay:host", 403, "relay-refused", /^The relay refused: Refused: nope/],
    ["throttled:relay", 429, "relay-refused", /^The relay refused:/],
    ["timeout:relay", 504, "timeout", /^Refused: nope/],
    ["unreachable:relay", 502, "network-error", /^Refused: nope/],
  ] as const)("maps %s to %s", async (code, status, outcome, message) => {
    const relay = fakeFetch(async () => Response.json({ code, message: "Refused: nope" }, { status, headers: { "x-relay-error": code } }));
    const exchange = await sendPrepared(request, { path: "relay", fetchImpl: relay, relayUrl: "http://dash/api/relay" });
    expect(exchange).toMatchObject({ outcome, relayError: code });
    expect(exchange.message).toMatch(message);
  });

  it("says so when there is no relay", async () => {
    const exchange = await sendPrepared(request, { path: "relay", fetchImpl: fakeFetch(async () => new Response("Not found", { status: 404 })), relayUrl: "http://dash/api/relay" });
    expect(exchange).toMatchObject({ outcome: "relay-refused", relayError: "unavailable:relay" });
    const down = await sendPrepared(request, { path: "relay", fetchImpl: fakeFetch(async () => Promise.reject(new TypeError("Failed to fetch"))), relayUrl: "http://dash/api/relay" });
    expect(down).toMatchObject({ outcome: "network-error", relayError: "unavailable:relay" });
  });

  it("times out through the relay too", async () => {
    const exchange = await sendPrepared(request, { path: "relay", fetchImpl: hangingFetch, timeoutMs: 30 });
    expect(exchange.message).toBe("No answer from 127.0.0.1:4577 within 30 ms (through the relay).");
  });
});
