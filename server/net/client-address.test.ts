import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, installPeerAddressStamp, trustedProxyHops } from "./client-address";

describe("trustedProxyHops", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["1", 1],
    [" 2 ", 2],
    ["-1", 0],
    ["1.5", 0],
    ["two", 0],
    ["99", 0],
  ])("AUTH_DEBUGGER_TRUSTED_PROXY_HOPS=%j → %i", (value, hops) => {
    expect(trustedProxyHops({ AUTH_DEBUGGER_TRUSTED_PROXY_HOPS: value })).toBe(hops);
  });
});

describe("clientAddress without the server's stamp (Next.js filled X-Forwarded-For, or a test)", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.7" }, 0, "203.0.113.7"],
    [{ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, 0, "203.0.113.7"],
    [{ "x-forwarded-for": "198.51.100.1, 203.0.113.7, 10.0.0.2" }, 1, "203.0.113.7"],
    [{ "x-forwarded-for": "203.0.113.7" }, 2, "203.0.113.7"],
    [{}, 0, "unknown"],
  ])("%j with %i trusted hops → %s", (headers, hops, expected) => {
    expect(clientAddress(new Headers(headers), hops)).toBe(expected);
  });
});

describe("clientAddress over a real socket", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    installPeerAddressStamp();
    // Plays Next.js: the route sees the Node request's headers as a web Headers object.
    server = createServer((req, res) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const hops = Number(new URL(req.url ?? "/", "http://x").searchParams.get("hops") ?? 0);
      res.end(clientAddress(headers, hops));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const from = async (headers: Record<string, string>, hops = 0) => (await fetch(`${base}/?hops=${hops}`, { headers })).text();

  it("keys on the socket address, whatever X-Forwarded-For the client sends", async () => {
    const seen = await Promise.all(["203.0.113.1", "203.0.113.2", "198.51.100.9, 203.0.113.3", ""].map((xff) => from(xff ? { "x-forwarded-for": xff } : {})));
    expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
  });

  it("with trusted proxies, takes the address the outermost trusted proxy saw", async () => {
    // One proxy in front appended what it saw (203.0.113.50); the server appends the proxy's address.
    expect(await from({ "x-forwarded-for": "198.51.100.66, 203.0.113.50" }, 1)).toBe("203.0.113.50");
    expect(await from({ "x-forwarded-for": "198.51.100.66, 203.0.113.50" }, 0)).toBe("127.0.0.1");
  });
});
