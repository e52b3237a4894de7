import { expect, test, type Page } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

// sandbox/scenarios/agentcore-m2m-scopes.json: allowedScopes ["agentcore-api/invoke"] on the runtime and gateway.
const DEMO = ["demo@example.com", "Demo-Passw0rd!"] as const;
const INVOKER = { id: "m2minvokerclient000000001", secret: "sandboxM2mInvokerSecretEXAMPLE000000000000000001" };
const READER = { id: "m2mreaderclient0000000001", secret: "sandboxM2mReaderSecretEXAMPLE0000000000000000001" };
const NO_FLAG = { id: "m2mnoflagclient0000000001", secret: "sandboxM2mNoFlagSecretEXAMPLE0000000000000000001" };

async function getM2mToken(page: Page, client: { id: string; secret: string }, scopes = "") {
  const form = page.locator("details", { hasText: "M2M token (client credentials)" });
  if ((await form.getAttribute("open")) === null) await form.locator("summary").click();
  await form.getByLabel("M2M client id").fill(client.id);
  await form.getByLabel("M2M client secret").fill(client.secret);
  await form.getByLabel("M2M scopes").fill(scopes);
  await form.getByRole("button", { name: "Get M2M token" }).click();
  return form.getByTestId("m2m-status");
}

test("agentcore-m2m-scopes: the sign-in token fails on allowedScopes, a client credentials token with the scope passes, one without fails", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-m2m-scopes", ...DEMO);
  await page.getByRole("link", { name: "Test calls" }).click();

  // The invoker client: its token carries the scope the runtime wants.
  await expect(await getM2mToken(page, INVOKER, "agentcore-api/invoke")).toContainText("scope agentcore-api/invoke");
  await page.getByRole("button", { name: "Run all" }).click();
  await expect(page.getByTestId("wall-time")).toBeVisible({ timeout: 20_000 });
  await expect(calls.testCall("agentcore-http", "m2m-token")).toHaveAttribute("data-status", "pass");
  await expect(page.getByTestId("reply-agentcore-http|m2m-token")).toContainText("Echo");
  // The user's own access token holds only aws.cognito.signin.user.admin; AgentCore's words for this are not confirmed.
  const user = calls.testCall("agentcore-http", "access-token");
  await expect(user).toHaveAttribute("data-status", "fail");
  await expect(user).toContainText("Wording not confirmed");
  await user.click();
  await expect(page.getByRole("dialog")).toContainText("aws.cognito.signin.user.admin");
  await page.keyboard.press("Escape");

  // The reader client: a token is issued, but without agentcore-api/invoke; asking for it is invalid_scope.
  await expect(await getM2mToken(page, READER, "agentcore-api/invoke")).toContainText("invalid_scope");
  await expect(await getM2mToken(page, READER)).toContainText("scope agentcore-api/read");
  await page.getByRole("button", { name: "Run all" }).click();
  await expect(calls.testCall("agentcore-http", "m2m-token")).toHaveAttribute("data-status", "fail", { timeout: 20_000 });

  // A client created by the API without AllowedOAuthFlowsUserPoolClient.
  await expect(await getM2mToken(page, NO_FLAG)).toContainText("invalid_grant");

  // The secret and the token stay in memory: nothing of them in the tab's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  for (const secret of [INVOKER.secret, READER.secret, NO_FLAG.secret]) expect(stored).not.toContain(secret);
  // The session's own tokens are there (Amplify keeps them for the tab); no signed M2M token is.
  const signedSubjects = [...stored.matchAll(/eyJ[\w-]+\.(eyJ[\w-]+)\.[\w-]{20,}/g)].map((m) => (JSON.parse(Buffer.from(m[1]!, "base64url").toString()) as { sub?: string }).sub);
  expect(signedSubjects).not.toContain(INVOKER.id);
  expect(signedSubjects).not.toContain(READER.id);
});

test("agentcore-m2m-scopes: Will this token pass? predicts allowedScopes for the M2M token", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-m2m-scopes", ...DEMO);
  await page.getByRole("link", { name: "Test calls" }).click();
  await expect(await getM2mToken(page, READER)).toContainText("scope agentcore-api/read");
  await page.getByRole("link", { name: "Tokens" }).click();

  const panel = page.getByRole("region", { name: "Will this token pass?" });
  await panel.getByLabel("Consumer").selectOption("agentcore-runtime");
  await panel.getByLabel("Token to check").selectOption({ label: "M2M access token (client credentials)" });
  await panel.getByLabel("allowedScopes").fill("agentcore-api/invoke");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.locator('tr[data-check="scope"]')).toHaveAttribute("data-status", "fail");
  await panel.getByLabel("allowedScopes").fill("agentcore-api/read");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.locator('tr[data-check="scope"]')).toHaveAttribute("data-status", "pass");
});
