import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

test("every page carries a nonce CSP and the hardening headers, and the app works under it without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|connect|apply)/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/", "/environments", "/tokens", "/calls", "/cloudtrail", "/diagnose"]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  }
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  await calls.runAll();
  await expect(calls.testCall("appsync-realtime", "iam")).toHaveAttribute("data-status", "pass");
  expect(violations).toEqual([]);
});
