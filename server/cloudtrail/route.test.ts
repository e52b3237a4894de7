import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/cloudtrail/route";
import { userPoolTokens } from "@/sandbox/iam/test-support";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "@/sandbox/server";
import { READERS, recordWebIdentity } from "@/sandbox/cloudtrail/test-support";
import { handleLookupRequest, type LookupDeps } from "./handle-request";
import { readNdjson, type LookupMessage } from "../../lib/cloudtrail/lookup/messages";
import { createPacer } from "./pacer";
import { createRateLimiter } from "../net/rate-limit";
import { setLogSink } from "../security/log";
import { GlobalSignOutCommand } from "@aws-sdk/client-cognito-identity-provider";
import { sdkClient } from "@/sandbox/test-support";
import { guardedJwksCache } from "./server-mode";

/** POST /api/cloudtrail against a real sandbox, the official SDK doing the LookupEvents calls. */

const POOL = "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b";
const ROLE = "arn:aws:iam::111122223333:role/service-role/migrated-app-authenticated-role";
let sandbox: RunningSandbox;
const now = Date.now();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenariosDir: DEFAULT_SCENARIOS_DIR });
  for (let i = 0; i < 120; i++) {
    const id = String(i).padStart(12, "0");
    recordWebIdentity(sandbox.url, { time: now - 600_000 + i * 1000, region: "ap-northeast-1", accountId: READERS.wrongResource.accountId, identityPoolId: POOL, identityId: `ap-northeast-1:00000000-0000-4000-8000-${id}`, roleArn: ROLE, accessKeyId: `ASIAROUTE${id.slice(1)}` });
  }
});
afterAll(() => sandbox.close());
afterEach(() => vi.unstubAllEnvs());

const deps = (extra: Partial<LookupDeps> = {}): LookupDeps => ({
  env: { AUTH_DEBUGGER_SANDBOX_URL: sandbox.url },
  pacer: createPacer(),
  jwks: guardedJwksCache([sandbox.url]),
  rateLimiter: createRateLimiter({ capacity: 1000 }),
  ...extra,
});

const body = (extra: Record<string, unknown> = {}) => ({
  region: "ap-northeast-1",
  endpoint: `${sandbox.url}/cloudtrail`,
  startTime: new Date(now - 3600_000).toISOString(),
  endTime: new Date(now).toISOString(),
  credentials: { mode: "pasted", accessKeyId: READERS.wrongResource.accessKeyId, secretAccessKey: READERS.wrongResource.secretAccessKey },
  ...extra,
});

const request = (json: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  new Request("http://127.0.0.1/api/cloudtrail", { method: "POST", body: JSON.stringify(json), headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers }, ...(signal ? { signal } : {}) });

async function messagesOf(response: Response): Promise<LookupMessage[]> {
  const out: LookupMessage[] = [];
  await readNdjson(response.body!, (m) => out.push(m));
  return out;
}

