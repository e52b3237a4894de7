import { describe, expect, it } from "vitest";
import type { AppSyncApi } from "@/lib/config/environment";
import type { TestCallResult } from "@/lib/test-calls/types";
import { withDiagnosis } from "./diagnose-test-call";
import { SCENARIO_RUNS } from "./test-support/scenario-diagnoses";
import recorded from "./test-support/scenario-cells.json";

/**
 * Each scenario's test calls as the sandbox answered them (every cell that did not pass, recorded
 * from one run of every scenario, the gateway's through the relay), diagnosed as the page does
 * with the environment's AppSync API: every refused cell must name the cause the scenario is
 * about, and no refused cell may go undiagnosed.
 */

type Recorded = Record<string, { appSync: AppSyncApi[]; cells: Array<TestCallResult & { row: string; column: string }> }>;
const RUNS = recorded as unknown as Recorded;

describe("every refused cell of every sandbox scenario", () => {
  for (const run of SCENARIO_RUNS) {
    it(`${run.run}: names why each cell was refused`, () => {
      const { appSync, cells } = RUNS[run.run]!;
      const diagnosed = new Map(cells.map(({ row, column, ...result }) => [`${row}|${column}`, { result, diagnosis: withDiagnosis({ row, column }, result, { appSync }).diagnosis?.id }]));
      for (const expected of run.refused) {
        // aws-amplify's own columns run only in a browser: the e2e spec covers them.
        if (expected.cell.includes("|amplify:")) continue;
        const got = diagnosed.get(expected.cell);
        expect(got?.result.outcome, expected.cell).toBe(expected.outcome ?? "fail");
        expect(got?.diagnosis, `${expected.cell}: ${expected.why}`).toBe(expected.rule);
      }
      const listed = new Set(run.refused.map((r) => r.cell));
      const unlisted = [...diagnosed].filter(([cell, { result }]) => result.outcome === "fail" && !listed.has(cell as never)).map(([cell]) => cell);
      expect(unlisted, "refused cells the table does not explain").toEqual([]);
    });
  }
});
