import { expect, test } from "@playwright/test";

test("a share link carries an environment to a fresh browser, without the API key unless ticked", async ({ page, browser }) => {
  await page.goto("/environments");
  const outputs = {
    auth: { aws_region: "us-west-2", user_pool_id: "us-west-2_Shared1", user_pool_client_id: "sharedclient00000000000001", username_attributes: ["email"] },
    data: { url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-west-2.amazonaws.com/graphql", aws_region: "us-west-2", api_key: "da2-doNotShareThisKey1234", default_authorization_type: "API_KEY", authorization_types: [] },
  };
  await page.getByRole("region", { name: "Import amplify_outputs.json" }).getByLabel("Name", { exact: true }).fill("Customer B");
  await page.getByLabel("amplify_outputs.json", { exact: true }).fill(JSON.stringify(outputs));
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("listitem").filter({ hasText: "Customer B" }).getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(new URL(link).search).toBe("");
  expect(link).not.toContain("doNotShare");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const offer = other.getByRole("region", { name: "Shared environment" });
  await expect(offer).toContainText("Customer B");
  await expect(offer).toContainText("us-west-2_Shared1");
  await offer.getByRole("button", { name: "Add this environment" }).click();
  await expect(other.getByRole("combobox", { name: "Active environment" })).toHaveValue("customer-b");
  await expect(other).not.toHaveURL(/#env=/);
  await fresh.close();
});

test("a damaged share link says so instead of failing silently", async ({ page }) => {
  await page.goto("/environments#env=eyJicm9rZW4");
  await expect(page.getByRole("alert").filter({ hasText: "share link" })).toContainText("damaged");
});
