import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

/**
 * An AppSync Event API whose namespace `alerts` is subscribed to with the API key but published to
 * only with IAM (scenario appsync-events-namespace-modes): the Events rows show the API key
 * subscribing and being refused on publish, over HTTP and over the WebSocket, IAM publishing, the
 * refusal diagnosed as the namespace's auth modes and marked not confirmed, and the IAM WebSocket
 * publish's command, pasted into bash with the user's credentials, publishing too.
 */

test.describe.configure({ timeout: 120_000 });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("appsync-events-namespace-modes: the API key subscribes but may not publish on alerts; IAM publishes; the refusal names the namespace's modes", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-events-namespace-modes", "events@example.com", "Events-Passw0rd!");
  await calls.runAll({ appSync: false });

  await expect(page.getByRole("region", { name: "AppSync Events" })).toContainText("/alerts/test");
  await expect(calls.testCall("events-ws-subscribe", "api-key")).toHaveAttribute("data-status", "pass");
  await expect(calls.testCall("events-ws-subscribe", "iam")).toHaveAttribute("data-status", "pass");
  for (const row of ["events-http-publish", "events-ws-publish"]) {
    await expect(calls.testCall(row, "iam")).toHaveAttribute("data-status", "pass");
    const byKey = calls.testCall(row, "api-key");
    await expect(byKey).toHaveAttribute("data-status", "fail");
    await expect(byKey).toContainText("You are not authorized to make this call.");
    await expect(byKey.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "appsync-events-namespace-auth-mode");
  }
  await expect(calls.testCall("events-ws-publish", "id-token")).toHaveAttribute("data-status", "fail");

  // The sandbox's words for this refusal are not AWS's confirmed ones: the detail says so.
  await calls.testCall("events-http-publish", "api-key").click();
  const refused = page.getByRole("dialog");
  await expect(refused.getByTestId("cell-unconfirmed")).toContainText("namespace does not allow");
  await expect(refused.getByLabel("Command", { exact: true })).toContainText("x-api-key: $API_KEY");
  await refused.getByRole("button", { name: "Close" }).click();

  // IAM over the WebSocket: the command signs the connection and the publish message in the shell.
  await calls.testCall("events-ws-publish", "iam").click();
  const dialog = page.getByRole("dialog");
  const command = (await dialog.getByLabel("Command", { exact: true }).textContent()) ?? "";
  expect(command).toContain("aws-appsync-event-ws");
  expect(command).toContain("$AWS_SECRET_ACCESS_KEY");
  await dialog.getByRole("button", { name: /with my credentials/i }).click();
  await dialog.getByRole("button", { name: /^Copy the command with my credentials/i }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Copied" })).toHaveCount(1);
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const output = execFileSync("bash", ["-c", snippet], { timeout: 20_000, env: { ...process.env, NODE_PATH: `${process.cwd()}/node_modules` } }).toString();
  expect(output).toContain('"type":"publish_success"');
  await dialog.getByRole("button", { name: "Close" }).click();

  // "Will this token pass?" predicts the same refusal from the namespace's modes, before any call:
  // the signed-in access token is good, but alerts' publish modes leave user pools out.
  await page.getByRole("link", { name: "Tokens", exact: true }).click();
  const authorizer = page.getByRole("region", { name: "Will this token pass?" });
  await authorizer.getByLabel("Token to check").selectOption({ label: "access token" });
  await authorizer.getByLabel("Consumer").selectOption("appsync-events");
  await expect(authorizer.getByLabel("Channel namespace")).toHaveValue("alerts");
  await authorizer.getByLabel(/^Auth modes the operation allows/).fill("AWS_IAM");
  await authorizer.getByRole("button", { name: "Check" }).click();
  const verdict = authorizer.getByRole("status");
  await expect(verdict).toContainText("would refuse the access token");
  await expect(verdict.locator('[data-failure="auth mode"]')).toContainText("You are not authorized to make this call.");
  await expect(verdict.locator('[data-failure="auth mode"]')).toContainText(/not confirmed/i);
  // members lets user pools publish: the same token would pass there.
  await authorizer.getByLabel("Channel namespace").fill("members");
  await authorizer.getByLabel(/^Auth modes the operation allows/).fill("AMAZON_COGNITO_USER_POOLS");
  await authorizer.getByRole("button", { name: "Check" }).click();
  await expect(verdict).toContainText("would accept the access token");
});
