import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { diagnose } from "../lib/diagnosis/engine";
import { sampleLog } from "../lib/diagnosis/test-support/log-sample";
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

test("a log file opened on /diagnose lists each distinct failure once, with its line numbers, at 390 px and by keyboard", async ({ page }, testInfo) => {
  const sample = sampleLog({ bytes: 1024 * 1024, failures: 36, seed: 5 });
  const path = testInfo.outputPath("app.log");
  writeFileSync(path, sample.text);
  // Which rule each planted failure fits is the engine's call; the page must list each once, on its lines.
  const expected = new Map<string, number[]>();
  for (const p of sample.planted) {
    const id = diagnose(p.entry)[0]?.id;
    if (id) expected.set(id, [...(expected.get(id) ?? []), p.line]);
  }
  expect(expected.size).toBeGreaterThanOrEqual(4);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/diagnose");
  await page.getByLabel("Open a log file").setInputFiles(path);
  const report = page.getByRole("region", { name: "Failures in the log" });
  await expect(report).toContainText(`${expected.size} known failures`);
  await expect(report).not.toContainText("scanned on the page");
  await expect(report.locator("[data-log-failure]")).toHaveCount(expected.size);
  for (const [id, lines] of expected) {
    const item = report.locator(`[data-log-failure="${id}"]`);
    await expect(item.locator("[data-lines]")).toHaveAttribute("data-lines", lines.join(","));
    await expect(item).toContainText(`Seen ${lines.length} times, lines ${lines.slice(0, 5).map((l) => l.toLocaleString("en-US")).join(", ")}+${lines.length - 5} more`);
    await expect(item.getByRole("link")).toHaveAttribute("href", `/diagnose#${id}`);
  }
  await expect(report.getByRole("list", { name: "Not recognised" })).toContainText("ConditionalCheckFailedException: The conditional request failed (Request ID: <id>)");

  // "+N more" opens from the keyboard; nothing in the report is wider than the phone.
  const [firstId, firstLines] = [...expected][0]!;
  const more = report.locator(`[data-log-failure="${firstId}"] summary`);
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(report.locator(`[data-log-failure="${firstId}"] details`)).toContainText(firstLines.slice(5).map((l) => l.toLocaleString("en-US")).join(", "));
  const widest = await report.evaluate((el) => Math.max(...[el, ...el.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)));
  expect(widest).toBeLessThanOrEqual(390);
  await report.locator(`[data-log-failure="${firstId}"]`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/diagnose#${firstId}$`));
});

test("many pasted lines are scanned as a log, each failure once", async ({ page }) => {
  const sample = sampleLog({ bytes: 16 * 1024, failures: 6, seed: 2 });
  await page.goto("/diagnose");
  await page.getByLabel("Error or log").fill(sample.text);
  const report = page.getByRole("region", { name: "Failures in the log" });
  await expect(report).toContainText("the pasted log:");
  const clientId = sample.planted.find((p) => p.kind === "client-id")!;
  await expect(report.locator('[data-log-failure="cognito-client-id-mismatch"] [data-lines]')).toHaveAttribute("data-lines", String(clientId.line));
  await expect(page.getByRole("region", { name: "Diagnoses" })).toHaveCount(0);
});

test("the page and its knowledge base fit a 390 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/diagnose");
  await page.getByLabel("Error or log").fill("Unauthorized");
  await expect(page.getByRole("region", { name: "Which credential?" })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
