import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./server";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const setDelay = (delayMs: unknown) =>
  fetch(`${sandbox.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ delayMs }) });

describe("fault injection", () => {
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

  it("refuses nonsense settings with a message", async () => {
    const response = await setDelay(-1);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "delayMs must be a number from 0 to 60000" });
  });
});
