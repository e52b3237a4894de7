import { decodeJwt } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { signIn } from "./appsync/test-support";
import { startSandbox, type RunningSandbox } from "./server";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
afterEach(() => setFaults({ delayMs: 0, dropWebSocketAfterFrames: 0, tokenTtlSeconds: 0 }));

const setFaults = (settings: unknown) => fetch(`${sandbox.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify(settings) });
const setDelay = (delayMs: unknown) => setFaults({ delayMs });

describe("fault settings", () => {
  it("changes only the settings named, and GET shows them all", async () => {
    await setFaults({ delayMs: 250 });
    const response = await setFaults({ tokenTtlSeconds: 30 });
    expect(response.status).toBe(200);
    const current = await (await fetch(`${sandbox.url}/_sandbox/faults`)).json();
    expect(current).toEqual({ delayMs: 250, dropWebSocketAfterFrames: 0, closeCode: 1011, closeReason: "sandbox fault: stream dropped", tokenTtlSeconds: 30 });
  });

  it("refuses nonsense settings with a message", async () => {
    const response = await setDelay(-1);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "delayMs must be a number from 0 to 60000" });
    const cases: [unknown, RegExp][] = [
      [{ dropWebSocketAfterFrames: 1.5 }, /dropWebSocketAfterFrames must be a whole number/],
      [{ closeCode: 1005 }, /closeCode must be 1000–1014 \(not 1004 or 1005\), 3000–4999, or 1006/],
      [{ closeCode: 2000 }, /closeCode must be/],
      [{ closeReason: "x".repeat(124) }, /closeReason must fit in 123 bytes/],
      [{ tokenTtlSeconds: -5 }, /tokenTtlSeconds must be a whole number from 0 to 86400/],
      [{ dropAfter: 2 }, /unknown setting dropAfter; known: delayMs, dropWebSocketAfterFrames, closeCode, closeReason, tokenTtlSeconds/],
      [[1], /expected a JSON object/],
    ];
    for (const [settings, message] of cases) {
      const refused = await setFaults(settings);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toMatch(message);
    }
    // A refused request changes nothing.
    expect(await (await fetch(`${sandbox.url}/_sandbox/faults`)).json()).toMatchObject({ closeCode: 1011, dropWebSocketAfterFrames: 0 });
  });
});

describe("slow endpoints", () => {
  it("delays AWS answers, not the sandbox's own endpoints, until switched off", async () => {
    expect((await setDelay(400)).status).toBe(200);
    let started = performance.now();
    await fetch(`${sandbox.url}/ap-northeast-1_DemoPool1/.well-known/jwks.json`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
    started = performance.now();
    await fetch(`${sandbox.url}/_sandbox/health`);
    expect(performance.now() - started).toBeLessThan(300);
    await setDelay(0);
    started = performance.now();
    await fetch(`${sandbox.url}/ap-northeast-1_DemoPool1/.well-known/jwks.json`);
    expect(performance.now() - started).toBeLessThan(300);
  });

  it("delays WebSocket handshakes as well", async () => {
    const open = () =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const ws = new WebSocket(`${sandbox.url.replace("http", "ws")}/appsync/demoapi0000000000000000001/graphql/realtime`, ["graphql-ws"]);
        ws.once("open", () => {
          resolve(performance.now() - started);
          ws.terminate();
        });
        ws.once("error", reject);
      });
    await setDelay(400);
    expect(await open()).toBeGreaterThanOrEqual(380);
    await setDelay(0);
    expect(await open()).toBeLessThan(300);
  });
});

describe("short-lived tokens", () => {
  it("issues ID and access tokens that expire after tokenTtlSeconds, then the client's own lifetime again", async () => {
    await setFaults({ tokenTtlSeconds: 7 });
    const short = await signIn(sandbox.url);
    for (const token of [short.idToken, short.accessToken]) {
      const { iat, exp } = decodeJwt(token);
      expect(exp! - iat!).toBe(7);
    }
    await setFaults({ tokenTtlSeconds: 0 });
    const { iat, exp } = decodeJwt((await signIn(sandbox.url)).accessToken);
    expect(exp! - iat!).toBe(3600);
  });
});
