import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { SessionPage } from "./test-support/session-page";
import { SCENARIO_RUNS } from "../components/calls/test-support/scenario-diagnoses";

/**
 * Every sandbox scenario, one sign-in and one "Run all" each: every refused cell carries the
 * diagnosis that names why it was refused (components/calls/test-support/scenario-diagnoses.ts),
 * and no refused cell is left without one. The gateway's cells are blocked by the browser (no
 * CORS) and are checked through the relay by the unit test on recorded cells instead.
 */

for (const run of SCENARIO_RUNS) {
  test(`${run.run}: every refused cell names its cause`, async ({ page }) => {
    const calls = new CallsPage(page);
    if (run.signIn) {
      await calls.signInTo(run.scenario, ...run.signIn);
    } else {
      const session = new SessionPage(page);
      await session.open();
      await session.chooseEnvironment(`sandbox-${run.scenario}`);
    }
    await calls.runAll({ appSync: run.appSync, ...(run.lambdaToken ? { lambdaToken: run.lambdaToken } : {}) });

    const inBrowser = run.refused.filter((r) => !r.relay);
    for (const expected of inBrowser) {
      const cell = calls.testCall(...(expected.cell.split("|") as [string, string]));
      await expect(cell, expected.cell).toHaveAttribute("data-status", expected.outcome ?? "fail");
      await expect(cell.getByTestId("cell-diagnosis"), `${expected.cell}: ${expected.why}`).toHaveAttribute("data-diagnosis-id", expected.rule);
    }
    // No refused cell beyond the table's, and none without a diagnosis.
    const refused = await page.locator('[data-status="fail"]').evaluateAll((cells) => cells.map((c) => c.getAttribute("data-cell")));
    expect(refused.sort()).toEqual(inBrowser.filter((r) => (r.outcome ?? "fail") === "fail").map((r) => r.cell).sort());
    await expect(page.locator('[data-status="fail"]:not(:has([data-testid="cell-diagnosis"]))')).toHaveCount(0);
  });
}
