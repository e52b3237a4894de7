import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { SessionPage } from "./test-support/session-page";

// sandbox/scenarios/mfa-required.json: MFA is required, and this user has no factor yet.
const SETUP_USER = { username: "totp-setup", password: "Setup-Passw0rd!" };

/** Waits until the authenticator app would show a code other than `used` (next 30-second step). */
async function nextCode(secret: string, used: string): Promise<string> {
  for (;;) {
    const code = await generate({ secret });
    if (code !== used) return code;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

test("a pool that requires MFA: the Authenticator sets up an authenticator app, then asks for its codes", async ({ page }) => {
  // Up to 30 s go by waiting for a fresh code, as they would for a person.
  test.setTimeout(90_000);
  const session = new SessionPage(page);
  await session.open();
  await session.chooseEnvironment("sandbox-mfa-required");
  await expect(page.getByTestId("pool-mfa")).toHaveText("· MFA required (TOTP, EMAIL)");

  await session.signInWithUsername(SETUP_USER.username, SETUP_USER.password);
  await expect(page.getByRole("heading", { name: "Multi-Factor Authentication Setup" })).toBeVisible();
  await page.getByRole("radio", { name: "Authenticator App (TOTP)" }).check();
  await page.getByRole("button", { name: "Confirm" }).click();

  await expect(page.getByRole("heading", { name: "Setup TOTP" })).toBeVisible();
  await expect(page.getByRole("img", { name: "qr code" })).toBeVisible();
  // The secret the Authenticator shows under the QR code, as a person would type it into an app.
  const secret = ((await page.locator("[data-amplify-copy] > div").first().textContent()) ?? "").trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const setupCode = await generate({ secret });
  await session.codeField().fill(setupCode);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(session.signedInUser()).toHaveText(SETUP_USER.username);

  await page.getByRole("button", { name: "Sign out" }).click();
  await session.signInWithUsername(SETUP_USER.username, SETUP_USER.password);
  await expect(page.getByRole("heading", { name: "Confirm TOTP Code" })).toBeVisible();
  // Cognito takes each code once; the one used at setup is spent until the next step.
  const code = await nextCode(secret, setupCode);
  await session.codeField().fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Invalid code received for user")).toBeVisible();
  await session.codeField().fill(code);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(session.signedInUser()).toHaveText(SETUP_USER.username);
});
