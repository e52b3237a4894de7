import { expect, test } from "@playwright/test";
import { SessionPage } from "./test-support/session-page";

// il-central-1 is not among the regions this deployment lists (lib/security/regions.ts).
test("an environment in a region the deployment does not list: the blocked call is named, and a reload lets it through", async ({ page }) => {
  const first = await page.goto("/environments");
  expect(first!.headers()["content-security-policy"]).not.toContain("il-central-1");
  await page.getByRole("button", { name: "New environment" }).click();
  const form = page.getByRole("form", { name: "Environment" });
  await form.getByLabel("Name", { exact: true }).fill("Tel Aviv");
  await form.getByLabel("Region", { exact: true }).fill("il-central-1");
  await form.getByLabel("User pool id", { exact: true }).fill("il-central-1_AbC123");
  await form.getByLabel("App client id", { exact: true }).fill("abcdefghijklmnopqrstuvwxyz");
  await form.getByRole("button", { name: "Save environment" }).click();
  await expect(page.getByRole("combobox", { name: "Active environment" })).toHaveValue("tel-aviv");

  // Sign-in calls Cognito in il-central-1 straight from the browser, which this page's policy forbids.
  await page.getByRole("link", { name: "Session", exact: true }).click();
  const session = new SessionPage(page);
  await session.signIn("someone@example.com", "Some-Passw0rd!");
  const notice = page.locator("[data-csp-blocked]");
  await expect(notice).toHaveAttribute("data-csp-blocked", "https://cognito-idp.il-central-1.amazonaws.com");
  await expect(notice).toContainText("does not yet allow AWS calls in il-central-1");

  const [reloaded] = await Promise.all([page.waitForEvent("response", (r) => r.request().isNavigationRequest()), notice.getByRole("button", { name: "Reload" }).click()]);
  expect(reloaded.headers()["content-security-policy"]).toContain("https://cognito-idp.il-central-1.amazonaws.com");
  // Every page from now on covers it, not just the one reloaded.
  const other = await page.goto("/calls");
  expect(other!.headers()["content-security-policy"]).toContain("wss://*.appsync-realtime-api.il-central-1.amazonaws.com");
});
