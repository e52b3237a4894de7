import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

/**
 * Invoking an AWS_IAM runtime on behalf of a user (X-Amzn-Bedrock-AgentCore-Runtime-User-Id) and
 * the runtime's own failures, as the test calls show them: named, with a cause and a fix, not as a
 * bare status.
 */

const DEMO = ["demo@example.com", "Demo-Passw0rd!"] as const;

test("agentcore-user-id-permission-missing: plain SigV4 answers, the user-id header gets 403 and names InvokeAgentRuntimeForUser", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-user-id-permission-missing", ...DEMO);
  await calls.runAll({ appSync: false });
  await expect(calls.testCall("agentcore-http", "sigv4")).toHaveAttribute("data-status", "pass");
  const perUser = calls.testCall("agentcore-http", "sigv4-user-id");
  await expect(perUser).toHaveAttribute("data-status", "fail");
  await expect(perUser).toContainText("403");
  await expect(perUser.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "agentcore-invoke-for-user-denied");
  // IAM's sentence for this action has no public capture: the cell must not present it as AWS's.
  await expect(perUser).toContainText("Wording not confirmed");

  await perUser.click();
  const dialog = page.getByRole("dialog");
  const command = (await dialog.getByLabel("Command", { exact: true }).textContent()) ?? "";
  // Signed in node, as the SDK signs: curl before 8.14.0 signs the ARN in the path wrong.
  expect(command).toMatch(/"x-amzn-bedrock-agentcore-runtime-user-id":"[0-9a-f-]{36}"/);
  expect(command).toContain('AWS_SESSION_TOKEN="$AWS_SESSION_TOKEN" node -e');
  await expect(dialog).toContainText("bedrock-agentcore:InvokeAgentRuntimeForUser");
});

test("agentcore-agent-failing: a runtime whose container does not start is named a 424 from the agent, not an auth failure", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-agent-failing", ...DEMO);
  await calls.runAll({ appSync: false });
  const cell = calls.testCall("agentcore-http", "sigv4");
  await expect(cell).toHaveAttribute("data-status", "fail");
  await expect(cell).toContainText("424");
  await expect(cell.getByTestId("cell-diagnosis")).toHaveAttribute("data-diagnosis-id", "agentcore-runtime-client-error");
  await cell.click();
  await expect(page.getByRole("dialog")).toContainText("AgentCore accepted the credentials");
  await expect(page.getByRole("dialog")).toContainText("CloudWatch");
});
