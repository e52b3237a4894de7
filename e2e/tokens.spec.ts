import { expect, test } from "@playwright/test";
import { DEMO_USER, SessionPage } from "./test-support/session-page";

test("signed in: both tokens side by side, aud and client_id each in one only, every check passing", async ({ page }) => {
  const session = new SessionPage(page);
  await session.open();
  await session.signIn(DEMO_USER.email, DEMO_USER.password);
  await expect(session.signedInUser()).toBeVisible();
  const jwksRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/\.well-known\/jwks\.json|\/api\/jwks/.test(request.url())) jwksRequests.push(request.url());
  });

  await page.getByRole("link", { name: "Tokens", exact: true }).click();
  const claims = page.getByRole("table", { name: "Claims" }).first();
  await expect(claims.locator('tr[data-field="claims.aud"]')).toHaveAttribute("data-compare", "onlyA");
  await expect(claims.locator('tr[data-field="claims.client_id"]')).toHaveAttribute("data-compare", "onlyB");
  await expect(claims.locator('tr[data-field="claims.client_id"]')).toContainText("only in the Access token");
  await expect(claims.locator('tr[data-field="header.kid"]')).toHaveAttribute("data-compare", "different");

  for (const name of ["Verification: ID token", "Verification: access token"]) {
    const panel = page.getByRole("region", { name });
    await expect(panel.getByTestId("verdict")).toHaveText("valid");
    await expect(panel.locator('tr[data-status="fail"]')).toHaveCount(0);
    await expect(panel.locator('tr[data-check="signature"]')).toHaveAttribute("data-status", "pass");
  }
  // Both tokens come from one pool: one JWKS download for the page's life, even after leaving
  // the page and coming back.
  expect(jwksRequests).toHaveLength(1);
  await page.getByRole("link", { name: "Session", exact: true }).click();
  await expect(session.signedInUser()).toBeVisible();
  await page.getByRole("link", { name: "Tokens", exact: true }).click();
  await expect(page.getByRole("region", { name: "Verification: access token" }).getByTestId("verdict")).toHaveText("valid");
  expect(jwksRequests).toHaveLength(1);

  // Seed 000: the ID token sent to an AgentCore runtime that checks client_id.
  const authorizer = page.getByRole("region", { name: "Will this token pass?" });
  await authorizer.getByLabel("Token to check").selectOption({ label: "ID token" });
  await expect(authorizer.getByLabel("allowedClients (comma-separated)")).not.toHaveValue("");
  await authorizer.getByRole("button", { name: "Check" }).click();
  await expect(authorizer.getByRole("status")).toContainText("Claim 'client_id' value mismatch with configuration.");
  await authorizer.getByLabel("Token to check").selectOption({ label: "access token" });
  await authorizer.getByRole("button", { name: "Check" }).click();
  await expect(authorizer.getByRole("status")).toContainText("would accept the access token");
});

test("paste mode explains a malformed token without signing in", async ({ page }) => {
  await page.goto("/tokens");
  const input = page.getByLabel("Token or request");
  await input.fill("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0");
  await expect(page.getByRole("alert").filter({ hasText: "segment" })).toContainText("2 segments");
  await input.fill("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln.aXY.dGFn");
  await expect(page.getByRole("alert").filter({ hasText: "JWE" })).toContainText("encrypted JWE");
  await input.fill("Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJ0b2tlbl91c2UiOiJhY2Nlc3MiLCJjbGllbnRfaWQiOiJhYmMifQ.c2ln");
  await expect(page.getByRole("table", { name: "Claims" })).toContainText("client_id");
});
