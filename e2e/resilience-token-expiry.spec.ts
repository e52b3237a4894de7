import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { DEMO_USER, SessionPage } from "./test-support/session-page";
import { SANDBOX_URL } from "./test-support/ports";

const FAULTS = `${SANDBOX_URL}/_sandbox/faults`;
// Amplify treats a token as expired 5 s before its exp; 12 s leaves time to reach the calls page first.
const TTL_SECONDS = 12;

test.afterEach(async ({ request }) => {
  await request.post(FAULTS, { data: { tokenTtlSeconds: 0 } });
});

test("tokens that expired during the session are refreshed before the calls, and the run says so", async ({ page, request }) => {
  const calls = new CallsPage(page);
  const session = new SessionPage(page);
  expect((await request.post(FAULTS, { data: { tokenTtlSeconds: TTL_SECONDS } })).ok()).toBe(true);
  await calls.signInTo("demo", DEMO_USER.email, DEMO_USER.password);
  const accessCard = session.tokenCard("Access token");
  const firstJti = await accessCard.getByTestId("jti").textContent();
  const expiresAt = Date.parse((await accessCard.locator("time").nth(1).getAttribute("datetime"))!);
  expect(expiresAt - Date.now()).toBeLessThanOrEqual(TTL_SECONDS * 1000);

  await page.getByRole("link", { name: "Test calls" }).click();
  await expect(page.getByLabel("GraphQL query")).toHaveValue(/listNotes/);
  // Past exp, the old tokens are refused by every service: only fresh ones can make the cells pass.
  await expect.poll(() => Date.now(), { timeout: (TTL_SECONDS + 5) * 1000 }).toBeGreaterThan(expiresAt + 500);
  await page.getByRole("button", { name: "Run all" }).click();
  await expect(page.getByRole("list", { name: "Before the run" })).toContainText("The tokens had expired; they were refreshed before this run.");
  await expect(page.getByTestId("wall-time")).toBeVisible({ timeout: 20_000 });
  for (const variant of ["id-token", "access-token", "iam"]) {
    await expect(calls.testCall("appsync-http", variant)).toHaveAttribute("data-status", "pass");
    await expect(calls.testCall("appsync-realtime", variant)).toHaveAttribute("data-status", "pass");
  }
  await expect(calls.testCall("appsync-http", "amplify:AMAZON_COGNITO_USER_POOLS")).toHaveAttribute("data-status", "pass");

  // The session shows the tokens the run used: new ones.
  await page.getByRole("link", { name: "Session" }).click();
  await expect(accessCard.getByTestId("jti")).not.toHaveText(firstJti!);
});
