import { expect, test } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

const DEMO = ["demo@example.com", "Demo-Passw0rd!"] as const;

test("agentcore-jwt: the access token streams a reply over HTTP and WebSocket; the ID token and SigV4 are refused with AgentCore's words", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-jwt", ...DEMO);
  await calls.runAll({ appSync: false });
  await expect(calls.testCall("agentcore-http", "access-token")).toHaveAttribute("data-status", "pass");
  await expect(page.getByTestId("reply-agentcore-http|access-token")).toContainText("Echo: Hello from Auth Flow Debugger");
  await expect(calls.testCall("agentcore-http", "id-token")).toContainText("Claim 'client_id' value mismatch with configuration.");
  await expect(calls.testCall("agentcore-http", "sigv4")).toContainText("Authorization method mismatch");
  // AgentCore's own words, seen in public captures: no "not confirmed" label on them.
  await expect(calls.testCall("agentcore-http", "sigv4")).not.toContainText("Wording not confirmed");
  await expect(calls.testCall("agentcore-ws", "access-token")).toHaveAttribute("data-status", "pass");
  await expect(page.getByTestId("reply-agentcore-ws|access-token")).toContainText("Echo");
  await expect(calls.testCall("agentcore-ws", "bearer-header")).toHaveAttribute("data-status", "blocked");
  // Browsers hide why an upgrade is refused; the server repeats it and reports AgentCore's answer.
  await expect(calls.testCall("agentcore-ws", "sigv4")).toHaveAttribute("data-status", "fail");
  await expect(calls.testCall("agentcore-ws", "sigv4")).toContainText("Authorization method mismatch");

  // The gateway sends no CORS headers: blocked in the browser, answered through the relay.
  const gateway = calls.testCall("gateway-mcp", "access-token");
  await expect(gateway).toHaveAttribute("data-status", "blocked");
  await gateway.click();
  await page.getByRole("button", { name: "Re-run through the relay" }).click();
  await expect(gateway).toHaveAttribute("data-status", "pass");
  await expect(gateway).toContainText("relay");
});

test("agentcore-iam: SigV4 works over HTTP and as a presigned WebSocket URL; JWT callers get the method mismatch", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-iam", ...DEMO);
  await calls.runAll({ appSync: false });
  await expect(calls.testCall("agentcore-http", "sigv4")).toHaveAttribute("data-status", "pass");
  await expect(calls.testCall("agentcore-ws", "sigv4")).toHaveAttribute("data-status", "pass");
  const jwt = calls.testCall("agentcore-http", "access-token");
  await expect(jwt).toHaveAttribute("data-status", "fail");
  await expect(jwt).toContainText("403");
  await expect(jwt).toContainText("Authorization method mismatch");
});

test("agentcore-ws-permission-missing: HTTP invoke works, the WebSocket stream is denied", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-ws-permission-missing", ...DEMO);
  await calls.runAll({ appSync: false });
  await expect(calls.testCall("agentcore-http", "sigv4")).toHaveAttribute("data-status", "pass");
  const ws = calls.testCall("agentcore-ws", "sigv4");
  await expect(ws).toHaveAttribute("data-status", "fail");
  await expect(ws).toContainText("AccessDenied");
});

test("agentcore-audience-misconfigured: every access token fails on aud", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-audience-misconfigured", ...DEMO);
  await calls.runAll({ appSync: false });
  await expect(calls.testCall("agentcore-http", "access-token")).toContainText("Claim 'aud' value mismatch with configuration.");
  await expect(calls.testCall("agentcore-http", "id-token")).toHaveAttribute("data-status", "fail");
});
