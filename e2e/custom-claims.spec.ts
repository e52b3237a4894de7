import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { DEMO_USER } from "./test-support/session-page";

// sandbox/scenarios/agentcore-custom-claims.json: the runtime and gateway want tenant_id = acme
// (customClaims); the pool's V1_0 pre token generation trigger writes tenant_id into ID tokens only.
const CUSTOM_CLAIMS = JSON.stringify([
  { inboundTokenClaimName: "tenant_id", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "acme" } } },
]);

test("agentcore-custom-claims: the claim is only in the ID token; Will this token pass? and the runtime cell name it missing from the access token", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-custom-claims", DEMO_USER.email, DEMO_USER.password);

  await page.getByRole("link", { name: "Tokens", exact: true }).click();
  // Side by side, the trigger's claim shows up in one token only.
  const tenant = page.getByRole("table", { name: "Claims" }).first().locator('tr[data-field="claims.tenant_id"]');
  await expect(tenant).toHaveAttribute("data-compare", "onlyA");
  await expect(tenant).toContainText("only in the ID token");
  await expect(tenant).toContainText("a trigger writes access tokens only as V2_0 or V3_0");

  const authorizer = page.getByRole("region", { name: "Will this token pass?" });
  await authorizer.getByLabel("Consumer").selectOption("agentcore-runtime");
  await authorizer.getByLabel("Token to check").selectOption({ label: "access token" });
  await authorizer.getByLabel("customClaims (JSON)").fill(CUSTOM_CLAIMS);
  await authorizer.getByRole("button", { name: "Check" }).click();
  const verdict = authorizer.getByRole("status");
  await expect(verdict).toContainText("would refuse the access token");
  await expect(verdict).toContainText("Claim 'tenant_id' value mismatch with configuration.");
  // No public capture shows AgentCore's words for a custom claim: the verdict says so.
  await expect(verdict).toContainText("Not confirmed");
  const row = authorizer.locator('tr[data-check="claim tenant_id"]');
  await expect(row).toHaveAttribute("data-status", "fail");
  await expect(row).toContainText("V2_0 or V3_0");
  await expect(authorizer.getByTestId("diagnosis-hint")).toHaveAttribute("data-diagnosis-id", "cognito-claim-only-in-id-token");

  // The ID token has the claim, and still fails: it carries no client_id for allowedClients.
  await authorizer.getByLabel("Token to check").selectOption({ label: "ID token" });
  await authorizer.getByRole("button", { name: "Check" }).click();
  await expect(authorizer.locator('tr[data-check="claim tenant_id"]')).toHaveAttribute("data-status", "pass");
  await expect(authorizer.locator('tr[data-check="client_id"]')).toHaveAttribute("data-status", "fail");

  // Unreadable customClaims are not silently skipped.
  await authorizer.getByLabel("customClaims (JSON)").fill("tenant_id=acme");
  await authorizer.getByRole("button", { name: "Check" }).click();
  await expect(authorizer.locator('tr[data-check="config.customClaims"]')).toHaveAttribute("data-status", "fail");

  // The sandbox's runtime refuses the access token naming the claim, marked not confirmed.
  await calls.runAll({ appSync: false });
  const cell = calls.testCall("agentcore-http", "access-token");
  await expect(cell).toHaveAttribute("data-status", "fail");
  await expect(cell).toContainText("tenant_id");
  await expect(cell).toContainText("Wording not confirmed");
  await expect(cell.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "cognito-claim-only-in-id-token");
  await cell.click();
  const detail = page.getByRole("dialog");
  await expect(detail).toContainText("Claim 'tenant_id' value mismatch with configuration.");
  await expect(detail.getByRole("link", { name: "How to fix it" })).toHaveAttribute("href", "/diagnose#cognito-claim-only-in-id-token");
});
