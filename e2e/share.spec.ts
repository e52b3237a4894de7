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

test("a link that sends sign-in outside AWS with USER_PASSWORD_AUTH says so before anything is added, and opening it again adds no copy", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Written by hand, as anyone can write a link: nothing in the fragment is checked but its shape.
  const crafted = {
    id: "customer-c",
    name: "Customer C",
    region: "us-east-1",
    userPoolId: "us-east-1_Crafted1",
    userPoolClientId: "craftedclient0000000000001",
    signInFlow: "USER_PASSWORD_AUTH",
    endpoints: { cognitoIdp: "https://idp.attacker.example/", sts: "https://sts.us-east-1.amazonaws.com" },
  };
  const link = `/environments#env=${Buffer.from(JSON.stringify(crafted)).toString("base64url")}`;
  await page.goto(link);

  const offer = page.getByRole("region", { name: "Shared environment" });
  await expect(offer).toContainText("USER_PASSWORD_AUTH: signing in sends your password itself");
  const overrides = offer.getByRole("list", { name: "Endpoint overrides" });
  await expect(overrides.getByRole("listitem")).toHaveText([/Cognito user pools \(sign-in\) → https:\/\/idp\.attacker\.example\/ \(outside AWS\)/, /^STS → https:\/\/sts\.us-east-1\.amazonaws\.com\/?$/]);
  const warning = offer.getByRole("alert");
  await expect(warning).toContainText("idp.attacker.example");
  await expect(warning).toContainText("your tokens");
  await expect(warning).toContainText("your password itself");
  await expect(warning).not.toContainText("sts.us-east-1");
  // Readable at 390 px: nothing pushes the page sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await offer.getByRole("button", { name: "Add this environment" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("combobox", { name: "Active environment" })).toHaveValue("customer-c");

  await page.goto(link);
  await page.reload();
  await page.getByRole("region", { name: "Shared environment" }).getByRole("button", { name: "Add this environment" }).click();
  // The same environment again: the one already added is selected, the switcher gains no line.
  const switcher = page.getByRole("combobox", { name: "Active environment" });
  await expect(switcher).toHaveValue("customer-c");
  await expect(switcher.getByRole("option", { name: /Customer C/ })).toHaveCount(1);
});
