import { expect, type Page } from "@playwright/test";
import { SessionPage } from "./session-page";

/** Signs in to one sandbox scenario and drives the test calls on /calls. */
export class CallsPage {
  constructor(readonly page: Page) {}

  async signInTo(scenario: string, email: string, password: string) {
    const session = new SessionPage(this.page);
    await session.open();
    await this.page.getByRole("combobox", { name: "Active environment" }).selectOption(`sandbox-${scenario}`);
    await session.signIn(email, password);
    await expect(session.signedInUser()).toHaveText(email);
  }

  /** `lambdaToken`: typed into the AWS_LAMBDA column's field first, as a user does. */
  async runAll({ appSync = true, lambdaToken }: { appSync?: boolean; lambdaToken?: string } = {}) {
    await this.page.getByRole("link", { name: "Test calls" }).click();
    // Introspection fills in the example query before a run makes sense.
    if (appSync) await expect(this.page.getByLabel("GraphQL query")).toHaveValue(/listNotes/);
    if (lambdaToken !== undefined) await this.page.getByLabel("Lambda authorizer token").fill(lambdaToken);
    await this.page.getByRole("button", { name: "Run all" }).click();
    await expect(this.page.getByTestId("wall-time")).toBeVisible({ timeout: 20_000 });
  }

  /** Opens a cell's detail and follows its "Check CloudTrail" link to /cloudtrail. */
  async checkCloudTrail(row: string, column: string) {
    await this.testCall(row, column).click();
    await this.page.getByRole("dialog").getByRole("link", { name: "Check CloudTrail" }).click();
  }

  testCall(row: string, column: string) {
    return this.page.locator(`[data-cell="${row}|${column}"]`);
  }
}
