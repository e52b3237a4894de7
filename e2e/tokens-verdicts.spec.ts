import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { base64url } from "jose";
import { createFakePool } from "../lib/tokens/test-support/cognito-tokens";
import { SANDBOX_URL } from "./test-support/ports";
import { DEMO_USER, SessionPage } from "./test-support/session-page";

// The demo scenario's pool and app client (sandbox/scenarios/demo.json).
const POOL = "ap-northeast-1_DemoPool1";
const CLIENT_ID = "tuxqnxeeb1fx6m6nyyzpcmtoky";
const DISCOVERY = `${SANDBOX_URL}/${POOL}/.well-known/openid-configuration`;

/** Real tokens of the sandbox's demo pool, by USER_PASSWORD_AUTH over the wire. */
async function sandboxTokens(request: APIRequestContext): Promise<{ id: string; access: string }> {
  const response = await request.post(`${SANDBOX_URL}/`, {
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth" },
    data: JSON.stringify({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: CLIENT_ID, AuthParameters: { USERNAME: DEMO_USER.email, PASSWORD: DEMO_USER.password } }),
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { AuthenticationResult: { IdToken: string; AccessToken: string } };
  return { id: body.AuthenticationResult.IdToken, access: body.AuthenticationResult.AccessToken };
}

/** The same header and signature over a changed payload: what an edited token looks like. */
function tampered(token: string): string {
  const [header, payload, signature] = token.split(".");
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
  claims["cognito:groups"] = ["admin"];
  return `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
}

async function paste(page: Page, token: string) {
  await page.goto("/tokens");
  await page.getByLabel("Token or request").fill(token);
}

const authorizer = (page: Page) => page.getByRole("region", { name: "Will this token pass?" });

test("an empty discoveryUrl is filled from the token's iss, shown as such; cleared, it is not checked", async ({ page, request }) => {
  const { access } = await sandboxTokens(request);
  await paste(page, access);
  const panel = authorizer(page);
  await panel.getByLabel("Consumer").selectOption("agentcore-runtime");
  const discoveryUrl = panel.getByLabel("discoveryUrl");
  await expect(discoveryUrl).toHaveValue(DISCOVERY);
  await expect(panel.getByTestId("from-token-discoveryUrl")).toContainText("Filled from the token");
  await panel.getByLabel("allowedClients (comma-separated)").fill(CLIENT_ID);
  await panel.getByRole("button", { name: "Check" }).click();
  const verdict = panel.getByRole("status");
  await expect(verdict).toContainText("would accept the access token");
  await expect(verdict).toContainText("discoveryUrl filled from the token");
  await expect(verdict).not.toContainText("bare issuer");

  // Emptied by hand: the discovery URL and the issuer are not checked, and the verdict says so.
  await discoveryUrl.fill("");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(verdict).toContainText("would accept the access token");
  await expect(verdict).toContainText("Not checked (left empty): discoveryUrl");
  await expect(panel.locator('tr[data-check="config.discoveryUrl"]')).toHaveAttribute("data-status", "n/a");
  await expect(panel.locator('tr[data-check="iss"]')).toHaveAttribute("data-status", "n/a");
  await expect(panel).not.toContainText("bare issuer");
});

test("the headline lists every failing check: an expired ID token names the expiry and the missing client_id", async ({ page }) => {
  // Signed by a pool the sandbox does not know, so its keys cannot be fetched: signature not verified.
  const pool = await createFakePool(`${SANDBOX_URL}/ap-northeast-1_Unknown01`);
  const expired = await pool.id({}, { iat: Math.floor(Date.now() / 1000) - 7200 });
  await paste(page, expired);
  const panel = authorizer(page);
  await panel.getByLabel("Consumer").selectOption("agentcore-runtime");
  await panel.getByLabel("allowedClients (comma-separated)").fill("3n4b5urk1ft4fl3mg5e62d9ado");
  await panel.getByRole("button", { name: "Check" }).click();
  const verdict = panel.getByRole("status");
  await expect(verdict).toContainText("would refuse the ID token");
  const failing = verdict.getByRole("listitem");
  await expect(failing).toHaveCount(2);
  await expect(failing.nth(0)).toContainText("exp");
  await expect(failing.nth(0)).toContainText("Token has expired");
  await expect(failing.nth(1)).toContainText("client_id");
  await expect(failing.nth(1)).toContainText("Claim 'client_id' value mismatch with configuration.");
  // Each answer keeps its source.
  await expect(failing.nth(0)).toContainText("TerrifiedBug/mcp-remote");
  await expect(verdict).toContainText("Signature not verified");
});

test("the verdict states the signature: verified for a sandbox token, failed for an edited one", async ({ page, request }) => {
  const { access } = await sandboxTokens(request);
  await paste(page, access);
  const panel = authorizer(page);
  await panel.getByLabel("Consumer").selectOption("agentcore-runtime");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByRole("status")).toContainText("Signature verified");
  await expect(panel.getByRole("status")).toContainText("would accept");

  await paste(page, tampered(access));
  await panel.getByLabel("Consumer").selectOption("agentcore-runtime");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByRole("status")).toContainText("would refuse");
  await expect(panel.getByRole("status")).toContainText("Signature failed");
  await expect(panel.locator('tr[data-check="signature"]')).toHaveAttribute("data-status", "fail");
});

test("paste mode: a status strip at a glance, signature checked without pressing Verify", async ({ page, request }) => {
  const { access } = await sandboxTokens(request);
  await paste(page, access);
  const strip = page.getByRole("region", { name: /^Status of the access token/ });
  await expect(strip.getByTestId("strip-kind")).toContainText("access token");
  await expect(strip.getByTestId("strip-expiry")).toContainText(/expires in \d+ (min|h)/);
  await expect(strip.getByTestId("strip-signature")).toContainText("signature verified");
  // API Gateway without method scopes reads the token as an ID token: an access token is refused.
  await expect(strip.locator('[data-consumer="api-gateway"]')).toHaveAttribute("data-verdict", "fail");
  await expect(strip.locator('[data-consumer="api-gateway"]')).toContainText("✗");
  await expect(strip.locator('[data-consumer="agentcore-runtime"]')).toHaveAttribute("data-verdict", "pass");
  await expect(strip.locator('[data-consumer="agentcore-runtime"]')).toContainText("✓");

  // An edited token: the signature fails at once, and every authorizer refuses it.
  await page.getByLabel("Token or request").fill(tampered(access));
  await expect(strip.getByTestId("strip-signature")).toContainText("signature failed");
  for (const consumer of ["agentcore-runtime", "agentcore-gateway", "appsync-userpool", "appsync-oidc", "api-gateway"]) {
    await expect(strip.locator(`[data-consumer="${consumer}"]`)).toHaveAttribute("data-verdict", "fail");
  }
  await expect(page.getByRole("button", { name: /Verify/ })).toBeVisible();
});

test("paste mode: a token whose keys cannot be fetched says its signature is not verified", async ({ page }) => {
  const pool = await createFakePool(`${SANDBOX_URL}/ap-northeast-1_Unknown01`);
  await paste(page, await pool.access());
  const strip = page.getByRole("region", { name: /^Status of the access token/ });
  await expect(strip.getByTestId("strip-signature")).toContainText("signature not verified");
});

test("paste mode: the JSON view shows header and payload and copies them", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { access } = await sandboxTokens(request);
  await paste(page, access);
  await page.getByRole("tab", { name: "JSON" }).click();
  const json = page.getByRole("tabpanel", { name: "JSON" });
  await expect(json.getByTestId("json-header")).toContainText('"alg": "RS256"');
  await expect(json.getByTestId("json-payload")).toContainText('"token_use": "access"');
  await json.getByRole("button", { name: "Copy header and payload as JSON" }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { header: { alg: string }; payload: { client_id: string } };
  expect(copied.header.alg).toBe("RS256");
  expect(copied.payload.client_id).toBe(CLIENT_ID);
  await page.getByRole("tab", { name: "Claims" }).click();
  await expect(page.getByRole("table", { name: "Claims" })).toContainText("client_id");
});

test("at 390 px the Tokens page does not scroll sideways and shows each claim as a card", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const session = new SessionPage(page);
  await session.open();
  await session.signIn(DEMO_USER.email, DEMO_USER.password);
  await expect(session.signedInUser()).toBeVisible();
  await page.goto("/tokens");
  await expect(page.getByRole("region", { name: "Verification: access token" }).getByTestId("verdict")).toHaveText("valid");
  const { access } = await sandboxTokens(request);
  await page.getByLabel("Token or request").fill(access);
  // The session's panel and the pasted token's.
  await expect(authorizer(page)).toHaveCount(2);
  await authorizer(page).last().getByRole("button", { name: "Check" }).click();
  await expect(authorizer(page).last().getByRole("status")).toBeVisible();

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  // A claim is a card as wide as the screen allows, its value on lines of many characters.
  const iss = page.locator('[data-field="claims.iss"]').first();
  const box = await iss.boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  const value = iss.locator("[data-claim-value]").first();
  const valueBox = await value.boundingBox();
  expect(valueBox!.width).toBeGreaterThan(200);
  // Every check row of the verification too.
  const row = page.getByRole("region", { name: "Verification: access token" }).locator('[data-check="iss"]');
  expect((await row.boundingBox())!.width).toBeGreaterThan(300);
});