describe("POST /api/cloudtrail", () => {
  it("pages through every event, paced at no more than 2 requests per second", async () => {
    const response = await handleLookupRequest(request(body()), deps());
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const messages = await messagesOf(response);
    const pages = messages.filter((m): m is Extract<LookupMessage, { type: "page" }> => m.type === "page");
    expect(pages.map((p) => p.records.length)).toEqual([50, 50, 20]);
    expect(messages.at(-1)).toMatchObject({ type: "done", pages: 3, events: 120, complete: true });
    expect(messages.some((m) => m.type === "throttled")).toBe(false);
    const sent = pages.map((p) => p.sentAtMs);
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    const rps = (sent.length - 1) / ((sent.at(-1)! - sent[0]!) / 1000);
    expect(rps).toBeLessThanOrEqual(2.02);
  });

  it("backs off and finishes when CloudTrail throttles (a client pacing too fast)", async () => {
    const response = await handleLookupRequest(request(body()), deps({ pacer: createPacer({ intervalMs: 50 }), backoffBaseMs: 300 }));
    const messages = await messagesOf(response);
    expect(messages.filter((m) => m.type === "throttled").length).toBeGreaterThan(0);
    expect(messages.at(-1)).toMatchObject({ type: "done", events: 120 });
  });

  it("never logs or echoes credentials, on success, AWS refusal or validation failure", async () => {
    const secret = "wRoNgSeCrEt0123456789abcdefghijklmnopqrs";
    const sessionToken = "IQoJb3JpZ2luX2VjSESSIONTOKENTHATMUSTNOTLEAK0000000000";
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation(capture));
    const outputs: string[] = [];
    outputs.push(JSON.stringify(await messagesOf(await handleLookupRequest(request(body()), deps()))));
    const refused = body({ credentials: { mode: "pasted", accessKeyId: READERS.wrongResource.accessKeyId, secretAccessKey: secret, sessionToken } });
    const refusal = await messagesOf(await handleLookupRequest(request(refused), deps()));
    expect(refusal.at(-1)).toMatchObject({ type: "error", code: "upstream:cloudtrail", awsError: expect.stringMatching(/Signature|Unrecognized/) });
    outputs.push(JSON.stringify(refusal));
    const invalid = await handleLookupRequest(request(body({ credentials: { mode: "pasted", accessKeyId: "lower", secretAccessKey: `${secret} x` } })), deps());
    expect(invalid.status).toBe(400);
    outputs.push(await invalid.text());
    spies.forEach((s) => s.mockRestore());
    for (const text of [...logged, ...outputs]) {
      for (const leak of [secret, sessionToken, READERS.wrongResource.secretAccessKey]) expect(text).not.toContain(leak);
    }
  });

  it("stops asking CloudTrail when the browser goes away", async () => {
    const controller = new AbortController();
    const pacer = createPacer();
    let requests = 0;
    const counting = { wait: (key: string, signal?: AbortSignal) => (requests++, pacer.wait(key, signal)) };
    const response = await handleLookupRequest(request(body(), {}, controller.signal), deps({ pacer: counting }));
    const reader = response.body!.getReader();
    await reader.read(); // start
    await reader.read(); // first page
    controller.abort();
    await reader.cancel();
    const atAbort = requests;
    await new Promise((r) => setTimeout(r, 1200));
    // Without the abort, 2 more pages would have been asked for in this time.
    expect(requests).toBeLessThanOrEqual(atAbort);
    expect(atAbort).toBeLessThanOrEqual(2);
  });

  it.each([
    [{ endpoint: "http://169.254.169.254/latest" }, 403, "forbidden:cloudtrail:endpoint"],
    [{ endpoint: "https://cloudtrail.us-east-1.amazonaws.com" }, 403, "forbidden:cloudtrail:endpoint"],
    [{ region: "Tokyo" }, 400, "invalid:cloudtrail"],
    [{ startTime: new Date(now).toISOString(), endTime: new Date(now - 1000).toISOString() }, 400, "invalid:cloudtrail"],
    [{ credentials: { mode: "server" } }, 403, "forbidden:cloudtrail:server-mode-off"],
  ])("refuses %j with %i %s", async (extra, status, code) => {
    const response = await handleLookupRequest(request(body(extra)), deps());
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code });
  });

  it("refuses text/plain with 415 and another site's page with 403, before reading the body", async () => {
    const plain = await handleLookupRequest(request(body(), { "content-type": "text/plain" }), deps());
    expect(plain.status).toBe(415);
    expect((await plain.json()).message).toMatch(/Content-Type: application\/json/);
    const crossSite = await handleLookupRequest(request(body(), { "sec-fetch-site": "cross-site", origin: "https://evil.example" }), deps());
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).message).toMatch(/same origin/);
  });

  it("is rate-limited per client, with Retry-After", async () => {
    const limited = deps({ rateLimiter: createRateLimiter({ capacity: 1, windowMs: 10_000 }) });
    const refused = body({ region: "Tokyo" });
    expect((await handleLookupRequest(request(refused), limited)).status).toBe(400);
    const second = await handleLookupRequest(request(refused), limited);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("10");
  });

  it("refuses a body over 16 KB", async () => {
    const response = await handleLookupRequest(request(body({ padding: "x".repeat(17_000) })), deps());
    expect(response.status).toBe(413);
  });
});

