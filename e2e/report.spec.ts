import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

test("the exported report holds the test calls and no secret from the session", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  await calls.runAll();
  const secrets = await page.evaluate(() =>
    Object.entries(sessionStorage)
      .filter(([key]) => /(idToken|accessToken|refreshToken)$/.test(key))
      .map(([, value]) => value),
  );
  expect(secrets.length).toBeGreaterThanOrEqual(3);

  for (const format of ["Markdown", "JSON"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: format, exact: true }).click()]);
    const text = await readFile((await download.path())!, "utf8");
    // Markdown names the cells as the page does; JSON keeps their ids.
    expect(text).toContain(format === "Markdown" ? "| AppSync HTTP |" : '"row": "appsync-http"');
    expect(text).toContain("ap-northeast-1_DemoPool1");
    for (const token of secrets) {
      const signature = token.split(".")[2] ?? token;
      expect(text).not.toContain(signature);
    }
    expect(text).not.toContain("da2-sandboxdemokey000000000001");
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
  }
});
