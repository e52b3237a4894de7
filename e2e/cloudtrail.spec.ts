import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

test("seed 001 in three clicks: run the test calls, check CloudTrail on the red IAM cell, read the verdict", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await calls.runAll();
  await calls.checkCloudTrail("appsync-http", "iam");
  await expect(page).toHaveURL(/\/cloudtrail#at=/);
  await expect(page.locator('[data-failure-source="link"]')).toHaveCount(1);

  // A support engineer's read-only CloudTrail key for this (sandbox) account.
  const lookup = page.getByRole("form", { name: "Look up CloudTrail" });
  await lookup.getByLabel("Access key id").fill("AKIAEXAMPLEWRONGRES1");
  await lookup.getByLabel("Secret access key").fill("sandboxWrongResTrailReaderSecretEXAMPLE1");
  await lookup.getByRole("button", { name: "Look up AssumeRoleWithWebIdentity events" }).click();
  await expect(page.locator('[data-lookup-status="done"]')).toBeVisible();
  const verdict = page.locator("[data-verdict]").first();
  await expect(verdict).toHaveAttribute("data-verdict", "assumed");
  await expect(verdict).toContainText("The role was assumed");
  await expect(verdict.locator("[data-needed]").first()).toContainText("appsync:GraphQL");
  await expect(page.locator('[data-timeline="event"][data-outcome="issued"]').first()).toBeVisible();
  await expect(page.locator('[data-note="data-events"]')).toBeVisible();
});

test("identity-pool-trust-broken: CloudTrail shows the assumption was refused", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("identity-pool-trust-broken", "trust@example.com", "Trust-Passw0rd!");
  await expect(page.getByTestId("credentials-error")).toBeVisible();
  await page.getByRole("link", { name: "CloudTrail" }).click();
  const add = page.getByRole("form", { name: "Add a failed call" });
  await add.getByRole("button", { name: "Add failed call" }).click();
  const lookup = page.getByRole("form", { name: "Look up CloudTrail" });
  await lookup.getByLabel("Access key id").fill("AKIAEXAMPLETRUSTBRK1");
  await lookup.getByLabel("Secret access key").fill("sandboxTrustBrokenTrailReaderSecretEXMP1");
  await lookup.getByRole("button", { name: "Look up AssumeRoleWithWebIdentity events" }).click();
  const verdict = page.locator("[data-verdict]").first();
  await expect(verdict).toHaveAttribute("data-verdict", "refused");
  await expect(verdict).toContainText("AccessDenied");
});

test("a link to the page's earlier address, /trail, still opens the failed call on /cloudtrail", async ({ page }) => {
  await page.goto("/trail#at=2026-01-01T00:00:00.000Z&identityId=ap-northeast-1:11111111-2222-3333-4444-555555555555");
  await expect(page).toHaveURL(/\/cloudtrail#at=2026-01-01T00%3A00%3A00\.000Z|\/cloudtrail#at=2026-01-01T00:00:00\.000Z/);
  await expect(page.locator('[data-failure-source="link"]')).toHaveCount(1);
});

test("a CloudTrail endpoint that cannot be reached is named as such: host and port, what the server tried, no keys", async ({ page }) => {
  // A customer's environment (not the sandbox): LookupEvents goes to AWS's regional endpoint, and a
  // Region nobody serves (a typo) leaves the server nothing to talk to.
  await page.goto("/environments");
  const outputs = { auth: { aws_region: "us-west-2", user_pool_id: "us-west-2_Customer1", user_pool_client_id: "customerclient000000000001" } };
  await page.getByRole("region", { name: "Import amplify_outputs.json" }).getByLabel("Name", { exact: true }).fill("Customer D");
  await page.getByLabel("amplify_outputs.json", { exact: true }).fill(JSON.stringify(outputs));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("combobox", { name: "Active environment" })).toHaveValue("customer-d");

  await page.getByRole("link", { name: "CloudTrail" }).click();
  const add = page.getByRole("form", { name: "Add a failed call" });
  await add.getByLabel("Identity id").fill("us-west-2:11111111-2222-3333-4444-555555555555");
  await add.getByRole("button", { name: "Add failed call" }).click();
  const lookup = page.getByRole("form", { name: "Look up CloudTrail" });
  await lookup.getByLabel("Region").fill("zz-nowhere-9");
  await expect(lookup).toContainText("Endpoint: https://cloudtrail.zz-nowhere-9.amazonaws.com");
  await lookup.getByLabel("Access key id").fill("AKIAEXAMPLEUNREACHED1");
  await lookup.getByLabel("Secret access key").fill("unreachableTrailSecretEXAMPLEnotSent0001");
  await lookup.getByRole("button", { name: "Look up AssumeRoleWithWebIdentity events" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "could not be reached" });
  await expect(alert).toContainText("CloudTrail at cloudtrail.zz-nowhere-9.amazonaws.com:443 could not be reached.", { timeout: 20_000 });
  await expect(alert).toContainText("LookupEvents from the dashboard's server");
  await expect(page.locator("main")).not.toContainText("unreachableTrailSecret");
  await expect(alert).not.toContainText("AKIAEXAMPLEUNREACHED1");
});
