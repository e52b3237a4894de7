import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { APP_URL, SANDBOX_URL } from "./test-support/ports";
import { SessionPage } from "./test-support/session-page";

/**
 * What a support engineer and the customer they help walk through around the answer: the sandbox's
 * own CloudTrail reader, one verdict per access key, the share-link landing, the exported report's
 * summary, and fix snippets that carry the environment's own ids.
 */

async function lookUpWithSandboxReader(page: Page) {
  const lookup = page.getByRole("form", { name: "Look up CloudTrail" });
  await lookup.getByRole("radio", { name: /sandbox's CloudTrail reader/ }).check();
  await expect(lookup.getByLabel("Access key id")).toHaveCount(0);
  await lookup.getByRole("button", { name: "Look up AssumeRoleWithWebIdentity events" }).click();
  await expect(page.locator('[data-lookup-status="done"]')).toBeVisible();
}

test("CloudTrail in the sandbox: the scenario's reader looks up without typed keys, and calls signed with one key share one verdict", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await calls.runAll();
  await page.getByRole("link", { name: "CloudTrail" }).click();
  const failed = page.locator('[data-failure-source="test-calls"]');
  await expect(failed.nth(1)).toBeVisible();

  await lookUpWithSandboxReader(page);
  const verdicts = page.locator("[data-verdict]");
  await expect(verdicts).toHaveCount(1);
  await expect(verdicts.first()).toHaveAttribute("data-verdict", "assumed");
  // Every failed call is named on the one card.
  await expect(verdicts.first().getByRole("list", { name: "Calls" }).getByRole("listitem")).toHaveCount(await failed.count());
  await expect(verdicts.first().locator("[data-needed]").first()).toContainText("appsync:GraphQL");
});

test("the sandbox's CloudTrail reader is refused to a caller who is not signed in", async ({ request }) => {
  const now = Date.now();
  const answer = await request.post("/api/cloudtrail", {
    headers: { "content-type": "application/json", origin: APP_URL },
    data: {
      region: "ap-northeast-1",
      endpoint: `${SANDBOX_URL}/cloudtrail`,
      startTime: new Date(now - 3_600_000).toISOString(),
      endTime: new Date(now).toISOString(),
      credentials: { mode: "sandbox" },
    },
  });
  expect(answer.status()).toBe(401);
});

test("a share link lands on a welcome card with the three steps, and adding a preset already here does not repeat it", async ({ page, browser }) => {
  await page.goto("/environments");
  await page.getByRole("listitem").filter({ hasText: "Local sandbox: demo" }).getByRole("button", { name: /^Share/ }).first().click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.setViewportSize({ width: 390, height: 844 });
  await other.goto(link);
  const welcome = other.getByRole("region", { name: /Welcome/ });
  await expect(welcome).toContainText("Auth Flow Debugger");
  await expect(welcome.getByRole("listitem")).toHaveCount(3);
  await expect(welcome.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await other.getByRole("region", { name: "Shared environment" }).getByRole("button", { name: "Add this environment" }).click();
  const switcher = other.getByRole("combobox", { name: "Active environment" });
  await expect(switcher).toHaveValue("sandbox-demo");
  const names = await switcher.locator("option").allTextContents();
  expect(names.filter((n) => n === "Local sandbox: demo")).toHaveLength(1);
  expect(new Set(names).size).toBe(names.length);

  await welcome.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(`${APP_URL}/`);
  await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await fresh.close();
});

/** Seed 001's preset as a customer would share it: another name and id, without its API key. */
async function customerLink(page: Page): Promise<string> {
  const presets = (await (await page.request.get("/api/presets")).json()) as { environments: Array<Record<string, unknown> & { id: string; appSync: Array<Record<string, unknown>> }> };
  const seed = presets.environments.find((e) => e.id === "sandbox-appsync-role-wrong-resource")!;
  // Not a copy of the preset (that would select the preset, key and all): the customer's pool lists its own groups.
  const shared = {
    ...seed,
    id: "customer-app",
    name: "Customer app",
    source: "user",
    poolDetails: { ...(seed.poolDetails as Record<string, unknown>), groups: ["customers"] },
    appSync: seed.appSync.map(({ apiKey: _drop, ...api }) => api),
  };
  return `/environments#env=${Buffer.from(JSON.stringify(shared)).toString("base64url")}`;
}

test("a shared environment added while the presets are still loading is marked (shared), never a second identical line", async ({ page }) => {
  // A slow server: the offer is on screen before the preset it repeats.
  await page.route("**/api/presets", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  const presets = (await (await page.request.get("/api/presets")).json()) as { environments: Array<Record<string, unknown> & { id: string }> };
  const demo = presets.environments.find((e) => e.id === "sandbox-demo")!;
  const changed = { ...demo, source: "user", description: "a customer's copy", appSync: [] };
  await page.goto(`/environments#env=${Buffer.from(JSON.stringify(changed)).toString("base64url")}`);
  await page.getByRole("region", { name: "Shared environment" }).getByRole("button", { name: "Add this environment" }).click();
  const switcher = page.getByRole("combobox", { name: "Active environment" });
  await expect(switcher.getByRole("option", { name: "Local sandbox: demo (shared)" })).toHaveCount(1);
  const names = await switcher.locator("option").allTextContents();
  expect(new Set(names).size).toBe(names.length);
});

test("the exported report opens with a summary, keeps AWS's words, links every diagnosis and has no empty section", async ({ page }) => {
  await page.goto(await customerLink(page));
  await page.getByRole("region", { name: "Shared environment" }).getByRole("button", { name: "Add this environment" }).click();
  const session = new SessionPage(page);
  await session.open();
  await session.signIn("migrate@example.com", "Migrate-Passw0rd!");
  await expect(session.signedInUser()).toHaveText("migrate@example.com");
  await new CallsPage(page).runAll();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Markdown", exact: true }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  const headings = [...text.matchAll(/^(#{1,3}) (.+)$/gm)].map((m) => m[2]);
  // The summary comes first, before the environment and the table.
  expect(headings[1]).toBe("Summary");
  const summary = text.slice(text.indexOf("## Summary"), text.indexOf("\n## ", text.indexOf("## Summary") + 3));
  // What failed, with which credential, the cause, the fix with this API's own ARN, and an absolute link.
  expect(summary).toMatch(/test calls failed/);
  expect(summary).toContain("**AppSync HTTP** with **IAM (SigV4, identity pool)**");
  expect(summary).toContain(`(${APP_URL}/diagnose#appsync-unauthorized-iam)`);
  expect(summary).toMatch(/Cause: /);
  expect(summary).toMatch(/Fix: Allow appsync:GraphQL/);
  expect(summary).toContain("arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/*");
  expect(summary).toMatch(/\*\*AppSync HTTP\*\* with \*\*API_KEY, as aws-amplify sends it\*\*.*: .*NoApiKey: No api-key configured/);
  // Only token-shaped values are redacted: AWS's and Amplify's words stay.
  expect(text).not.toContain("NoApiKey: …redacted…");
  // Diagnosis ids in the table are links too.
  expect(text).toMatch(new RegExp(`\\| \\[[^\\]]+\\]\\(${APP_URL.replace(/[.:/]/g, "\\$&")}/diagnose#[a-z0-9-]+\\) \\|`));
  // No heading is followed directly by another heading or the end.
  const sections = text.split(/^#{1,3} .+$/m).slice(1);
  for (const [i, body] of sections.entries()) expect(body.trim(), `section "${headings[i]}" is empty`).not.toBe("");
});

test("fix snippets carry the environment's region, account and API id once the dashboard knows them", async ({ page }) => {
  const policyArn = "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/*";
  // Not signed in: the region and API id are known from the environment, the account is not.
  await page.goto("/");
  await page.getByRole("combobox", { name: "Active environment" }).selectOption("sandbox-appsync-role-wrong-resource");
  await page.goto("/diagnose#appsync-unauthorized-iam");
  const card = page.locator("article#appsync-unauthorized-iam");
  await expect(card).toContainText("arn:aws:appsync:ap-northeast-1:<account>:apis/wrongres000000000000000001/types/Query/fields/*");

  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await expect(page.getByTestId("identity-id")).toBeVisible();
  await calls.runAll();
  await calls.testCall("appsync-http", "iam").click();
  const detail = page.getByRole("dialog");
  await expect(detail).toContainText(policyArn);
  await detail.getByRole("link", { name: "How to fix it" }).click();
  await expect(page).toHaveURL(/\/diagnose#appsync-unauthorized-iam$/);
  await expect(page.locator("article#appsync-unauthorized-iam")).toContainText(policyArn);
  await expect(page.locator("article#appsync-unauthorized-iam pre").first()).not.toContainText("<region>");
  // And after a reload the account is still known for this tab.
  await page.reload();
  await expect(page.locator("article#appsync-unauthorized-iam")).toContainText(policyArn);
});
