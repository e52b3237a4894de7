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

test("AppSync's IAM refusal, as the IAM cell shows it, names the IAM policy cause with its evidence", async ({ page }) => {
  await page.goto("/diagnose");
  await page.getByLabel("Error or log").fill('{"errors":[{"errorType":"UnauthorizedException","message":"Permission denied"}]}');
  const first = page.getByRole("region", { name: "Diagnoses" }).locator("[data-diagnosis]").first();
  await expect(first).toHaveAttribute("data-diagnosis", "appsync-unauthorized-iam");
  await expect(first.locator("[data-evidence]")).toContainText("Permission denied");
});

test("seed 001's Amplify error asks which credential was sent, and IAM narrows it to the role's policy", async ({ page }) => {
  await page.goto("/diagnose");
  await page
    .getByLabel("Error or log")
    .fill(`{ message: "Unauthorized", recoverySuggestion: \`If you're calling an Amplify-generated API, make sure to set the "authMode" in generateClient({ authMode: '...' }) to the backend authorization rule's auth provider ('apiKey', 'userPool', 'iam', 'oidc', 'lambda')\` }`);
  const question = page.getByRole("region", { name: "Which credential?" });
  await expect(question).toContainText("recoverySuggestion");
  await question.getByLabel(/IAM credentials, SigV4/).check();
  await expect(question.locator("[data-answer] [data-diagnosis]")).toHaveAttribute("data-diagnosis", "appsync-unauthorized-iam");
});

test("a bare Unauthorized asks about both services, and a bearer token at AgentCore lists the checks", async ({ page }) => {
  await page.goto("/diagnose");
  await page.getByLabel("Error or log").fill("Unauthorized");
  const question = page.getByRole("region", { name: "Which credential?" });
  await expect(question.getByRole("radio")).toHaveCount(7);
  await question.getByLabel(/Bearer JWT/).check();
  await expect(question.locator("[data-answer]")).toContainText("No single known cause fits");
  await expect(question.locator("[data-answer]").getByRole("link", { name: /client_id/ })).toBeVisible();
  await question.getByLabel(/API key/).check();
  await expect(question.locator("[data-answer] [data-diagnosis]")).toHaveAttribute("data-diagnosis", "appsync-api-key-invalid");
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
