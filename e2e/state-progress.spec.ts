import { expect, test, type Page } from "@playwright/test";
import { shareLink } from "../lib/share/share-link";
import { CallsPage } from "./test-support/calls-page";
import { DEMO_USER, SessionPage } from "./test-support/session-page";
import { APP_URL, SANDBOX_URL, SPARE_SANDBOX_PORT } from "./test-support/ports";
import { SpareSandbox } from "./test-support/spare-sandbox";

/**
 * What a page keeps and says while work is under way: a run answers its click at once and counts
 * its cells home, results survive leaving the page (redacted in storage), and an endpoint that
 * cannot be reached is named as such on every page that calls it.
 */

const SPARE_HOST = `127.0.0.1:${SPARE_SANDBOX_PORT}`;
const hostPattern = (host: string) => new RegExp(host.replaceAll(".", "\\."));

/** Adds the spare sandbox's environment the way a colleague's share link would. */
async function addSpareEnvironment(page: Page, spare: SpareSandbox) {
  const environment = { ...(await spare.environment()), id: "spare-sandbox", name: "Spare sandbox" };
  await page.goto(shareLink(APP_URL, environment, { includeApiKeys: true }));
  await page.getByRole("region", { name: "Shared environment" }).getByRole("button", { name: "Add this environment" }).click();
  await expect(page.getByRole("combobox", { name: "Active environment" })).toHaveValue("spare-sandbox");
}

async function signInToSpare(page: Page) {
  const session = new SessionPage(page);
  await page.getByRole("link", { name: "Session" }).click();
  await session.signIn(DEMO_USER.email, DEMO_USER.password);
  await expect(session.signedInUser()).toHaveText(DEMO_USER.email);
  await expect(page.getByTestId("identity-id")).toBeVisible();
}

/** Every cell's status, by cell. */
const statuses = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll("[data-cell]")].map((cell) => [cell.getAttribute("data-cell"), cell.getAttribute("data-status")])));

/** What this tab keeps in sessionStorage under keys starting with `prefix`, as one text. */
const storedUnder = (page: Page, prefix: string) =>
  page.evaluate((p) => Object.entries(window.sessionStorage).filter(([key]) => key.startsWith(p)).map(([, value]) => value).join("\n"), prefix);

/** A JWT whose signature is still there: three base64url parts, the last one long. */
const SIGNED_JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{16,}/;

