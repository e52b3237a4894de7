import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

// axe-core over every page, signed out and signed in, at a desktop width and on a phone: no
// serious or critical violation (contrast, names, roles, focusable scroll boxes …), and on the
// phone no page wider than the screen. Then the findings axe cannot make: names that tell
// repeated buttons apart, rule text rendered as text rather than markdown, and messages free of
// the product's internal error codes.

const WIDTHS = [
  { name: "1400 px", width: 1400, height: 900 },
  { name: "390 px", width: 390, height: 844 },
];
const PAGES = ["/", "/environments", "/tokens", "/calls", "/policy", "/cloudtrail", "/diagnose"];

/** Waits for what a page shows once it has loaded its environment and session. */
async function settle(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).or(page.getByRole("heading", { name: /Sign in|Signed in as/ })).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

/** Serious and critical violations, one line each, so a failure says what and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`));
}

async function checkPage(page: Page, path: string, phone: boolean) {
  // Soft: one run lists every page's findings, not only the first page's.
  const violations = await seriousViolations(page);
  expect.soft(violations, `${path}: axe`).toEqual([]);
  if (phone) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect.soft(overflow, `${path}: document wider than the viewport by`).toBeLessThanOrEqual(0);
  }
}

for (const size of WIDTHS) {
  const phone = size.width < 640;

  test(`signed out at ${size.name}: no serious or critical axe violation on any page`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    for (const path of PAGES) {
      await page.goto(path);
      await settle(page);
      await checkPage(page, path, phone);
    }
  });

  test(`signed in at ${size.name}: no serious or critical axe violation on any page, results and details open`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const calls = new CallsPage(page);
    await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
    await checkPage(page, "/", phone);
    await calls.runAll();
    await calls.testCall("appsync-http", "access-token").click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await checkPage(page, "/calls", phone);
    for (const path of PAGES.filter((p) => p !== "/" && p !== "/calls")) {
      await page.goto(path);
      await settle(page);
      if (path === "/diagnose") await page.getByLabel("Error or log").fill("Claim 'client_id' value mismatch with configuration.");
      if (path === "/diagnose") await expect(page.getByRole("region", { name: "Diagnoses" }).locator("[data-diagnosis]").first()).toBeVisible();
      if (path === "/policy") await expect(page.getByTestId("call-verdict").first()).toBeVisible();
      await checkPage(page, path, phone);
    }
  });
}

test("each environment's Use and Share buttons name the environment they act on", async ({ page }) => {
  await page.goto("/environments");
  const items = page.getByRole("list", { name: "Environments" }).getByRole("listitem");
  // The sandbox's presets arrive after the page: wait for them before reading the names.
  await expect.poll(() => items.count()).toBeGreaterThan(1);
  const names: string[] = [];
  for (const item of await items.all()) {
    const name = (await item.locator("p").first().innerText()).replace(/\s*active$/, "").trim();
    await expect(item.getByRole("button", { name: /^Share/ })).toHaveAccessibleName(`Share ${name}`);
    const use = item.getByRole("button", { name: /^Use/ });
    if ((await use.count()) > 0) await expect(use).toHaveAccessibleName(`Use ${name}`);
    names.push(name);
  }
  expect(names.length).toBeGreaterThan(1);
  expect(new Set(names).size).toBe(names.length);
});

test("Diagnose renders `backticked` words in rule text as code, never the backticks themselves", async ({ page }) => {
  await page.goto("/diagnose");
  const cards = page.locator("[data-diagnosis]");
  await expect(cards.first()).toBeVisible();
  // Text outside the code snippets (which are code already and may hold template literals).
  const raw = await cards.evaluateAll((els) =>
    els
      .map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll("pre").forEach((pre) => pre.remove());
        return copy.textContent ?? "";
      })
      .filter((text) => text.includes("`")),
  );
  expect(raw).toEqual([]);
  await expect(page.locator("[data-diagnosis] :not(pre) > code", { hasText: "aws sts get-caller-identity" }).first()).toBeVisible();
});

test("a refused CloudTrail lookup says why in words, without the internal error code", async ({ page }) => {
  await page.goto("/cloudtrail");
  await page.getByRole("form", { name: "Add a failed call" }).getByRole("button", { name: "Add failed call" }).click();
  const lookup = page.getByRole("form", { name: "Look up CloudTrail" });
  await lookup.getByLabel("Access key id").fill("AKIAEXAMPLENOSUCHKEY");
  await lookup.getByLabel("Secret access key").fill("notTheSecretOfAnyKeyTheSandboxKnowsEXAMPLE");
  await lookup.getByRole("button", { name: "Look up AssumeRoleWithWebIdentity events" }).click();
  const alert = lookup.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).not.toHaveText("");
  // Codes are `<kind>:<surface>[:<detail>]` (lib/errors); they are for logs and callers, not for people.
  await expect(alert).not.toContainText(/\((?:[a-z-]+:)+[a-z-]+\)/);
  await expect(alert).not.toContainText(/\b(?:invalid|forbidden|unauthorized|upstream|unreachable|aws|internal|timeout):[a-z-]+/);
});
