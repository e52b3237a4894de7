import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

const VARIANTS = ["api-key", "id-token", "access-token", "iam"];
const USER_POOL = ["api-key", "id-token", "access-token"];

test("demo: every AppSync cell is accepted, over HTTP and realtime, and through aws-amplify", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  await expect(page.getByTestId("assumed-role")).toHaveText("arn:aws:iam::123456789012:role/demo-authenticated");
  await calls.runAll();
  for (const variant of VARIANTS) {
    await expect(calls.testCall("appsync-http", variant)).toHaveAttribute("data-status", "pass");
    await expect(calls.testCall("appsync-realtime", variant)).toHaveAttribute("data-status", "pass");
  }
  for (const mode of ["AMAZON_COGNITO_USER_POOLS", "API_KEY", "AWS_IAM"]) {
    await expect(calls.testCall("appsync-http", `amplify:${mode}`)).toHaveAttribute("data-status", "pass");
  }
  // Amplify's user-pool mode sends the access token: the console-vs-app difference, made visible.
  await calls.testCall("appsync-http", "amplify:AMAZON_COGNITO_USER_POOLS").click();
  await expect(page.getByRole("dialog")).toContainText("Amplify sent the ACCESS token");
  await calls.testCall("appsync-http", "access-token").click();
  await expect(page.getByRole("dialog").getByLabel("Command", { exact: true })).toContainText("curl");
});

test("seed 001 (appsync-role-wrong-resource): IAM cells are refused with 401 while user-pool cells work", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await calls.runAll();
  for (const variant of USER_POOL) await expect(calls.testCall("appsync-http", variant)).toHaveAttribute("data-status", "pass");
  const iam = calls.testCall("appsync-http", "iam");
  await expect(iam).toHaveAttribute("data-status", "fail");
  await expect(iam).toContainText("401");
  await expect(iam).toContainText("UnauthorizedException");
  await expect(calls.testCall("appsync-realtime", "iam")).toHaveAttribute("data-status", "fail");
  await expect(calls.testCall("appsync-http", "amplify:AWS_IAM")).toHaveAttribute("data-status", "fail");
  // The exact request is there to copy, with the signature redacted.
  await iam.click();
  const request = page.getByRole("dialog").getByLabel("Request", { exact: true });
  await expect(request).toContainText("AWS4-HMAC-SHA256");
  await expect(request).not.toContainText(/Signature=[0-9a-f]{64}/);
});

test("identity-pool-trust-broken: the credentials panel names the error and IAM cells say why they did not run", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("identity-pool-trust-broken", "trust@example.com", "Trust-Passw0rd!");
  const error = page.getByTestId("credentials-error");
  await expect(error).toContainText("InvalidIdentityPoolConfigurationException");
  await expect(error).toContainText("Invalid identity pool configuration. Check assigned IAM roles for this pool.");
  await expect(error).toContainText("trust policy");
  await calls.runAll();
  const iam = calls.testCall("appsync-http", "iam");
  await expect(iam).toHaveAttribute("data-status", "not-run");
  await expect(iam).toContainText("InvalidIdentityPoolConfigurationException");
  await expect(calls.testCall("appsync-http", "access-token")).toHaveAttribute("data-status", "pass");
});
