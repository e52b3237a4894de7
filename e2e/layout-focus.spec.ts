import { expect, test, type Page } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

// The dashboard at a desktop width and on a phone, by mouse and by keyboard: wide tables scroll
// inside their own box with their row labels kept in view, nothing makes a page scroll sideways,
// a test call's detail comes to the user, and the keyboard has a way past the header.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };
const PAGES = ["/", "/environments", "/calls", "/cloudtrail", "/diagnose"];

async function signInToDemo(page: Page) {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  return calls;
}

/** How far the document reaches past the viewport's right edge (0 when it does not scroll sideways). */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user would get there. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached the element in ${limit} presses`);
}

test("at 1400 px the AppSync test calls scroll inside their box, row labels stay put, and a cue says more columns exist", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  const calls = await signInToDemo(page);
  await calls.runAll();
  const table = page.getByRole("table", { name: "AppSync test calls" });
  const box = page.getByRole("region", { name: "AppSync test calls, scrolls sideways" });
  await expect(box).toBeVisible();
  // The table is wider than its box: the box scrolls, the page does not.
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await sidewaysOverflow(page)).toBe(0);

  const cue = page.getByTestId("more-columns");
  await expect(cue).toBeVisible();
  const rowLabel = table.getByRole("rowheader", { name: "AppSync HTTP" });
  const before = await rowLabel.boundingBox();
  await cue.click();
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // Scrolled sideways, the first column is still at the box's left edge (it gives up only the
  // table's 4 px cell spacing): the cells pass underneath it.
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => box.evaluate((el) => el.scrollWidth - el.clientWidth - el.scrollLeft)).toBeLessThanOrEqual(1);
  const after = await rowLabel.boundingBox();
  expect(Math.abs(after!.x - before!.x)).toBeLessThanOrEqual(4);
  await expect(rowLabel).toBeInViewport({ ratio: 1 });
  // At the end there is nothing more to the right, and the cue says so by going away.
  await expect(cue).toBeHidden();
  const lastCell = table.locator("tbody tr").first().locator("td").last();
  await expect(lastCell).toBeInViewport({ ratio: 1 });
});

test("at 390 px the test calls are cards, one per way of calling, each result named by its credential", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const calls = await signInToDemo(page);
  await calls.runAll();
  expect(await sidewaysOverflow(page)).toBe(0);
  const cell = calls.testCall("appsync-http", "iam");
  await expect(cell).toHaveAttribute("data-status", "pass");
  // The whole cell is on screen without sideways scrolling, with its credential written beside it.
  const box = await cell.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await expect(page.locator('[data-column-label="appsync-http|iam"]')).toBeVisible();
  await expect(page.locator('[data-column-label="appsync-http|iam"]')).toContainText("IAM");
});

for (const path of PAGES) {
  test(`${path} does not scroll sideways at 390 px, signed in`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signInToDemo(page);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await sidewaysOverflow(page)).toBe(0);
  });
}

test("at 390 px a CloudTrail look-up's events and verdicts fit the screen; the events table scrolls in its own box", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await page.getByRole("link", { name: "CloudTrail" }).click();
  await page.getByRole("form", { name: "Add a failed call" }).getByRole("button", { name: "Add failed call" }).click();
  const lookup = page.getByRole("form", { name: "Look up CloudTrail" });
  // The sandbox account's read-only CloudTrail key (sandbox/scenarios/appsync-role-wrong-resource.json).
  await lookup.getByLabel("Access key id").fill("AKIAEXAMPLEWRONGRES1");
  await lookup.getByLabel("Secret access key").fill("sandboxWrongResTrailReaderSecretEXAMPLE1");
  await lookup.getByRole("button", { name: "Look up AssumeRoleWithWebIdentity events" }).click();
  await expect(page.locator('[data-lookup-status="done"]')).toBeVisible();
  await expect(page.locator("[data-verdict]").first()).toBeVisible();
  const events = page.getByRole("table", { name: "CloudTrail events" });
  await expect(events).toBeVisible();
  await events.getByText("raw JSON").first().click();
  expect(await sidewaysOverflow(page)).toBe(0);
});

test("a test call's detail scrolls into view and takes the focus; Esc closes it and gives the focus back to the cell", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 700 });
  const calls = await signInToDemo(page);
  await calls.runAll();
  const cell = calls.testCall("appsync-http", "access-token");
  await cell.click();
  const detail = page.getByRole("dialog");
  await expect(detail).toBeInViewport();
  await expect(detail).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();
  await expect(cell).toBeFocused();

  // By keyboard too: Enter on a cell opens it, the Close button closes it, and focus comes back.
  const other = calls.testCall("appsync-http", "api-key");
  await other.focus();
  await page.keyboard.press("Enter");
  await expect(detail).toBeFocused();
  await detail.getByRole("button", { name: "Close" }).click();
  await expect(other).toBeFocused();
});

test("the first Tab reaches a Skip to content link that moves the focus past the header", async ({ page }) => {
  await page.goto("/calls");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the focus ring is 2 px and shows on dark buttons as well as light ones", async ({ page }) => {
  await page.goto("/environments");
  await expect(page.getByRole("heading", { name: "Environments" })).toBeVisible();
  for (const button of [page.getByRole("button", { name: "New environment" }), page.getByRole("link", { name: "Environments", exact: true })]) {
    await tabTo(page, button);
    const ring = await button.evaluate((el) => {
      const style = getComputedStyle(el);
      return { width: style.outlineWidth, style: style.outlineStyle, color: style.outlineColor, offset: style.outlineOffset, background: style.backgroundColor };
    });
    expect(ring.style).toBe("solid");
    expect(ring.width).toBe("2px");
    // Drawn outside the button, on the page's light background, in a colour that is neither the
    // button's own (a dark ring on a dark button is invisible) nor the page's.
    expect(parseFloat(ring.offset)).toBeGreaterThanOrEqual(2);
    expect(ring.color).not.toBe(ring.background);
  }
});
