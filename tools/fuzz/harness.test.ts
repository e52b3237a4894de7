import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FuzzSession } from "./harness";
import { FUZZ_TARGETS, HANGS_ON, STRINGS } from "./hanging-target.fixture";
import { problemLines } from "./verdict-text";

const fixture = new URL("./hanging-target.fixture.ts", import.meta.url);
const target = FUZZ_TARGETS[0]!;
const seed = 777;
const deadlineMs = 300;
/** Where the fixture first gets stuck for this seed, found without running it. */
const firstHang = fc.sample(STRINGS, { seed, numRuns: 1_000 }).findIndex((input) => input.includes(HANGS_ON));

// The timeouts are the backstop: were the watcher broken, these would wait on the stuck worker.
describe("the fuzz watcher", () => {
  it("stops a target stuck in a synchronous loop and names the target, the seed and the run index", async () => {
    expect(firstHang).toBeGreaterThan(0);
    const started = performance.now();
    const session = new FuzzSession({ module: fixture, deadlineMs });
    const verdict = await session.run({ target: target.name, seed, runs: 1_000 });
    await session.close();
    const tookMs = performance.now() - started;

    expect(verdict).toMatchObject({ kind: "hang", target: "hanging fixture", seed, index: firstHang, phase: "running" });
    if (verdict.kind !== "hang") return;
    expect(verdict.stalledMs).toBeGreaterThan(deadlineMs);
    expect(verdict.input).toContain(HANGS_ON);
    expect(tookMs).toBeLessThan(4_000);

    const text = problemLines(verdict).join("\n");
    console.log(text);
    expect(text).toContain(`HANG in hanging fixture: run index ${firstHang} (seed ${seed})`);
    expect(text).toContain(`npm run fuzz -- --target 'hanging fixture' --seed ${seed} --replay-index ${firstHang}`);
    expect(text).toContain(`input  ${JSON.stringify(verdict.input)}`);
  }, 5_000);

  it("replays exactly the stuck input from its seed and run index, and only that one, then goes on with a fresh worker", async () => {
    const session = new FuzzSession({ module: fixture, deadlineMs });
    const replay = { target: target.name, seed, runs: 1 };
    const before = await session.run({ ...replay, from: firstHang - 1 });
    const stuck = await session.run({ ...replay, from: firstHang });
    const after = await session.run({ ...replay, from: firstHang - 1 });
    await session.close();

    expect(stuck).toMatchObject({ kind: "hang", index: firstHang });
    expect(before).toMatchObject({ kind: "finished", report: { from: firstHang - 1, accepted: 1, failureCount: 0 } });
    // The stuck worker was replaced: the session goes on with a fresh one.
    expect(after).toEqual(before.kind === "finished" ? { ...before, report: { ...before.report, ms: expect.any(Number) } } : "unreachable");
  }, 5_000);

  it("stops an input generator stuck producing an input, and names that input's run index", async () => {
    const session = new FuzzSession({ module: fixture, deadlineMs });
    const verdict = await session.run({ target: "hanging generator fixture", seed, runs: 1_000 });
    await session.close();

    // The input cannot be shown: generating it again would get the watcher stuck as well.
    expect(verdict).toMatchObject({ kind: "hang", target: "hanging generator fixture", seed, index: firstHang, phase: "generating" });
    expect(verdict).not.toHaveProperty("input");
    expect(problemLines(verdict)[0]).toContain(`HANG in hanging generator fixture: generating the input at run index ${firstHang} (seed ${seed})`);
  }, 5_000);
});
