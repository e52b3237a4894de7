import { afterAll, describe, expect, it } from "vitest";
import { FuzzSession } from "./harness";
import { FUZZ_TARGETS } from "./targets";
import { problemLines } from "./verdict-text";

// The small run that is part of `npm test`; `npm run fuzz` runs 100,000 inputs per target. The
// targets run in a watched worker, so an input that makes a parser loop fails its target's test
// (with the seed and run index to replay it) instead of stalling the test runner.
const session = new FuzzSession();
afterAll(() => session.close());

describe.each(FUZZ_TARGETS)("fuzz: $name", (target) => {
  it("accepts or refuses 2,000 generated inputs with its own typed error, never anything else, none taking over 2 s", async () => {
    const verdict = await session.run({ target: target.name, runs: 2_000, seed: 42 });
    expect(problemLines(verdict)).toEqual([]);
    expect(verdict.kind).toBe("finished");
    if (verdict.kind === "finished") expect(verdict.report.accepted + verdict.report.refused).toBe(2_000);
  }, 60_000);
});