describe("server mode through the route", () => {
  const demoPool = () => `${sandbox.url}/ap-northeast-1_DemoPool1`;
  const serverEnv = () => {
    vi.stubEnv("AUTH_DEBUGGER_SANDBOX_URL", sandbox.url);
    vi.stubEnv("AUTH_DEBUGGER_CLOUDTRAIL_MODE", "server");
    vi.stubEnv("AUTH_DEBUGGER_CLOUDTRAIL_POOLS", demoPool());
    vi.stubEnv("AUTH_DEBUGGER_CLOUDTRAIL_GROUPS", "support");
    // The server's own credential chain: here the demo scenario's documented reader.
    vi.stubEnv("AWS_ACCESS_KEY_ID", READERS.demo.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", READERS.demo.secretAccessKey);
  };

  it("uses the server's credentials for a signed-in member of an allowed pool and group", async () => {
    serverEnv();
    const { accessToken } = await userPoolTokens(sandbox.url, "tuxqnxeeb1fx6m6nyyzpcmtoky", "demo@example.com", "Demo-Passw0rd!");
    const response = await POST(request(body({ credentials: { mode: "server" } }), { authorization: `Bearer ${accessToken}` }));
    const messages = await messagesOf(response);
    // The demo account's own (empty) history, not the other scenario's 120 events.
    expect(messages.at(-1)).toMatchObject({ type: "done", events: 0, complete: true });
  });

  it("refuses an access token that was signed out everywhere (GlobalSignOut), though it has not expired", async () => {
    serverEnv();
    const { accessToken } = await userPoolTokens(sandbox.url, "tuxqnxeeb1fx6m6nyyzpcmtoky", "demo@example.com", "Demo-Passw0rd!");
    const server = body({ credentials: { mode: "server" } });
    const before = await POST(request(server, { authorization: `Bearer ${accessToken}` }));
    expect(before.status).toBe(200);
    await before.body?.cancel();
    const cognito = sdkClient(sandbox.url);
    await cognito.send(new GlobalSignOutCommand({ AccessToken: accessToken }));
    cognito.destroy();
    const after = await POST(request(server, { authorization: `Bearer ${accessToken}` }));
    expect(after.status).toBe(401);
    const refusal = (await after.json()) as { code: string; message: string };
    expect(refusal.code).toBe("unauthorized:cloudtrail");
    expect(refusal.message).toMatch(/Access Token has been revoked/);
    expect(refusal.message).toMatch(/sign in again/i);
  });

  it("writes one audit line per server-mode lookup: who, which pool, which window — never the token", async () => {
    serverEnv();
    const { accessToken } = await userPoolTokens(sandbox.url, "tuxqnxeeb1fx6m6nyyzpcmtoky", "demo@example.com", "Demo-Passw0rd!");
    const lines: string[] = [];
    const restore = setLogSink({ write: (line) => void lines.push(line) });
    try {
      const server = body({ credentials: { mode: "server" } });
      await messagesOf(await POST(request(server, { authorization: `Bearer ${accessToken}` })));
      await messagesOf(await handleLookupRequest(request(body()), deps()));
    } finally {
      restore();
    }
    const audits = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === "cloudtrail.server-lookup");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      level: "info",
      sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
      userPoolId: "ap-northeast-1_DemoPool1",
      region: "ap-northeast-1",
      startTime: body().startTime,
      endTime: body().endTime,
    });
    const signature = accessToken.split(".")[2]!;
    for (const line of lines) expect(line).not.toContain(signature);
  });

  it("refuses no token, an ID token, and a user pool that is not allowed", async () => {
    serverEnv();
    const demo = await userPoolTokens(sandbox.url, "tuxqnxeeb1fx6m6nyyzpcmtoky", "demo@example.com", "Demo-Passw0rd!");
    const other = await userPoolTokens(sandbox.url, "wrongresclient000000000001", "migrate@example.com", "Migrate-Passw0rd!");
    const server = body({ credentials: { mode: "server" } });
    expect((await POST(request(server))).status).toBe(401);
    expect((await POST(request(server, { authorization: `Bearer ${demo.idToken}` }))).status).toBe(401);
    expect((await POST(request(server, { authorization: `Bearer ${other.accessToken}` }))).status).toBe(403);
  });
});

