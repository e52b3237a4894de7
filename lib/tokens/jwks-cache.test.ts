import { describe, expect, it } from "vitest";
import { JwksError } from "./errors";
import { createJwksCache, fetchWithFallback, KID_REFETCH_INTERVAL_MS } from "./jwks-cache";

const ISS = "http://127.0.0.1:4577/ap-northeast-1_Sandbox1";
const URL = `${ISS}/.well-known/jwks.json`;

/** A JWKS endpoint that counts its calls and can rotate keys. */
function endpoint(kids: string[] = ["a", "b"]) {
  const state = { calls: [] as string[], kids, fail: false };
  const fetchJson = async (url: string) => {
    state.calls.push(url);
    if (state.fail) throw new Error("connect ECONNREFUSED");
    return { keys: state.kids.map((kid) => ({ kid, kty: "RSA", alg: "RS256", n: "x", e: "AQAB" })) };
  };
  return { state, fetchJson };
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("JwksCache", () => {
  it("fetches {iss}/.well-known/jwks.json once per issuer, however often it is asked", async () => {
    const { state, fetchJson } = endpoint();
    const cache = createJwksCache({ fetchJson });
    const [a, b] = await Promise.all([cache.getJwks(ISS, "a"), cache.getJwks(ISS, "b")]);
    await cache.getJwks(ISS);
    expect(a.keys).toHaveLength(2);
    expect(b).toEqual(a);
    expect(state.calls).toEqual([URL]);
  });

  it.each([
    // Both issuer forms of one pool (IssuerConfigurationType): each is its own issuer, keys fetched under it.
    ["AWS", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC", "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC"],
    ["sandbox", ISS, "http://127.0.0.1:4577/issuer-cognito-idp/ap-northeast-1_Sandbox1"],
  ])("keeps the ORIGINAL and UPDATED issuers of one pool apart (%s)", async (_where, original, updated) => {
    const { state, fetchJson } = endpoint();
    const cache = createJwksCache({ fetchJson });
    await cache.getJwks(updated, "a");
    await cache.getJwks(original, "a");
    await cache.getJwks(updated, "b");
    expect(state.calls).toEqual([`${updated}/.well-known/jwks.json`, `${original}/.well-known/jwks.json`]);
  });

  it("refetches once for an unknown kid (key rotation) and then knows it", async () => {
    const { state, fetchJson } = endpoint(["a"]);
    const t = clock();
    const cache = createJwksCache({ fetchJson, now: t.now });
    await cache.getJwks(ISS, "a");
    t.advance(KID_REFETCH_INTERVAL_MS);
    state.kids = ["a", "rotated"];
    const jwks = await cache.getJwks(ISS, "rotated");
    expect(jwks.keys.map((k) => k.kid)).toContain("rotated");
    await cache.getJwks(ISS, "rotated");
    expect(state.calls).toHaveLength(2);
  });

  it("refetches for unknown kids at most once per 10 s (penalty box)", async () => {
    const { state, fetchJson } = endpoint(["a"]);
    const t = clock();
    const cache = createJwksCache({ fetchJson, now: t.now });
    await cache.getJwks(ISS, "a");
    for (let i = 0; i < 20; i++) await cache.getJwks(ISS, `forged-${i}`);
    expect(state.calls).toHaveLength(1);
    t.advance(KID_REFETCH_INTERVAL_MS - 1);
    await cache.getJwks(ISS, "forged-x");
    expect(state.calls).toHaveLength(1);
    t.advance(1);
    await cache.getJwks(ISS, "forged-x");
    expect(state.calls).toHaveLength(2);
    await cache.getJwks(ISS, "forged-y");
    expect(state.calls).toHaveLength(2);
  });

  it("keeps issuers apart", async () => {
    const { state, fetchJson } = endpoint();
    const cache = createJwksCache({ fetchJson });
    await cache.getJwks(ISS);
    await cache.getJwks("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other");
    expect(state.calls).toEqual([URL, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other/.well-known/jwks.json"]);
  });

  it("reports a failed fetch as JwksError and tries again next time", async () => {
    const { state, fetchJson } = endpoint();
    const cache = createJwksCache({ fetchJson });
    state.fail = true;
    const error = await cache.getJwks(ISS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JwksError);
    expect(error).toMatchObject({ code: "unreachable:jwks", url: URL, message: expect.stringMatching(/ECONNREFUSED/) });
    state.fail = false;
    await expect(cache.getJwks(ISS)).resolves.toMatchObject({ keys: expect.any(Array) });
    expect(state.calls).toHaveLength(2);
  });

  it("rejects a body that is not a JWKS", async () => {
    const cache = createJwksCache({ fetchJson: async () => ({ message: "Forbidden" }) });
    await expect(cache.getJwks(ISS)).rejects.toMatchObject({ name: "JwksError", code: "upstream:jwks:invalid" });
  });

  it("falls back (browser → server proxy) when the direct fetch fails", async () => {
    const { state, fetchJson } = endpoint();
    const direct = async () => {
      throw new TypeError("Failed to fetch");
    };
    const cache = createJwksCache({ fetchJson: fetchWithFallback(direct, (url) => fetchJson(`proxy:${url}`)) });
    await expect(cache.getJwks(ISS)).resolves.toMatchObject({ keys: expect.any(Array) });
    expect(state.calls).toEqual([`proxy:${URL}`]);
  });

  it("names the endpoint as unreachable, with both attempts, when the browser got no answer and the server failed too", async () => {
    const direct = async () => {
      throw new TypeError("Failed to fetch");
    };
    const viaServer = async () => {
      throw new Error("127.0.0.1:4780 is not reachable");
    };
    const cache = createJwksCache({ fetchJson: fetchWithFallback(direct, viaServer) });
    const error = await cache.getJwks(ISS).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "JwksError", code: "unreachable:jwks" });
    expect((error as Error).message).toMatch(/^The user pool's JWKS at 127\.0\.0\.1:4577 could not be reached\. Tried: /);
    expect((error as Error).message).toContain("from this browser: no answer it may read (Failed to fetch");
    expect((error as Error).message).toContain("through the dashboard's server: 127.0.0.1:4780 is not reachable");
  });

  it("keeps the server's error when the browser did get an answer (the endpoint is up)", async () => {
    const direct = async () => {
      throw new Error("HTTP 404");
    };
    const viaServer = async () => {
      throw new Error("answered HTTP 404");
    };
    const cache = createJwksCache({ fetchJson: fetchWithFallback(direct, viaServer) });
    const error = await cache.getJwks(ISS).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain("could not be reached");
    expect((error as Error).message).toContain("answered HTTP 404");
  });
});
