/**
 * SSRF tests for GET /api/jwks, called directly with crafted Requests and a stubbed fetch that
 * records every URL the route tries. The route may fetch exactly two kinds of place: Cognito's
 * JWKS URL of a user pool on AWS, and the sandbox the deployment configured — nothing a caller
 * can steer elsewhere by address tricks, look-alike names, DNS-rebinding-shaped names or redirects.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/jwks/route";

const JWKS = { keys: [{ kty: "RSA", kid: "k1", n: "abc", e: "AQAB", alg: "RS256", use: "sig" }] };
const POOL = "us-east-1_AbC123";

let fetched: Array<{ url: string; redirect?: RequestRedirect }> = [];
/** Every URL fetched by any test in this file. */
const everFetched: string[] = [];
let answer: () => Response | Promise<Response> = () => Response.json(JWKS);
let client = 0;

beforeEach(() => {
  fetched = [];
  answer = () => Response.json(JWKS);
  vi.stubEnv("AUTH_DEBUGGER_SANDBOX_URL", "");
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    everFetched.push(url);
    fetched.push({ url, ...(init?.redirect ? { redirect: init.redirect } : {}) });
    return answer();
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** Each call from its own client address, so the rate limit stays out of the way. */
const jwks = (query: string, ip = `203.0.113.${client++ % 250}`) =>
  GET(new Request(`http://dashboard.test/api/jwks${query}`, { headers: { "x-forwarded-for": ip } }));
const forIssuer = (issuer: string) => jwks(`?issuer=${encodeURIComponent(issuer)}`);

describe("GET /api/jwks: what it fetches", () => {
  it.each([
    [`https://cognito-idp.us-east-1.amazonaws.com/${POOL}`, `https://cognito-idp.us-east-1.amazonaws.com/${POOL}/.well-known/jwks.json`],
    ["https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_XyZ", "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_XyZ/.well-known/jwks.json"],
    ["https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_XyZ", "https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_XyZ/.well-known/jwks.json"],
    // A pool with the UPDATED issuer (IssuerConfigurationType) publishes its JWKS on this host.
    [`https://issuer-cognito-idp.us-east-1.amazonaws.com/${POOL}`, `https://issuer-cognito-idp.us-east-1.amazonaws.com/${POOL}/.well-known/jwks.json`],
    // Spellings that URL parsing turns into the real host are the real host.
    [`https://COGNITO-IDP.us-east-1.amazonaws.com/${POOL}`, `https://cognito-idp.us-east-1.amazonaws.com/${POOL}/.well-known/jwks.json`],
    [`https://cognito-idp.us-east-1.amazonaws.com:443/${POOL}`, `https://cognito-idp.us-east-1.amazonaws.com/${POOL}/.well-known/jwks.json`],
  ])("%s → %s, without following redirects", async (issuer, url) => {
    const response = await forIssuer(issuer);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JWKS);
    expect(fetched).toEqual([{ url, redirect: "manual" }]);
  });

  it("fetches the configured sandbox, and only that origin", async () => {
    vi.stubEnv("AUTH_DEBUGGER_SANDBOX_URL", "http://127.0.0.1:4577");
    expect((await forIssuer(`http://127.0.0.1:4577/${POOL}`)).status).toBe(200);
    expect((await forIssuer(`http://127.0.0.1:4577/issuer-cognito-idp/${POOL}`)).status).toBe(200);
    expect(fetched.map((f) => f.url)).toEqual([
      `http://127.0.0.1:4577/${POOL}/.well-known/jwks.json`,
      `http://127.0.0.1:4577/issuer-cognito-idp/${POOL}/.well-known/jwks.json`,
    ]);
    for (const other of [`http://127.0.0.1:4578/${POOL}`, `http://localhost:4577/${POOL}`, `https://127.0.0.1:4577/${POOL}`, `http://[::1]:4577/${POOL}`]) {
      expect((await forIssuer(other)).status, other).toBe(400);
    }
    expect(fetched).toHaveLength(2);
  });
});

describe("GET /api/jwks: what it refuses without fetching", () => {
  it.each([
    // internal addresses, in every spelling
    `http://169.254.169.254/${POOL}`,
    `http://169.254.169.254/latest/meta-data/iam/security-credentials/${POOL}`,
    `http://127.0.0.1:4577/${POOL}`,
    `http://localhost/${POOL}`,
    `https://10.0.0.1/${POOL}`,
    `https://192.168.1.1/${POOL}`,
    `https://[::1]/${POOL}`,
    `https://[::ffff:127.0.0.1]/${POOL}`,
    `http://[fd00::1]/${POOL}`,
    `https://2130706433/${POOL}`,
    `https://0x7f000001/${POOL}`,
    `https://0177.0.0.1/${POOL}`,
    `http://metadata.google.internal/${POOL}`,
    // DNS-rebinding-shaped and look-alike names
    `https://cognito-idp.us-east-1.amazonaws.com.127.0.0.1.nip.io/${POOL}`,
    `https://127.0.0.1.cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    `https://cognito-idp.us-east-1.amazonaws.com.evil.example/${POOL}`,
    `https://cognito-idp.us-east-1.amazonaws.com./${POOL}`,
    `https://cognito-idp.us-east-1.amazonaws.co/${POOL}`,
    `https://cognito-idp-us-east-1.amazonaws.com/${POOL}`,
    `https://xcognito-idp.us-east-1.amazonaws.com/${POOL}`,
    `https://xissuer-cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    `https://issuer-cognito-idp.us-east-1.amazonaws.com.evil.example/${POOL}`,
    `https://issuer.cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    `http://issuer-cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    // the UPDATED host names the pool's own (primary) Region
    `https://issuer-cognito-idp.eu-west-1.amazonaws.com/${POOL}`,
    `https://cognito-idp.us-east-1.amazonaws.com.cn.evil.example/${POOL}`,
    `https://s3.us-east-1.amazonaws.com/${POOL}`,
    `https://evil.s3.amazonaws.com/${POOL}`,
    `https://127.0.0.1.nip.io/${POOL}`,
    // other AWS hosts this route has no business with
    `https://sts.amazonaws.com/${POOL}`,
    `https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/${POOL}`,
    // URL tricks: credentials, ports, schemes
    `https://cognito-idp.us-east-1.amazonaws.com@127.0.0.1/${POOL}`,
    `https://user:pw@cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    `https://cognito-idp.us-east-1.amazonaws.com:8443/${POOL}`,
    `http://cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    `file:///etc/passwd/${POOL}`,
    `gopher://cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    // not a Cognito issuer: extra path, query, fragment, trailing slash, not a pool id
    `https://cognito-idp.us-east-1.amazonaws.com/x/${POOL}`,
    `https://cognito-idp.us-east-1.amazonaws.com/${POOL}/`,
    `https://cognito-idp.us-east-1.amazonaws.com/${POOL}?x=1`,
    `https://cognito-idp.us-east-1.amazonaws.com/${POOL}#x`,
    `https://cognito-idp.us-east-1.amazonaws.com/${POOL}/../../169.254.169.254`,
    "https://cognito-idp.us-east-1.amazonaws.com/not-a-pool",
    `https://cognito-idp.eu-west-1.amazonaws.com/${POOL}`,
    "not a url",
    "",
  ])("%s", async (issuer) => {
    const response = await forIssuer(issuer);
    expect(response.status).toBe(400);
    expect((await response.json()) as { message: string }).toMatchObject({ message: expect.stringMatching(/^Refused: /) });
    expect(fetched).toEqual([]);
  });

  it.each([
    ["no issuer", ""],
    ["two issuers", `?issuer=${encodeURIComponent(`https://cognito-idp.us-east-1.amazonaws.com/${POOL}`)}&issuer=${encodeURIComponent(`http://169.254.169.254/${POOL}`)}`],
    ["an unknown parameter", `?issuer=${encodeURIComponent(`https://cognito-idp.us-east-1.amazonaws.com/${POOL}`)}&url=http://169.254.169.254/`],
    ["an over-long issuer", `?issuer=${encodeURIComponent(`https://cognito-idp.us-east-1.amazonaws.com/us-east-1_${"a".repeat(3000)}`)}`],
  ])("a query with %s", async (_name, query) => {
    expect((await jwks(query)).status).toBe(400);
    expect(fetched).toEqual([]);
  });
});

describe("GET /api/jwks: what comes back", () => {
  const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;

  it.each([301, 302, 303, 307, 308])("a %i redirect (to the metadata service) is not followed", async (status) => {
    answer = () => new Response(null, { status, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    const response = await forIssuer(issuer);
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/redirect, which is not followed/);
    expect(fetched).toHaveLength(1);
  });

  it.each([
    ["more than 64 KB", () => Response.json({ keys: [{ kty: "RSA", n: "x".repeat(70 * 1024) }] }), 502, /more than 65536 bytes/],
    ["not JSON", () => new Response("<html>metadata</html>"), 502, /did not answer with a JWKS/],
    ["JSON that is not a JWKS", () => Response.json({ AccessKeyId: "ASIA", SecretAccessKey: "x" }), 502, /did not answer with a JWKS/],
    ["a 404 (no such pool)", () => new Response('{"message":"User pool does not exist"}', { status: 404 }), 404, /answered HTTP 404/],
    ["a 500", () => new Response("boom", { status: 500 }), 502, /answered HTTP 500/],
    ["a network failure", () => Promise.reject(new TypeError("fetch failed")), 502, /is not reachable/],
  ])("an answer with %s", async (_name, make, status, message) => {
    answer = make;
    const response = await forIssuer(issuer);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
  });

  it("limits each client to 60 requests per 10 s", async () => {
    // The clock stands still, so a slow machine cannot refill the bucket between requests.
    vi.useFakeTimers({ toFake: ["Date"] });
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 61; i++) statuses.push((await jwks(`?issuer=${encodeURIComponent(issuer)}`, "198.51.100.77")).status);
    } finally {
      vi.useRealTimers();
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it("only ever fetched Cognito JWKS URLs or the configured sandbox, across this whole file", () => {
    expect(everFetched.length).toBeGreaterThan(60);
    const allowed = /^(https:\/\/(issuer-)?cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?|http:\/\/127\.0\.0\.1:4577(\/issuer-cognito-idp)?)\/[a-z0-9-]+_[A-Za-z0-9]+\/\.well-known\/jwks\.json$/;
    expect(everFetched.filter((url) => !allowed.test(url))).toEqual([]);
  });
});
