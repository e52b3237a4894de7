/**
 * The relay over real sockets: a signed request still verifies at the far end, and everything
 * the relay must refuse is refused, with its code. (That it never logs: relay-logging.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "../net/rate-limit";
import { signRequest } from "../../lib/sigv4";
import { TEMPORARY } from "../../sandbox/sigv4/test-support";
import { createRelay, RELAY_LIMITS } from "./relay-core";
import { headerRecord, readBody, startRelayStandIn, startServer, startStsStandIn, type TestServer } from "./test-support";

let sts: Awaited<ReturnType<typeof startStsStandIn>>;
let misc: TestServer;
let trap: TestServer & { hits: number };
const miscSeen: Array<Record<string, string>> = [];

beforeAll(async () => {
  sts = await startStsStandIn();
  const trapServer = { hits: 0 } as TestServer & { hits: number };
  Object.assign(trapServer, await startServer((_req, res) => {
    trapServer.hits += 1;
    res.end("metadata");
  }));
  trap = trapServer;
  misc = await startServer((req, res) => {
    void readBody(req).then(() => {
      miscSeen.push(headerRecord(req));
      if (req.url === "/redirect") {
        res.writeHead(302, { location: `${trap.origin}/latest/meta-data/?token=secret` });
        return res.end();
      }
      if (req.url === "/slow") return; // never answers
      if (req.url === "/cors") {
        res.writeHead(200, {
          "content-type": "application/json",
          "access-control-allow-origin": "*",
          "Access-Control-Allow-Credentials": "true",
          "access-control-expose-headers": "x-amzn-requestid",
          "x-amzn-requestid": "cors-1",
        });
        return res.end("{}");
      }
      if (req.url === "/huge-declared") {
        res.writeHead(200, { "content-length": String(RELAY_LIMITS.maxResponseBytes + 1) });
        return res.end();
      }
      if (req.url === "/huge-streamed") {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        const chunk = Buffer.alloc(1024 * 1024, 120);
        for (let i = 0; i < 6; i++) res.write(chunk);
        return res.end();
      }
      res.writeHead(403, { "content-type": "application/json", "x-amzn-errortype": "AccessDeniedException", "set-cookie": "a=b", connection: "close" });
      res.end('{"message":"denied"}');
    });
  });
});

afterAll(async () => {
  await Promise.all([sts.close(), misc.close(), trap.close()]);
});

const relayFor = (overrides: Parameters<typeof createRelay>[0] extends infer O ? Partial<O> : never = {}) =>
  createRelay({ sandboxOrigins: () => [sts.origin, misc.origin], rateLimiter: createRateLimiter({ capacity: 1000 }), ...overrides });

const post = (envelope: unknown, headers: Record<string, string> = {}) =>
  new Request("http://dashboard.test/api/relay", {
    method: "POST",
    // What the dashboard's own pages send: browsers add Sec-Fetch-Site to every fetch.
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
    body: typeof envelope === "string" ? envelope : JSON.stringify(envelope),
  });

async function refusal(response: Response) {
  const body = (await response.json()) as { code: string; message: string };
  expect(response.headers.get("x-relay-error")).toBe(body.code);
  return { status: response.status, ...body };
}

async function signedCallerIdentity(url: string) {
  return signRequest(
    {
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    },
    { credentials: TEMPORARY, region: "us-east-1", service: "sts" },
  );
}

describe("forwarding", () => {
  it("forwards a signed STS request unchanged: the signature verifies at the far end", async () => {
    const signed = await signedCallerIdentity(`${sts.origin}/`);
    const response = await relayFor()(post({ method: "POST", url: signed.url, headers: signed.headers, body: signed.body }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Account>123456789012</Account>");
    expect(sts.verdicts.at(-1)).toMatchObject({ ok: true, service: "sts", accessKeyId: TEMPORARY.accessKeyId });
    expect(response.headers.get("x-relay")).toBe("1");
    expect(response.headers.get("x-amzn-requestid")).toBe("req-1");
    expect(response.headers.get("set-cookie")).toBeNull();
    for (const [name, value] of Object.entries(signed.headers)) expect(sts.received.at(-1)!.headers[name]).toBe(value);
  });

  it("a changed body no longer verifies (the stand-in really checks)", async () => {
    const signed = await signedCallerIdentity(`${sts.origin}/`);
    const response = await relayFor()(post({ method: "POST", url: signed.url, headers: signed.headers, body: `${signed.body}&x=1` }));
    expect(response.status).toBe(403);
    expect(sts.verdicts.at(-1)).toMatchObject({ ok: false });
  });

  it("passes the endpoint's status and headers, minus hop-by-hop and cookies; drops hop-by-hop request headers", async () => {
    const response = await relayFor()(
      post({
        method: "POST",
        url: `${misc.origin}/x`,
        headers: { "x-amz-target": "A.B", connection: "x-private-hop", "x-private-hop": "1", "keep-alive": "5", host: "evil.example", "content-length": "999" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toEqual({ message: "denied" });
    const seen = miscSeen.at(-1)!;
    expect(seen["x-amz-target"]).toBe("A.B");
    expect(seen["host"]).toBe(new URL(misc.origin).host);
    expect(seen["content-length"]).toBe("2");
    expect(seen["x-private-hop"]).toBeUndefined();
    expect(seen["keep-alive"]).toBeUndefined();
  });
});

describe("only the dashboard's own pages may use it", () => {
  const envelope = () => JSON.stringify({ method: "GET", url: `${misc.origin}/x` });

  it("refuses a CORS simple request (text/plain) with 415, without forwarding it", async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    const response = await relayFor({ fetchImpl })(post(envelope(), { "content-type": "text/plain;charset=UTF-8" }));
    expect(response.status).toBe(415);
    expect((await response.json()).message).toMatch(/Content-Type: application\/json/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it.each([
    ["another site's page", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["an older browser on another site (Origin only)", { "sec-fetch-site": "", origin: "https://evil.example" }],
  ])("refuses JSON from %s with 403, without forwarding it", async (_label, headers) => {
    const fetchImpl = vi.fn<typeof fetch>();
    const sent = post(envelope(), headers);
    if (headers["sec-fetch-site"] === "") sent.headers.delete("sec-fetch-site");
    const response = await relayFor({ fetchImpl })(sent);
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/same origin/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("accepts an older browser on the dashboard itself (Origin equal to the site's)", async () => {
    const sent = post(envelope(), { origin: "http://dashboard.test" });
    sent.headers.delete("sec-fetch-site");
    const response = await relayFor()(sent);
    // The endpoint's own answer, relayed: not a refusal of the relay.
    expect(response.headers.get("x-relay-error")).toBeNull();
    expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
  });

  it("strips the endpoint's access-control-* headers, so no other origin may read the answer", async () => {
    const response = await relayFor()(post({ method: "GET", url: `${misc.origin}/cors` }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toBe("cors-1");
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });
});

describe("refusals", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:1/",
    "http://localhost:4577/",
    "http://[::1]:4577/",
    "https://[::1]/",
    "http://10.0.0.1/",
    "https://10.0.0.1/",
    "https://sts.amazonaws.com.evil.example/",
    "https://evil.example/sts.amazonaws.com",
    "https://sts.amazonaws.com@evil.example/",
    "http://sts.amazonaws.com/",
    "https://s3.us-east-1.amazonaws.com/bucket",
    "https://cloudtrail.us-east-1.amazonaws.com/",
    "file:///etc/passwd",
  ])("refuses %s without connecting", async (url) => {
    const fetchImpl = vi.fn<typeof fetch>();
    const response = await relayFor({ fetchImpl })(post({ method: "GET", url, headers: {} }));
    expect(await refusal(response)).toMatchObject({ status: 403, code: "forbidden:relay:host" });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("does not follow a redirect, and names only the target's origin", async () => {
    const response = await relayFor()(post({ method: "GET", url: `${misc.origin}/redirect`, headers: {} }));
    const body = await refusal(response);
    expect(body).toMatchObject({ status: 502, code: "upstream:relay:redirect" });
    expect(body.message).toContain(`redirect to ${trap.origin}`);
    expect(body.message).not.toContain("token=secret");
    expect(trap.hits).toBe(0);
  });

  it("refuses a request body over 1 MB, declared or not", async () => {
    const big = { method: "POST", url: `${misc.origin}/x`, headers: {}, body: "x".repeat(RELAY_LIMITS.maxRequestBytes) };
    expect(await refusal(await relayFor()(post(big)))).toMatchObject({ status: 413, code: "too-large:relay" });
    const declared = post({ method: "GET", url: `${misc.origin}/x` }, { "content-length": String(2 * 1024 * 1024) });
    expect(await refusal(await relayFor()(declared))).toMatchObject({ status: 413, code: "too-large:relay" });
  });

  it("refuses an answer over the cap: declared up front, or cut while streaming", async () => {
    const declared = await relayFor()(post({ method: "GET", url: `${misc.origin}/huge-declared` }));
    expect(await refusal(declared)).toMatchObject({ status: 502, code: "upstream:relay:too-large" });
    const streamed = await relayFor()(post({ method: "GET", url: `${misc.origin}/huge-streamed` }));
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("x-relay-max-bytes")).toBe(String(RELAY_LIMITS.maxResponseBytes));
    await expect(streamed.arrayBuffer()).rejects.toThrow(/more than 5242880 bytes/);
  });

  it.each([
    ["not JSON", "{nope", /not JSON/],
    ["no url", { method: "GET", headers: {} }, /url/],
    ["PUT", { method: "PUT", url: "https://sts.amazonaws.com/", headers: {} }, /method must be GET or POST/],
    ["GET with a body", { method: "GET", url: "https://sts.amazonaws.com/", headers: {}, body: "x" }, /GET request cannot carry a body/],
    ["header injection", { method: "GET", url: "https://sts.amazonaws.com/", headers: { "x-a": "1\r\nx-b: 2" } }, /line breaks/],
    ["a header value outside ByteString", { method: "GET", url: "https://sts.amazonaws.com/", headers: { "x-amz-meta-price": "5 €" } }, /headers\.x-amz-meta-price: .*U\+00FF/],
    ["bad header name", { method: "GET", url: "https://sts.amazonaws.com/", headers: { "bad name": "1" } }, /header name/],
    ["numeric header", { method: "GET", url: "https://sts.amazonaws.com/", headers: { "x-a": 1 } }, /headers/],
    ["extra field", { method: "GET", url: "https://sts.amazonaws.com/", headers: {}, follow: true }, /follow|Unrecognized/i],
    ["an array", [], /envelope/],
  ])("refuses an invalid envelope: %s", async (_label, envelope, message) => {
    const body = await refusal(await relayFor()(post(envelope)));
    expect(body).toMatchObject({ status: 400, code: "invalid:relay" });
    expect(body.message).toMatch(message);
  });

  it("times out a silent endpoint", async () => {
    const response = await relayFor({ limits: { timeoutMs: 150 } })(post({ method: "GET", url: `${misc.origin}/slow` }));
    expect(await refusal(response)).toMatchObject({ status: 504, code: "timeout:relay", message: `${new URL(misc.origin).host} did not answer within 150 ms.` });
  });

  it("reports an endpoint that is down", async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const response = await createRelay({ sandboxOrigins: () => [closed.origin] })(post({ method: "GET", url: `${closed.origin}/` }));
    const body = await refusal(response);
    expect(body).toMatchObject({ status: 502, code: "unreachable:relay" });
    expect(body.message).toContain("ECONNREFUSED");
  });

  it("rate-limits per client with Retry-After", async () => {
    let now = 0;
    const relay = relayFor({ rateLimiter: createRateLimiter({ capacity: 2, windowMs: 10_000, now: () => now }) });
    // The client's address as Next.js passes it when nothing is in front of the server.
    const from = (ip: string) => post({ method: "GET", url: "https://10.0.0.1/" }, { "x-forwarded-for": ip });
    expect((await relay(from("203.0.113.1"))).status).toBe(403);
    expect((await relay(from("203.0.113.1"))).status).toBe(403);
    const limited = await relay(from("203.0.113.1"));
    expect(await refusal(limited)).toMatchObject({ status: 429, code: "throttled:relay" });
    expect(limited.headers.get("retry-after")).toBe("5");
    expect((await relay(from("203.0.113.2"))).status).toBe(403);
    now = 5000;
    expect((await relay(from("203.0.113.1"))).status).toBe(403);
  });

  it("cannot be escaped by rotating X-Forwarded-For: over a real socket, the limit is the socket's", async () => {
    const server = await startRelayStandIn(relayFor({ rateLimiter: createRateLimiter({ capacity: 3, windowMs: 60_000 }) }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${server.origin}/api/relay`, {
          method: "POST",
          headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", "x-forwarded-for": `203.0.113.${i + 1}` },
          body: JSON.stringify({ method: "GET", url: "https://10.0.0.1/" }),
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([403, 403, 403, 429, 429, 429]);
    } finally {
      await server.close();
    }
  });
});
