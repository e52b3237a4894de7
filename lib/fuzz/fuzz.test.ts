import { describe, expect, it } from "vitest";
import { FUZZ_TARGETS, fuzzTarget } from "./targets";

// The small run that is part of `npm test`; `npm run fuzz` runs 100,000 inputs per target.
describe.each(FUZZ_TARGETS)("fuzz: $name", (target) => {
  it("accepts or refuses 2,000 generated inputs with its own typed error, never anything else", () => {
    const report = fuzzTarget(target, 2_000);
    expect(report.failures.slice(0, 3)).toEqual([]);
    expect(report.accepted + report.refused).toBe(2_000);
  }, 60_000);
});
