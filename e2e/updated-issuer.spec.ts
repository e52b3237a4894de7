import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { DEMO_USER } from "./test-support/session-page";

// sandbox/scenarios/updated-issuer.json: a pool with IssuerConfiguration UPDATED, so its tokens
// carry {sandbox}/issuer-cognito-idp/{pool} (AWS: https://issuer-cognito-idp.{region}.amazonaws.com/{pool}).
// Its AgentCore runtime still names the ORIGINAL discovery URL; its gateway the UPDATED one.
const POOL = "ap-northeast-1_UpdIss001";
const UPDATED_PATH = `/issuer-cognito-idp/${POOL}`;

test("updated-issuer: tokens verify against the UPDATED issuer's JWKS; an authorizer pinned to the ORIGINAL issuer refuses them on iss", async ({ page }) => {
  const jwksRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/\.well-known\/jwks\.json|\/api\/jwks/.test(request.url())) jwksRequests.push(request.url());
  });
  const calls = new CallsPage(page);
  await calls.signInTo("updated-issuer", DEMO_USER.email, DEMO_USER.password);

  await page.getByRole("link", { name: "Tokens", exact: true }).click();
  // The page says which issuer form the tokens carry, and what must be configured with it.
  const note = page.getByRole("note", { name: "Issuer form" });
  await expect(note).toHaveAttribute("data-issuer-form", "UPDATED");
  await expect(note).toHaveAttribute("data-issuer-note", "updated");
  await expect(note).toContainText(`${UPDATED_PATH}/.well-known/openid-configuration`);
  const iss = page.getByRole("table", { name: "Claims" }).first().locator('tr[data-field="claims.iss"]');
  await expect(iss).toContainText(UPDATED_PATH);
  await expect(iss).toContainText("The UPDATED issuer (issuer-cognito-idp)");

  for (const name of ["Verification: ID token", "Verification: access token"]) {
    const panel = page.getByRole("region", { name });
    await expect(panel.getByTestId("verdict")).toHaveText("valid");
    await expect(panel.locator('tr[data-status="fail"]')).toHaveCount(0);
    await expect(panel.locator('tr[data-check="signature"]')).toHaveAttribute("data-status", "pass");
    await expect(panel.locator('tr[data-check="kid"]')).toHaveAttribute("data-status", "pass");
    await expect(panel.locator('tr[data-check="iss"]')).toHaveAttribute("data-status", "pass");
    await expect(panel.locator('tr[data-check="iss"]')).toContainText("UPDATED issuer of user pool");
  }
  // One JWKS for both tokens, fetched from under the UPDATED issuer (by the browser itself).
  expect(jwksRequests).toEqual([expect.stringMatching(new RegExp(`${UPDATED_PATH}/\\.well-known/jwks\\.json$`))]);

  // "Will this token pass?" starts from the issuer the tokens carry: the gateway's configuration.
  const authorizer = page.getByRole("region", { name: "Will this token pass?" });
  await authorizer.getByLabel("Token to check").selectOption({ label: "access token" });
  const discoveryUrl = authorizer.getByLabel("discoveryUrl");
  await expect(discoveryUrl).toHaveValue(new RegExp(`${UPDATED_PATH}/\\.well-known/openid-configuration$`));
  await authorizer.getByRole("button", { name: "Check" }).click();
  await expect(authorizer.getByRole("status")).toContainText("would accept the access token");

  // The runtime's configuration: the ORIGINAL discovery URL of the same pool.
  await discoveryUrl.fill((await discoveryUrl.inputValue()).replace(UPDATED_PATH, `/${POOL}`));
  await authorizer.getByRole("button", { name: "Check" }).click();
  await expect(authorizer.getByRole("status")).toContainText("would refuse the access token");
  await expect(authorizer.getByRole("status")).toContainText("not confirmed");
  const issRow = authorizer.locator('tr[data-check="iss"]');
  await expect(issRow).toHaveAttribute("data-status", "fail");
  await expect(issRow).toContainText("other issuer form: the token carries the UPDATED issuer and the ORIGINAL one is configured here");
  await expect(authorizer.getByTestId("diagnosis-hint")).toHaveAttribute("data-diagnosis-id", "cognito-issuer-form-mismatch");

  // The sandbox's runtime answers as predicted; the gateway, configured with the UPDATED issuer, accepts.
  await calls.runAll({ appSync: false });
  const runtime = calls.testCall("agentcore-http", "access-token");
  await expect(runtime).toHaveAttribute("data-status", "fail");
  await expect(runtime).toContainText(`does not match the discovery URL's issuer`);
  // No public source shows AgentCore's words for an iss mismatch: the cell and its detail say so.
  await expect(runtime).toContainText("Wording not confirmed");
  await runtime.click();
  await expect(page.getByTestId("cell-unconfirmed")).toContainText("no public source shows what AWS sends here");
  await page.getByRole("button", { name: "Close" }).click();
  const gateway = calls.testCall("gateway-mcp", "access-token");
  await expect(gateway).toHaveAttribute("data-status", "blocked");
  await gateway.click();
  await page.getByRole("button", { name: "Re-run through the relay" }).click();
  await expect(gateway).toHaveAttribute("data-status", "pass");
});
