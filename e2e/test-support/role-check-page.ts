import type { Page } from "@playwright/test";

/** /policy: the role check's inputs and verdicts. */
export class RoleCheckPage {
  constructor(readonly page: Page) {}

  trust() {
    return this.page.getByTestId("trust-verdict");
  }

  /** The verdict card of one test-call row (`appsync-http`, `agentcore-ws` …). */
  call(row: string) {
    return this.page.locator(`[data-testid="call-verdict"][data-row="${row}"]`).first();
  }

  async setPolicy(index: number, policy: unknown) {
    await this.page.getByLabel(`Permission policy ${index}`).fill(JSON.stringify(policy, null, 2));
  }

  async setOperation(query: string) {
    await this.page.getByLabel("GraphQL operation").fill(query);
  }
}
