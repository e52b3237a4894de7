import { expect, test, type APIRequestContext } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";
import { DEMO_USER } from "./test-support/session-page";
import { SANDBOX_PORT, SANDBOX_URL } from "./test-support/ports";

const FAULTS = `${SANDBOX_URL}/_sandbox/faults`;
const ENDPOINT = `127.0.0.1:${SANDBOX_PORT}`;
const REASON = "sandbox fault: stream dropped";

const setFaults = async (request: APIRequestContext, settings: Record<string, number | string>) =>
  expect((await request.post(FAULTS, { data: settings })).ok()).toBe(true);
test.afterEach(({ request }) => setFaults(request, { dropWebSocketAfterFrames: 0, closeCode: 1011, closeReason: REASON }));

test("an AppSync subscription dropped after start_ack: the cell gives the close code and reason and keeps the frames received", async ({ page, request }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", DEMO_USER.email, DEMO_USER.password);
  // connection_ack, ka, start_ack — then the server closes before any data.
  await setFaults(request, { dropWebSocketAfterFrames: 3, closeCode: 1011, closeReason: REASON });
  await calls.runAll();
  const testCall = calls.testCall("appsync-realtime", "api-key");
  await expect(testCall).toHaveAttribute("data-status", "error");
  await expect(testCall).toContainText(`${ENDPOINT} closed the connection (1011 ${REASON}) after reaching start_ack`);
  await testCall.click();
  const response = page.getByRole("dialog").getByLabel("Response", { exact: true });
  await expect(response).toContainText('"type":"connection_ack"');
  await expect(response).toContainText('"type":"start_ack"');
  await expect(response).toContainText(`(closed 1011 ${REASON})`);
  // HTTP calls are not WebSockets: untouched.
  await expect(calls.testCall("appsync-http", "api-key")).toHaveAttribute("data-status", "pass");
});

test("an AgentCore stream dropped mid-reply, with a close frame and without one: the partial reply stays", async ({ page, request }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("agentcore-jwt", DEMO_USER.email, DEMO_USER.password);
  const testCall = calls.testCall("agentcore-ws", "access-token");
  const reply = page.getByTestId("reply-agentcore-ws|access-token");

  // The echo agent answers "Echo: ", "Hello ", "from ", …: three frames, then the server closes.
  await setFaults(request, { dropWebSocketAfterFrames: 3, closeCode: 1011, closeReason: REASON });
  await calls.runAll({ appSync: false });
  await expect(testCall).toHaveAttribute("data-status", "error");
  await expect(testCall).toContainText(`${ENDPOINT} closed the socket (1011 ${REASON}) after 3 frame(s)`);
  await expect(reply).toHaveText("Echo: Hello from ");
  await testCall.click();
  const response = page.getByRole("dialog").getByLabel("Response", { exact: true });
  await expect(response).toContainText('{"chunk":"from "}');
  await expect(response).toContainText(`(closed 1011 ${REASON})`);
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  // 1006: the connection just goes (a crash, a cut network); the browser gets no code or reason.
  await setFaults(request, { dropWebSocketAfterFrames: 2, closeCode: 1006 });
  await page.getByRole("button", { name: "Run all" }).click();
  await expect(testCall).toHaveAttribute("data-status", "error");
  await expect(testCall).toContainText(`The connection to ${ENDPOINT} closed abnormally (1006) — no close frame — after 2 frame(s)`);
  await expect(reply).toHaveText("Echo: Hello ");
  // The HTTP stream of the same agent is not a WebSocket: it still gets the whole reply.
  await expect(calls.testCall("agentcore-http", "access-token")).toHaveAttribute("data-status", "pass");
});
