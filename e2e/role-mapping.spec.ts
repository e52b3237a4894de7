import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

// sandbox/scenarios/identity-pool-role-mapping.json: the identity pool takes the role from the
// token (Type Token, AmbiguousRoleResolution Deny); the groups editors and viewers both have
// Precedence 1 and different roles. sandbox/scenarios/identity-pool-rules-deny.json: a rules
// mapping on custom:dept that the user's "sales" never matches.
const ACCOUNT = "555566667777";
const EDITOR = `arn:aws:iam::${ACCOUNT}:role/rolemap-editor`;
const VIEWER = `arn:aws:iam::${ACCOUNT}:role/rolemap-viewer`;

test("token mapping: two groups at the same precedence get no credentials, the Session page says why, and CustomRoleArn picks one", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("identity-pool-role-mapping", "both-groups@example.com", "BothGroups-Passw0rd!");

  // What the sandbox answered, as AWS words it, with the part no source confirms labelled.
  const error = page.getByTestId("credentials-error");
  await expect(error).toContainText("NotAuthorizedException at GetCredentialsForIdentity: The ambiguous role mapping rules for: cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_RoleMap01 denied this request.");
  await expect(error.getByTestId("credentials-unconfirmed")).toContainText("Not confirmed");
  await expect(error.getByTestId("diagnosis-hint")).toHaveAttribute("data-diagnosis-id", "identity-pool-role-mapping-denied");

  // Why: the prediction from the token's claims and the pool's mapping agrees, word for word.
  const panel = page.getByRole("region", { name: "Which role the identity pool chooses" });
  await expect(panel.getByTestId("role-reason")).toContainText("The token has 2 cognito:roles and no cognito:preferred_role (groups with the same Precedence and different roles); AmbiguousRoleResolution is Deny");
  await expect(panel.getByTestId("predicted-refusal")).toHaveText("The ambiguous role mapping rules for: cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_RoleMap01 denied this request.");
  await expect(panel.getByTestId("refusal-unconfirmed")).toContainText("Not confirmed");

  // One of cognito:roles as CustomRoleArn: predicted, then issued, and the two agree.
  await panel.getByLabel("CustomRoleArn to predict").fill(VIEWER);
  await expect(panel.getByTestId("predicted-role")).toHaveText(VIEWER);
  await page.getByLabel("Custom role ARN").fill(VIEWER);
  await page.getByRole("button", { name: "Get credentials" }).click();
  await expect(page.getByTestId("assumed-role")).toHaveText(VIEWER);
  await expect(panel.getByTestId("role-vs-credentials")).toHaveText("The credentials above carry this role.");
});

test("token mapping: a single group's role comes from cognito:preferred_role", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("identity-pool-role-mapping", "editor@example.com", "Editor-Passw0rd!");
  await expect(page.getByTestId("assumed-role")).toHaveText(EDITOR);
  const panel = page.getByRole("region", { name: "Which role the identity pool chooses" });
  await expect(panel.getByTestId("predicted-role")).toHaveText(EDITOR);
  await expect(panel.getByTestId("role-reason")).toContainText("cognito:preferred_role");
  await expect(panel.getByTestId("role-vs-credentials")).toHaveText("The credentials above carry this role.");
});

test("rules mapping: the rule table shows which claim value kept every rule from matching", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("identity-pool-rules-deny", "sales@example.com", "Sales-Passw0rd!");
  await expect(page.getByTestId("credentials-error")).toContainText("NotAuthorizedException");
  const rules = page.getByRole("table", { name: "Role mapping rules, in order" });
  await expect(rules.getByRole("row")).toHaveCount(4);
  await expect(rules.getByRole("row").nth(1)).toContainText('custom:dept is "sales": Equals "Sales" does not hold');
  await expect(page.getByRole("region", { name: "Which role the identity pool chooses" }).getByTestId("role-reason")).toContainText("None of the 3 rules matches; AmbiguousRoleResolution is Deny: no credentials.");
});
