import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

/**
 * The AWS_LAMBDA column: the user types the token their authorizer expects, and the cells show what
 * the authorizer decided — a pass, a deniedFields null, AppSync's fixed 401 — each with its cause,
 * and a command that reads $LAMBDA_TOKEN. The token stays in the tab's memory: never on the page,
 * in the saved run or in the command.
 */

test.describe.configure({ timeout: 120_000 });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const runWithToken = (calls: CallsPage, lambdaToken: string) => calls.runAll({ lambdaToken });

test("appsync-lambda-authorizer: the Lambda-token column shows the authorizer's decision, its cause and a command with $LAMBDA_TOKEN", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-lambda-authorizer", "lambda@example.com", "Lambda-Passw0rd!");

  // Allowed: HTTP and realtime pass; the user pool's token reaches the user-pool mode, whose directive the fields lack.
  await runWithToken(calls, "notes-reader-token");
  await expect(calls.testCall("appsync-http", "lambda-token")).toHaveAttribute("data-status", "pass");
  await expect(calls.testCall("appsync-realtime", "lambda-token")).toHaveAttribute("data-status", "pass");
  // aws-amplify's lambda mode, given the same token as authToken, sends it unchanged.
  const amplify = calls.testCall("appsync-http", "amplify:AWS_LAMBDA");
  await expect(amplify).toHaveAttribute("data-status", "pass");
  await amplify.click();
  await expect(page.getByRole("dialog")).toContainText("Amplify sent your Lambda authorizer token in Authorization");
  await expect(page.getByRole("dialog")).not.toContainText("notes-reader-token");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  const userPool = calls.testCall("appsync-http", "access-token");
  await expect(userPool).toHaveAttribute("data-status", "fail");
  await expect(userPool).toContainText("Not Authorized to access listNotes on type Query");

  // deniedFields meant for another API: content comes back null, the answer marked as not confirmed.
  await runWithToken(calls, "shared-authorizer-token");
  const shared = calls.testCall("appsync-http", "lambda-token");
  await expect(shared).toHaveAttribute("data-status", "fail");
  await expect(shared).toContainText("Not Authorized to access content on type Note");
  await expect(shared.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "appsync-field-not-authorized");
  await shared.click();
  const sharedDialog = page.getByRole("dialog");
  await expect(sharedDialog.getByTestId("cell-unconfirmed")).toContainText("deniedFields");
  await expect(sharedDialog).toContainText("deniedFields");
  await sharedDialog.getByRole("button", { name: "Close" }).click();

  // isAuthorized: false: AppSync's fixed 401, diagnosed as the authorizer's refusal, not as an API key's.
  await runWithToken(calls, "revoked-token");
  const revoked = calls.testCall("appsync-http", "lambda-token");
  await expect(revoked).toHaveAttribute("data-status", "fail");
  await expect(revoked).toContainText("401 UnauthorizedException: You are not authorized to make this call.");
  await expect(revoked.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "appsync-lambda-authorizer-denied");
  await expect(calls.testCall("appsync-realtime", "lambda-token")).toContainText("You are not authorized to make this call.");

  await revoked.click();
  const dialog = page.getByRole("dialog");
  const command = (await dialog.getByLabel("Command", { exact: true }).textContent()) ?? "";
  expect(command).toContain('authorization: $LAMBDA_TOKEN');
  expect(command).not.toContain("revoked-token");
  await expect(dialog.getByLabel("Request", { exact: true })).not.toContainText("revoked-token");

  // On request, the command with the token exported, pasted into bash, gets the cell's 401.
  await dialog.getByRole("button", { name: /with my credentials/i }).click();
  await expect(dialog.getByRole("alert")).toContainText("LAMBDA_TOKEN");
  await dialog.getByRole("button", { name: /^Copy the command with my credentials/i }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Copied" })).toHaveCount(1);
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain("export LAMBDA_TOKEN=revoked-token");
  const output = execFileSync("bash", ["-c", snippet], { timeout: 20_000 }).toString();
  expect(/^HTTP\/[\d.]+ (\d{3})/.exec(output)?.[1]).toBe("401");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Kept in memory only: not on the page, not in the tab's saved run.
  expect((await page.locator("main").textContent()) ?? "").not.toContain("revoked-token");
  const saved = await page.evaluate(() => Object.values(sessionStorage).join("\n"));
  expect(saved).toContain("lambda-token");
  expect(saved).not.toContain("revoked-token");
});

test("appsync-lambda-not-invokable: a bare BadRequestException, diagnosed as the missing invoke permission", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-lambda-not-invokable", "lambda@example.com", "Lambda-Passw0rd!");
  await runWithToken(calls, "notes-reader-token");
  const cell = calls.testCall("appsync-http", "lambda-token");
  await expect(cell).toHaveAttribute("data-status", "fail");
  await expect(cell).toContainText("BadRequestException");
  await expect(cell.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "appsync-lambda-authorizer-not-invoked");
  await cell.click();
  await expect(page.getByRole("dialog").getByTestId("cell-fix")).toContainText("aws lambda add-permission");
});
