import { expect, type Page } from "@playwright/test";

export const DEMO_USER = { email: "demo@example.com", password: "Demo-Passw0rd!" };

/** The overview page: Amplify's Authenticator while signed out, the session once signed in. */
export class SessionPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: /Sign in|Signed in as/ })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** For pools that sign in by username rather than email. */
  async signInWithUsername(username: string, password: string) {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async chooseEnvironment(id: string) {
    await this.page.getByRole("combobox", { name: "Active environment" }).selectOption(id);
    await expect(this.page.getByRole("heading", { name: /Sign in|Signed in as/ })).toBeVisible();
  }

  /** The code field of the Authenticator's TOTP steps (setup and sign-in). */
  codeField() {
    return this.page.getByLabel("Code *");
  }

  signedInUser() {
    return this.page.getByTestId("signed-in-user");
  }

  tokenCard(name: "ID token" | "Access token") {
    return this.page.getByRole("region", { name });
  }
}
