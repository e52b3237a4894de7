import { afterAll, expect, it } from "vitest";
import { FuzzSession } from "./harness";
import { problemLines } from "./verdict-text";
import { SCENARIO_FUZZ_TARGET } from "./scenario-target";

// The npm test share of `npm run fuzz` for the scenario loader (tools/fuzz/fuzz.test.ts does the
// same for lib's parsers), in a watched worker so a loop fails the test instead of stalling it.
const session = new FuzzSession({ module: new URL("./scenario-target.ts", import.meta.url) });
afterAll(() => session.close());

it("the scenario loader accepts or refuses 2,000 generated scenarios with a ScenarioError, none taking over 2 s", async () => {
  const verdict = await session.run({ target: SCENARIO_FUZZ_TARGET.name, runs: 2_000, seed: 42 });
  expect(problemLines(verdict)).toEqual([]);
  expect(verdict.kind).toBe("finished");
  if (verdict.kind === "finished") {
    expect(verdict.report.accepted + verdict.report.refused).toBe(2_000);
    // Mutations of valid files must sometimes stay valid, or the generator only tests the JSON parser.
    expect(verdict.report.accepted).toBeGreaterThan(0);
  }
}, 60_000);
