import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { SANDBOX_URL } from "./test-support/ports";

/**
 * The /cloudtrail page's Athena source end to end: the dashboard's server runs the query with the
 * official Athena client against the sandbox's Athena API, over the ready `default.cloudtrail_logs`
 * table on the trail files the sandbox writes, and the page shows the same verdict LookupEvents
 * gives. A sandbox that does not serve Athena answers /athena with 404: the spec then skips and
 * says why.
 */

test.beforeAll(async ({ request }) => {
  // Without an X-Amz-Target a mounted JSON service answers UnknownOperationException; an unmounted path, 404.
  const probe = await request.post(`${SANDBOX_URL}/athena`, { headers: { "content-type": "application/x-amz-json-1.1" }, data: "{}" });
  test.skip(probe.status() === 404, `the sandbox at ${SANDBOX_URL} has no Athena API (/athena answered 404)`);
});

test("seed 001 through Athena: the red IAM cell's verdict from the organization trail's table, with data scanned and the SQL to copy", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await calls.runAll();
  await calls.checkCloudTrail("appsync-http", "iam");
  await expect(page).toHaveURL(/\/cloudtrail#at=/);

  await page.getByRole("tab", { name: "Athena (organization trail)" }).click();
  const athena = page.getByRole("form", { name: "Query CloudTrail with Athena" });
  await expect(athena).toContainText(/Endpoint: http:\/\/127\.0\.0\.1:\d+\/athena/);
  await expect(athena.locator("[data-athena-sql]")).toContainText("FROM default.cloudtrail_logs");
  await expect(athena.getByRole("button", { name: "Copy SQL" })).toBeVisible();
  // The scenario's read-only CloudTrail key (sandbox/scenarios/appsync-role-wrong-resource.json).
  await athena.getByLabel("Access key id").fill("AKIAEXAMPLEWRONGRES1");
  await athena.getByLabel("Secret access key").fill("sandboxWrongResTrailReaderSecretEXAMPLE1");

  // The sandbox writes trail files as CloudTrail delivers them: a query right after the calls may
  // find nothing yet, so it is run again until the verdict is in (as a person would).
  await expect(async () => {
    await athena.getByRole("button", { name: "Run Athena query" }).click();
    await expect(athena.locator('[data-athena-status="done"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator("[data-verdict]").first()).toHaveAttribute("data-verdict", "assumed", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  const status = athena.locator('[data-athena-status="done"]');
  await expect(status).toContainText(/Query succeeded: \d+ row\(s\), .* scanned \(\d+ bytes; billed as 10\.0 MB, ≈ \$\S+ at \$5\/TB\)/);
  expect(Number(await status.getAttribute("data-scanned-bytes"))).toBeGreaterThan(0);
  const verdict = page.locator("[data-verdict]").first();
  await expect(verdict).toContainText("The role was assumed");
  await expect(verdict.locator("[data-needed]").first()).toContainText("appsync:GraphQL");
  await expect(page.locator("main")).not.toContainText("sandboxWrongResTrailReaderSecret");
});
