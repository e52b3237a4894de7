import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

test("seed 000's message pasted on /diagnose names the client_id mismatch first, with a stable link", async ({ page }) => {
  await page.goto("/diagnose");
  await page.getByLabel("Error or log").fill('{"message":"Claim \'client_id\' value mismatch with configuration."}');
  const first = page.getByRole("region", { name: "Diagnoses" }).locator("[data-diagnosis]").first();
  await expect(first).toHaveAttribute("data-diagnosis", "cognito-client-id-mismatch");
  await expect(first).toContainText("accessToken");
  await page.goto("/diagnose#agentcore-discovery-url");
  await expect(page.locator("article#agentcore-discovery-url")).toBeInViewport();
});

test("an unrelated error gets no false diagnosis", async ({ page }) => {
  await page.goto("/diagnose");
  await page.getByLabel("Error or log").fill("ConditionalCheckFailedException: The conditional request failed");
  await expect(page.getByRole("region", { name: "Diagnoses" })).toContainText("No known auth failure fits this text");
});

test("the red IAM cell of seed 001 carries its diagnosis", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await calls.runAll();
  const iam = calls.testCall("appsync-http", "iam");
  await expect(iam).toHaveAttribute("data-status", "fail");
  await expect(iam.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "appsync-unauthorized-iam");
  await iam.click();
  await page.getByRole("dialog").getByRole("link", { name: "How to fix it" }).click();
  await expect(page).toHaveURL(/\/diagnose#appsync-unauthorized-iam$/);
});
