import { expect, test } from "@playwright/test";
import { DEMO_USER, SessionPage } from "./test-support/session-page";

test("signs in with SRP, shows both tokens counting down, refreshes and signs out", async ({ page }) => {
  const session = new SessionPage(page);
  await session.open();
  await expect(page.getByRole("combobox", { name: "Active environment" })).toHaveValue("sandbox-demo");
  await session.signIn(DEMO_USER.email, DEMO_USER.password);

  await expect(session.signedInUser()).toHaveText(DEMO_USER.email);
  for (const name of ["ID token", "Access token"] as const) {
    const card = session.tokenCard(name);
    await expect(card.getByTestId("countdown")).toHaveText(/^expires in (59 min|1 h 0 min)/);
  }
  // The countdown is live: its text changes while we watch.
  const countdown = session.tokenCard("Access token").getByTestId("countdown");
  const before = await countdown.textContent();
  await expect(countdown).not.toHaveText(before ?? "", { timeout: 3_000 });

  const jti = await session.tokenCard("Access token").getByTestId("jti").textContent();
  await page.getByRole("button", { name: "Refresh tokens" }).click();
  await expect(session.tokenCard("Access token").getByTestId("jti")).not.toHaveText(jti ?? "");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("a wrong password shows Cognito's own message", async ({ page }) => {
  const session = new SessionPage(page);
  await session.open();
  await session.signIn(DEMO_USER.email, "not-the-password");
  await expect(page.getByText("Incorrect username or password.")).toBeVisible();
  await expect(session.signedInUser()).toHaveCount(0);
});

test("the session survives a reload in the same tab but not a new tab", async ({ page, context }) => {
  const session = new SessionPage(page);
  await session.open();
  await session.signIn(DEMO_USER.email, DEMO_USER.password);
  await expect(session.signedInUser()).toHaveText(DEMO_USER.email);
  await page.reload();
  await expect(session.signedInUser()).toHaveText(DEMO_USER.email);
  // Tokens live in sessionStorage by default: another tab starts signed out.
  const other = new SessionPage(await context.newPage());
  await other.open();
  await expect(other.page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("a user with a temporary password is asked for a new one, as the Authenticator does", async ({ page }) => {
  const session = new SessionPage(page);
  await session.open();
  await session.signIn("newuser@example.com", "Temp-Passw0rd!");
  await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("Brand-New-Passw0rd!");
  await page.getByLabel("Confirm Password", { exact: true }).fill("Brand-New-Passw0rd!");
  await page.getByRole("button", { name: "Change Password" }).click();
  await expect(session.signedInUser()).toHaveText("newuser@example.com");
});

test("forget everything signs out and removes saved environments from this browser", async ({ page }) => {
  const session = new SessionPage(page);
  await session.open();
  await session.signIn(DEMO_USER.email, DEMO_USER.password);
  await expect(session.signedInUser()).toBeVisible();
  await page.getByRole("link", { name: "Environments" }).click();
  await page.getByRole("button", { name: "Forget everything…" }).click();
  await page.getByRole("button", { name: "Yes, forget everything" }).click();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).length + Object.keys(localStorage).length)).toBe(0);
});