test.describe("Run all on a slow endpoint", () => {
  let spare: SpareSandbox;
  test.beforeEach(async () => {
    spare = new SpareSandbox("demo");
    await spare.start();
  });
  test.afterEach(() => spare.dispose());

  test("answers the click: the button disables, every cell shows queued, and a count follows the cells home", async ({ page }) => {
    test.setTimeout(60_000);
    await addSpareEnvironment(page, spare);
    await signInToSpare(page);
    await page.getByRole("link", { name: "Test calls" }).click();
    await expect(page.getByLabel("GraphQL query")).toHaveValue(/listNotes/);
    await spare.setFaults({ delayMs: 1500 });
    // Loading the call machinery is slow too (a first run on a slow line): nothing may wait for it.
    await page.route(/\/_next\/static\/chunks\//, async (route) => {
      await new Promise((done) => setTimeout(done, 1000));
      await route.continue();
    });
    // Every text the progress count shows, in order.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="run-progress"]')?.textContent ?? "";
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    const runAll = page.getByRole("button", { name: "Run all" });
    await runAll.click();
    // One look at the page right after the click, before anything could have loaded or answered.
    const atClick = await page.evaluate(() => ({
      disabled: [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Run all")?.disabled,
      statuses: [...document.querySelectorAll("[data-cell]")].map((cell) => cell.getAttribute("data-status")),
      progress: document.querySelector('[data-testid="run-progress"]')?.textContent ?? null,
    }));
    expect(atClick.disabled, "Run all is disabled on the click").toBe(true);
    expect(atClick.statuses.length, "the grid is not blank").toBeGreaterThan(10);
    expect(new Set(atClick.statuses), "every cell is queued").toEqual(new Set(["queued"]));
    const total = atClick.statuses.length;
    expect(atClick.progress).toBe(`0 of ${total} done`);
    await expect(page.getByTestId("run-progress")).toHaveText(new RegExp(`^[0-9]+ of ${total} done$`));

    await expect(page.getByTestId("wall-time")).toBeVisible({ timeout: 30_000 });
    await expect(runAll).toBeEnabled();
    // The queued cells were exactly the run's cells.
    expect(Object.keys(await statuses(page))).toHaveLength(total);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const counts = seen.map((text) => Number(/^(\d+) of \d+ done$/.exec(text)?.[1] ?? NaN));
    expect(counts[0]).toBe(0);
    expect(counts.at(-1)).toBe(total);
    expect(counts.length, `the count moved as cells ended: ${seen.join(" | ")}`).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});

test("the test-call results survive How to fix it and Back, marked with their time and stored redacted", async ({ page, request }) => {
  test.setTimeout(60_000);
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await calls.runAll();
  const before = await statuses(page);
  expect(before["appsync-http|iam"]).toBe("fail");
  await expect(page.getByTestId("restored-run")).toHaveCount(0);

  await calls.testCall("appsync-http", "iam").click();
  await page.getByRole("dialog").getByRole("link", { name: "How to fix it" }).click();
  await expect(page).toHaveURL(/\/diagnose#/);
  await page.goBack();
  await expect(page).toHaveURL(/\/calls$/);

  // The same results, without running anything, and said to be from earlier.
  await expect(page.getByTestId("restored-run")).toContainText(/Results from \d{2}:\d{2}/);
  await expect.poll(() => statuses(page)).toEqual(before);
  await expect(calls.testCall("appsync-http", "iam").getByTestId("cell-diagnosis")).toBeVisible();
  await calls.testCall("appsync-http", "iam").click();
  await expect(page.getByRole("dialog").getByRole("link", { name: "Check CloudTrail" })).toBeVisible();

  // Stored as the page shows it: no token signature, no API key, no secret.
  const saved = await storedUnder(page, "auth-flow-debugger.test-calls.");
  expect(saved).toContain("appsync-http");
  expect(saved).not.toMatch(SIGNED_JWT);
  const environments = (await (await request.get(`${SANDBOX_URL}/_sandbox/environments`)).json()) as { environments: { id: string; appSync: { apiKey?: string }[] }[] };
  const apiKey = environments.environments.find((e) => e.id === "sandbox-appsync-role-wrong-resource")?.appSync[0]?.apiKey;
  expect(apiKey).toBeTruthy();
  expect(saved).not.toContain(apiKey!);
  for (const token of await page.evaluate(() => Object.entries(window.sessionStorage).filter(([k]) => /\.(idToken|accessToken|refreshToken)$/.test(k)).map(([, v]) => v))) {
    expect(saved).not.toContain(token.slice(token.lastIndexOf(".") + 1));
  }

  // Another environment has none of these results; a new run replaces the mark.
  await page.getByRole("combobox", { name: "Active environment" }).selectOption("sandbox-demo");
  await expect(page.getByTestId("restored-run")).toHaveCount(0);
  await page.getByRole("combobox", { name: "Active environment" }).selectOption("sandbox-appsync-role-wrong-resource");
  await expect(page.getByTestId("restored-run")).toBeVisible();
});

test("the last CloudTrail look-up is shown again on return, with its time, and per environment", async ({ page }) => {
  test.setTimeout(60_000);
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await calls.runAll();
  await calls.checkCloudTrail("appsync-http", "iam");
  const lookup = page.getByRole("form", { name: "Look up CloudTrail" });
  const secret = "sandboxWrongResTrailReaderSecretEXAMPLE1";
  await lookup.getByLabel("Access key id").fill("AKIAEXAMPLEWRONGRES1");
  await lookup.getByLabel("Secret access key").fill(secret);
  await lookup.getByRole("button", { name: "Look up AssumeRoleWithWebIdentity events" }).click();
  await expect(page.locator('[data-lookup-status="done"]')).toBeVisible();
  await expect(page.locator('[data-verdict="assumed"]').first()).toBeVisible();

  await page.getByRole("link", { name: "Test calls" }).click();
  await expect(page.getByRole("button", { name: "Run all" })).toBeVisible();
  await page.getByRole("link", { name: "CloudTrail" }).click();
  // No new look-up: the last one, said to be from earlier.
  await expect(page.getByTestId("restored-lookup")).toContainText(/Looked up at \d{2}:\d{2}/);
  await expect(page.locator('[data-verdict="assumed"]').first()).toBeVisible();
  await expect(page.getByRole("table", { name: "CloudTrail events" })).toBeVisible();

  const stored = await storedUnder(page, "auth-flow-debugger.cloudtrail-lookup.");
  expect(stored).toContain("AssumeRoleWithWebIdentity");
  expect(stored).not.toContain(secret);
  expect(stored).not.toMatch(SIGNED_JWT);

  // Another environment has its own (none here).
  await page.getByRole("combobox", { name: "Active environment" }).selectOption("sandbox-demo");
  await expect(page.locator("[data-verdict]")).toHaveCount(0);
  await expect(page.getByTestId("restored-lookup")).toHaveCount(0);
  await page.getByRole("combobox", { name: "Active environment" }).selectOption("sandbox-appsync-role-wrong-resource");
  await expect(page.locator('[data-verdict="assumed"]').first()).toBeVisible();
});

test.describe("an endpoint that cannot be reached", () => {
  let spare: SpareSandbox;
  test.beforeEach(async () => {
    spare = new SpareSandbox("demo");
    await spare.start();
  });
  test.afterEach(() => spare.dispose());

  test("the sign-in box names the Cognito endpoint it could not reach", async ({ page }) => {
    await addSpareEnvironment(page, spare);
    await spare.kill();
    const session = new SessionPage(page);
    await page.getByRole("link", { name: "Session" }).click();
    await session.signIn(DEMO_USER.email, DEMO_USER.password);
    const signInError = page.getByText(/could not be reached/);
    await expect(signInError).toBeVisible();
    await expect(signInError).toContainText(hostPattern(SPARE_HOST));
    await expect(signInError).toContainText(/Cognito/);
    await expect(page.getByText("A network error has occurred")).toHaveCount(0);
  });

  test("Test calls names the AppSync endpoint it could not reach, and what was tried", async ({ page }) => {
    await addSpareEnvironment(page, spare);
    await signInToSpare(page);
    await spare.kill();
    await page.getByRole("link", { name: "Test calls" }).click();
    const introspection = page.getByText(/AppSync .*could not be reached/);
    await expect(introspection).toBeVisible({ timeout: 20_000 });
    await expect(introspection).toContainText(hostPattern(SPARE_HOST));
    // What was tried: introspection with each credential the session holds.
    await expect(introspection).toContainText(/introspection/i);
    await expect(introspection).toContainText(/API key/);
    await expect(page.getByText(/Introspection was not allowed/)).toHaveCount(0);
  });

  test("token verification names the JWKS endpoint it could not reach, and from where it tried", async ({ page }) => {
    await addSpareEnvironment(page, spare);
    await signInToSpare(page);
    await spare.kill();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tokens" }).click();
    const signature = page.locator('tr[data-check="signature"]').first();
    await expect(signature).toContainText(/JWKS .*could not be reached/, { timeout: 20_000 });
    await expect(signature).toContainText(hostPattern(SPARE_HOST));
    await expect(signature).toContainText(/this browser/);
    await expect(signature).toContainText(/dashboard's server/);
  });
});
