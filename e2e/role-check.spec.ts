import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { RoleCheckPage } from "./test-support/role-check-page";

const NEEDED = "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/listNotes";

test("seed 001: from the refused IAM cell, the role check names the statement and the ARN it should name", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await calls.runAll();
  const iam = calls.testCall("appsync-http", "iam");
  await expect(iam).toHaveAttribute("data-status", "fail");
  await iam.click();
  await page.getByRole("dialog").getByRole("link", { name: "Check this role against my token" }).click();
  await expect(page).toHaveURL(/\/policy\?call=appsync-http/);

  const check = new RoleCheckPage(page);
  // The sandbox knows the identity pool's role: the check starts from it.
  await expect(page.getByTestId("sandbox-prefill")).toContainText("migrated-app-authenticated-role");
  // The trust holds for this identity: the role was assumed, as CloudTrail showed in the seed.
  await expect(check.trust()).toHaveAttribute("data-decision", "Allow");
  await expect(check.trust()).toContainText("cognito-identity.amazonaws.com:aud");

  const appsync = check.call("appsync-http");
  await expect(appsync).toHaveAttribute("data-decision", "ImplicitDeny");
  await expect(appsync.getByTestId("needed-arn").first()).toHaveText(NEEDED);
  const near = appsync.getByTestId("should-name").first();
  await expect(near).toContainText("API id oldenvapi00000000000000001 where the call needs wrongres000000000000000001");
  await expect(near).toContainText(`It should name ${NEEDED}`);
  await expect(appsync.getByTestId("resource-summary").first()).toContainText('statement "AppSyncGraphQL"');

  // The fix: name this API. The verdict turns with it, and the runtime calls were never the problem.
  await check.setPolicy(1, {
    Version: "2012-10-17",
    Statement: [{ Sid: "AppSyncGraphQL", Effect: "Allow", Action: "appsync:GraphQL", Resource: "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/*" }],
  });
  await expect(appsync).toHaveAttribute("data-decision", "Allow");
});

test("an explicit deny is named as such, and a template's unresolved values leave the call undecided", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-explicit-deny", "deny@example.com", "Deny-Passw0rd!");
  await page.getByRole("link", { name: "Role check" }).click();
  const check = new RoleCheckPage(page);
  await check.setOperation('mutation { createNote(content: "x") { id } }');
  const appsync = check.call("appsync-http");
  await expect(appsync).toHaveAttribute("data-decision", "ExplicitDeny");
  await expect(appsync.getByTestId("resource-summary").first()).toContainText('Explicit deny: policy 1 statement "NoNewNotes"');

  await page.getByText("Import from a CloudFormation template or cdk synth output").click();
  await page.getByLabel("Template", { exact: true }).fill(
    JSON.stringify({
      Resources: {
        AuthRole: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": { Ref: "IdentityPool" } } } }] } } },
        Grant: { Type: "AWS::IAM::Policy", Properties: { Roles: [{ Ref: "AuthRole" }], PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "appsync:GraphQL", Resource: { "Fn::Sub": "arn:aws:appsync:${AWS::Region}:${AWS::AccountId}:apis/${Api.ApiId}/*" } }] } } },
      },
    }),
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("template-unresolved")).toContainText("Ref IdentityPool is not resolved");
  await expect(page.getByTestId("template-unresolved")).toContainText("${Api.ApiId} is not resolved");
  await expect(check.trust()).toHaveAttribute("data-decision", "Undecided");
  await expect(appsync).toHaveAttribute("data-decision", "Undecided");
});
