import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { SANDBOX_URL } from "./test-support/ports";

const FAULTS = `${SANDBOX_URL}/_sandbox/faults`;

test("a slow endpoint: cells show the wait, end at the configured timeout, and one can be cancelled", async ({ page, request }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await page.getByRole("link", { name: "Test calls" }).click();
  await expect(page.getByLabel("GraphQL query")).toHaveValue(/listNotes/);
  try {
    expect((await request.post(FAULTS, { data: { delayMs: 4000 } })).ok()).toBe(true);
    await page.getByLabel("Per-call timeout (ms)").fill("1500");
    await page.getByRole("button", { name: "Run all" }).click();
    const apiKey = calls.testCall("appsync-http", "api-key");
    await expect(apiKey).toHaveAttribute("data-status", "running");
    await expect(apiKey.getByTestId("elapsed")).toHaveText(/^[0-9]\.[0-9] s$/);
    await expect(apiKey).toHaveAttribute("data-status", "error", { timeout: 5000 });
    await expect(apiKey).toContainText(/1500 ms/);

    await page.getByLabel("Per-call timeout (ms)").fill("10000");
    await page.getByRole("button", { name: "Run all" }).click();
    await page.getByRole("button", { name: "Cancel AppSync HTTP, API key" }).click();
    await expect(calls.testCall("appsync-http", "api-key")).toContainText(/Cancelled after \d+ ms/);
    // The other cells go on and get their (slow) answer.
    await expect(calls.testCall("appsync-http", "id-token")).toHaveAttribute("data-status", "pass", { timeout: 8000 });
  } finally {
    await request.post(FAULTS, { data: { delayMs: 0 } });
  }
});
