import { expect, test, type Page } from "@playwright/test";
import { shareLink } from "../lib/share/share-link";
import { CallsPage } from "./test-support/calls-page";
import { DEMO_USER, SessionPage } from "./test-support/session-page";
import { APP_URL, SPARE_SANDBOX_PORT } from "./test-support/ports";
import { SpareSandbox } from "./test-support/spare-sandbox";

const VARIANTS = ["api-key", "id-token", "access-token", "iam"];
const ENDPOINT = `127.0.0.1:${SPARE_SANDBOX_PORT}`;
const DELAY_MS = 4000;
const TIMEOUT_MS = 10_000;

let spare: SpareSandbox;
test.beforeEach(async () => {
  spare = new SpareSandbox("demo");
  await spare.start();
});
test.afterEach(() => spare.dispose());

/** Adds the spare sandbox's environment the way a colleague's share link would, and signs in to it. */
async function useSpareSandbox(page: Page) {
  const environment = { ...(await spare.environment()), id: "spare-sandbox", name: "Spare sandbox" };
  await page.goto(shareLink(APP_URL, environment, { includeApiKeys: true }));
  await page.getByRole("region", { name: "Shared environment" }).getByRole("button", { name: "Add this environment" }).click();
  await expect(page.getByRole("combobox", { name: "Active environment" })).toHaveValue("spare-sandbox");
  const session = new SessionPage(page);
  await page.getByRole("link", { name: "Session" }).click();
  await session.signIn(DEMO_USER.email, DEMO_USER.password);
  await expect(session.signedInUser()).toHaveText(DEMO_USER.email);
  await expect(page.getByTestId("identity-id")).toBeVisible();
}

test("the sandbox killed mid-run: finished cells keep their result, the rest say which endpoint failed, and a re-run works once it is back", async ({ page }) => {
  test.setTimeout(45_000);
  const calls = new CallsPage(page);
  await useSpareSandbox(page);
  await page.getByRole("link", { name: "Test calls" }).click();
  await expect(page.getByLabel("GraphQL query")).toHaveValue(/listNotes/);
  // A page load from here on would wipe this marker.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByLabel("Per-call timeout (ms)").fill(String(TIMEOUT_MS));

  // Slow answers keep the run going long enough to kill the sandbox with cells in flight: an HTTP
  // cell answers after one delay at the soonest, a realtime cell after two (handshake, trigger).
  await spare.setFaults({ delayMs: DELAY_MS });
  await page.getByRole("button", { name: "Run all" }).click();
  const passed = page.locator('[data-cell][data-status="pass"]');
  const inFlight = page.locator('[data-cell][data-status="running"]');
  await expect(passed.first()).toBeVisible({ timeout: 2 * DELAY_MS });
  // One look at the page, so no cell can change between the two lists.
  const [finished, running] = await page.evaluate(() => {
    const testCallsWith = (status: string) => [...document.querySelectorAll(`[data-cell][data-status="${status}"]`)].map((testCall) => testCall.getAttribute("data-cell")!);
    return [testCallsWith("pass"), testCallsWith("running")];
  });
  await spare.kill();
  const killedAt = Date.now();
  // Both kinds of call were surely cut off: WebSockets (a realtime cell needs two delays) and
  // fetches (Amplify's cells take turns, so the last one cannot have started its request yet).
  const cutOff = [...VARIANTS.map((v) => `appsync-realtime|${v}`), "appsync-http|amplify:AWS_IAM"];
  expect(running).toEqual(expect.arrayContaining(cutOff));

  // Every cell that was in flight ends soon, not at its timeout: with a network error naming the
  // endpoint, or passed if its answer was already on the way when the sandbox died.
  await expect(inFlight).toHaveCount(0, { timeout: TIMEOUT_MS });
  expect(Date.now() - killedAt).toBeLessThan(TIMEOUT_MS);
  for (const key of running) {
    const testCall = page.locator(`[data-cell="${key}"]`);
    if (!cutOff.includes(key) && (await testCall.getAttribute("data-status")) === "pass") continue;
    await expect(testCall, key).toHaveAttribute("data-status", "error");
    await expect(testCall, key).toHaveAttribute("title", new RegExp(ENDPOINT.replaceAll(".", "\\.")));
    await expect(testCall, key).toHaveAttribute("title", /No (WebSocket )?connection|closed abnormally/);
  }
  // What had finished keeps its result.
  expect(finished.length).toBeGreaterThan(0);
  for (const key of finished) await expect(page.locator(`[data-cell="${key}"]`), key).toHaveAttribute("data-status", "pass");

  // The sandbox comes back (same port, same keys): Run all again, no reload, and every cell passes.
  await spare.start();
  await page.getByRole("button", { name: "Run all" }).click();
  // A cell the kill cut off passing means the new run has replaced the old results; then let it finish.
  await expect(calls.testCall("appsync-http", "amplify:AWS_IAM")).toHaveAttribute("data-status", "pass", { timeout: TIMEOUT_MS });
  await expect(inFlight).toHaveCount(0);
  for (const variant of VARIANTS) {
    await expect(calls.testCall("appsync-http", variant)).toHaveAttribute("data-status", "pass");
    await expect(calls.testCall("appsync-realtime", variant)).toHaveAttribute("data-status", "pass");
  }
  for (const mode of ["AMAZON_COGNITO_USER_POOLS", "API_KEY", "AWS_IAM"]) {
    await expect(calls.testCall("appsync-http", `amplify:${mode}`)).toHaveAttribute("data-status", "pass");
  }
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