describe("the sandbox's CloudTrail reader through the route", () => {
  const sandboxEnv = () => vi.stubEnv("AUTH_DEBUGGER_SANDBOX_URL", sandbox.url);
  const reader = () => body({ credentials: { mode: "sandbox" } });

  it("looks up the caller's own scenario with its reader, and writes one audit line without token or key", async () => {
    sandboxEnv();
    const { accessToken } = await userPoolTokens(sandbox.url, "wrongresclient000000000001", "migrate@example.com", "Migrate-Passw0rd!");
    const lines: string[] = [];
    const restore = setLogSink({ write: (line) => void lines.push(line) });
    let messages: LookupMessage[];
    try {
      messages = await messagesOf(await POST(request(reader(), { authorization: `Bearer ${accessToken}` })));
    } finally {
      restore();
    }
    // The 120 events recorded for appsync-role-wrong-resource's account, with its reader's keys.
    expect(messages.at(-1)).toMatchObject({ type: "done", events: 120, complete: true });
    const audits = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === "cloudtrail.sandbox-reader-lookup");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ sub: expect.stringMatching(/^[0-9a-f-]{36}$/), userPoolId: "ap-northeast-1_WrongRes1", scenario: "appsync-role-wrong-resource", accountId: READERS.wrongResource.accountId });
    for (const line of lines) {
      expect(line).not.toContain(accessToken.split(".")[2]!);
      expect(line).not.toContain(READERS.wrongResource.secretAccessKey);
    }
  });

  it("refuses no token, an ID token, a revoked token, AWS's endpoint, a scenario without a reader, and a deployment without a sandbox", async () => {
    sandboxEnv();
    const migrate = await userPoolTokens(sandbox.url, "wrongresclient000000000001", "migrate@example.com", "Migrate-Passw0rd!");
    const agent = await userPoolTokens(sandbox.url, "acjwtclient000000000000001", "demo@example.com", "Demo-Passw0rd!");
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await POST(request(reader()))).status).toBe(401);
    expect((await POST(request(reader(), bearer(migrate.idToken)))).status).toBe(401);
    const aws = await POST(request(body({ endpoint: undefined, credentials: { mode: "sandbox" } }), bearer(migrate.accessToken)));
    expect(aws.status).toBe(403);
    expect(((await aws.json()) as { code: string }).code).toBe("forbidden:cloudtrail:sandbox-reader-off");
    const none = await POST(request(reader(), bearer(agent.accessToken)));
    expect(none.status).toBe(403);
    expect(((await none.json()) as { code: string }).code).toBe("forbidden:cloudtrail:no-sandbox-reader");
    const cognito = sdkClient(sandbox.url);
    await cognito.send(new GlobalSignOutCommand({ AccessToken: migrate.accessToken }));
    cognito.destroy();
    expect((await POST(request(reader(), bearer(migrate.accessToken)))).status).toBe(401);
    vi.unstubAllEnvs();
    const fresh = await userPoolTokens(sandbox.url, "wrongresclient000000000001", "migrate@example.com", "Migrate-Passw0rd!");
    expect((await handleLookupRequest(request(reader(), bearer(fresh.accessToken)), deps({ env: {} }))).status).toBe(403);
  });
});
