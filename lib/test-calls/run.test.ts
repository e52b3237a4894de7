import { describe, expect, it } from "vitest";
import { runCalls } from "./run";
import { TestCallMap, type TestCallResult, type TestCall } from "./types";

const testCall = (column: string, run: TestCall["run"]): TestCall => ({ row: "r", column, run });
const after = (ms: number, result: TestCallResult) => () => new Promise<TestCallResult>((r) => setTimeout(() => r(result), ms));

describe("runCells", () => {
  it("runs cells in parallel: wall time is the slowest cell, not the sum", async () => {
    const started = Date.now();
    const results = await runCalls(
      [testCall("a", after(150, { outcome: "pass", summary: "ok" })), testCall("b", after(150, { outcome: "fail", summary: "401" })), testCall("c", after(150, { outcome: "pass", summary: "ok" }))],
      { timeoutMs: 2000, onResult: () => {} },
    );
    expect(Date.now() - started).toBeLessThan(400);
    expect([...results.values()].map((r) => r.outcome)).toEqual(["pass", "fail", "pass"]);
  });

  it("ends a hanging cell at its deadline and keeps the others' results", async () => {
    const updates: string[] = [];
    const results = await runCalls(
      [testCall("hang", () => new Promise(() => {})), testCall("fast", after(10, { outcome: "pass", summary: "ok" }))],
      { timeoutMs: 100, onResult: (key, r) => updates.push(`${key.row}/${key.column}:${r.outcome}`) },
    );
    expect(results.get({ row: "r", column: "hang" })).toMatchObject({ outcome: "error", summary: "Timed out after 100 ms" });
    expect(results.get({ row: "r", column: "fast" })?.outcome).toBe("pass");
    expect(updates).toContain("r/fast:pass");
  });

  it("turns a throwing cell into an error result", async () => {
    const results = await runCalls([testCall("x", async () => { throw new Error("boom"); })], { timeoutMs: 100, onResult: () => {} });
    expect(results.get({ row: "r", column: "x" })).toMatchObject({ outcome: "error", summary: "The test itself failed: boom" });
  });

  it("passes each cell its abort signal and the chosen path", async () => {
    let seen: { aborted: boolean; path: string } | undefined;
    const controller = new AbortController();
    const done = runCalls(
      [testCall("x", (ctx) => new Promise((resolve) => ctx.signal.addEventListener("abort", () => { seen = { aborted: true, path: ctx.path }; resolve({ outcome: "error", summary: "aborted" }); })))],
      { timeoutMs: 5000, signal: controller.signal, pathOf: () => "relay", onResult: () => {} },
    );
    controller.abort();
    const results = await done;
    expect(seen).toEqual({ aborted: true, path: "relay" });
    expect(results.get({ row: "r", column: "x" })?.summary).toBe("Cancelled.");
  });
});

describe("CellMap", () => {
  it("finds a cell by row and column, whichever object names it, and hands both back when iterated", () => {
    const map = new TestCallMap<number>().set({ row: "appsync-http", column: "iam" }, 1);
    const copy = map.with({ row: "appsync-http", column: "api-key" }, 2);
    expect(copy.get({ row: "appsync-http", column: "iam" })).toBe(1);
    expect(map.has({ row: "appsync-http", column: "api-key" })).toBe(false);
    expect([...copy].map(([key, value]) => [key.row, key.column, value])).toEqual([["appsync-http", "iam", 1], ["appsync-http", "api-key", 2]]);
  });
});

describe("cancelling one cell", () => {
  it("ends that cell at once and leaves the others running to their answer", async () => {
    const cancels = new TestCallMap<() => void>();
    const done = runCalls(
      [testCall("slow", () => new Promise(() => {})), testCall("fast", after(100, { outcome: "pass", summary: "ok" }))],
      { timeoutMs: 5000, onStart: (key, cancel) => cancels.set(key, cancel), onResult: () => {} },
    );
    await new Promise((r) => setTimeout(r, 20));
    cancels.get({ row: "r", column: "slow" })!();
    const results = await done;
    expect(results.get({ row: "r", column: "slow" })?.summary).toMatch(/^Cancelled after \d+ ms\.$/);
    expect(results.get({ row: "r", column: "fast" })?.outcome).toBe("pass");
  });
});
