import { expect, test } from "@playwright/test";

test("a broken amplify_outputs.json paste lists each bad field", async ({ page }) => {
  await page.goto("/environments");
  const broken = {
    version: "1.4",
    auth: { aws_region: "tokyo", user_pool_id: "ap-northeast-1-AbC", user_pool_client_id: "abc" },
    data: { url: "https://x.appsync-api.ap-northeast-1.amazonaws.com/graphql", aws_region: "ap-northeast-1", default_authorization_type: "COGNITO", authorization_types: [] },
  };
  await page.getByLabel("amplify_outputs.json", { exact: true }).fill(JSON.stringify(broken, null, 2));
  await page.getByRole("button", { name: "Import" }).click();
  const problems = page.getByRole("list", { name: "Problems in the file" });
  await expect(problems).toContainText("auth.user_pool_id must look like ap-northeast-1_AbC123");
  await expect(problems).toContainText("auth.aws_region must look like ap-northeast-1");
  await expect(problems).toContainText("data.default_authorization_type");
  await page.getByLabel("amplify_outputs.json", { exact: true }).fill("{ not json");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "Import amplify_outputs.json" }).getByRole("alert")).toContainText("This is not valid JSON");
});

test("an imported file becomes the active environment, and switching back needs no reload", async ({ page }) => {
  await page.goto("/environments");
  const outputs = {
    version: "1.4",
    auth: {
      aws_region: "us-east-1",
      user_pool_id: "us-east-1_Customer1",
      user_pool_client_id: "0123456789abcdefghijklmnop",
      username_attributes: ["email"],
    },
  };
  await page.getByRole("region", { name: "Import amplify_outputs.json" }).getByLabel("Name", { exact: true }).fill("Customer A");
  await page.getByLabel("amplify_outputs.json", { exact: true }).fill(JSON.stringify(outputs));
  await page.getByRole("button", { name: "Import" }).click();
  const switcher = page.getByRole("combobox", { name: "Active environment" });
  await expect(switcher).toHaveValue("customer-a");
  await expect(page.getByRole("listitem").filter({ hasText: "Customer A" })).toContainText("active");

  await page.getByRole("link", { name: "Session" }).click();
  await expect(page.getByText("us-east-1_Customer1")).toBeVisible();
  await switcher.selectOption("sandbox-demo");
  await expect(page.getByText("us-east-1_Customer1")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();

  // Kept in this browser: still there after a reload.
  await page.reload();
  await expect(switcher.locator("option", { hasText: "Customer A" })).toHaveCount(1);
});

test("the form names the field that is wrong", async ({ page }) => {
  await page.goto("/environments");
  await page.getByRole("button", { name: "New environment" }).click();
  const form = page.getByRole("form", { name: "Environment" });
  await form.getByLabel("Name", { exact: true }).fill("Typo");
  await form.getByLabel("Region", { exact: true }).fill("ap-northeast-1");
  await form.getByLabel("User pool id", { exact: true }).fill("ap-northeast-1-AbC123");
  await form.getByLabel("App client id", { exact: true }).fill("abcdefghijklmnopqrstuvwxyz");
  await form.getByRole("button", { name: "Save environment" }).click();
  await expect(form.getByRole("alert")).toHaveText("user pool id must look like ap-northeast-1_AbC123");
  await form.getByLabel("User pool id", { exact: true }).fill("ap-northeast-1_AbC123");
  await form.getByRole("button", { name: "Save environment" }).click();
  await expect(page.getByRole("combobox", { name: "Active environment" })).toHaveValue("typo");
});
