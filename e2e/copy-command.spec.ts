import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CallsPage } from "./test-support/calls-page";

/**
 * A cell's copied command, pasted into bash against the sandbox, gets the cell's answer: the
 * placeholder form with the variables exported, and the self-contained form the user asks for
 * explicitly. What the page shows (and reports) never holds the credentials.
 */

const PLACEHOLDERS = ["ACCESS_TOKEN", "ID_TOKEN", "API_KEY", "LAMBDA_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

test.describe.configure({ timeout: 120_000 });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

function bash(script: string, env: Record<string, string> = {}): string {
  // No inherited credentials: only what the snippet exports, or what the test passes, is there.
  const clean = { ...process.env };
  for (const name of PLACEHOLDERS) delete clean[name];
  return execFileSync("bash", ["-c", script], { env: { ...clean, ...env }, timeout: 20_000 }).toString();
}

/** The status line curl -i prints first (a streamed reply may follow). */
const httpStatus = (output: string) => /^HTTP\/[\d.]+ (\d{3})/.exec(output)?.[1];

/** The values a snippet's `export NAME='…'` lines set, as bash reads them. */
function exportedValues(snippet: string): Record<string, string> {
  const exports = snippet.split("\n").filter((line) => line.startsWith("export "));
  const printed = bash(`${exports.join("\n")}\nfor v in ${PLACEHOLDERS.join(" ")}; do printf '%s=%s\\0' "$v" "\${!v}"; done`);
  return Object.fromEntries(printed.split("\0").filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]).filter(([, v]) => v !== ""));
}

async function openCell(page: Page, calls: CallsPage, row: string, column: string) {
  await calls.testCall(row, column).click();
  return page.getByRole("dialog");
}

/** Asks for the command with credentials, as a user does: the labelled button, then the warning's confirmation. */
async function copyWithCredentials(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: /with my credentials/i }).click();
  await expect(dialog.getByRole("alert")).toContainText(/credentials/i);
  await dialog.getByRole("button", { name: /^Copy the command with my credentials/i }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Copied" })).toHaveCount(1);
  return page.evaluate(() => navigator.clipboard.readText());
}

async function checkHttpCell(page: Page, calls: CallsPage, row: string, column: string, expected: { status: string; variables: string[] }) {
  const cell = calls.testCall(row, column);
  await expect(cell).toContainText(expected.status);
  const dialog = await openCell(page, calls, row, column);
  const command = (await dialog.getByLabel("Command", { exact: true }).textContent()) ?? "";
  for (const name of expected.variables) expect(command).toContain(`$${name}`);
  expect(command).not.toContain("…redacted…");

  const snippet = await copyWithCredentials(page);
  const values = exportedValues(snippet);
  expect(Object.keys(values).sort()).toEqual([...expected.variables].sort());
  // The page never shows the values; only the clipboard got them.
  const shown = (await page.locator("main").textContent()) ?? "";
  for (const value of Object.values(values)) expect(shown).not.toContain(value);

  expect(httpStatus(bash(snippet)), `${row}|${column}: the snippet with credentials`).toBe(expected.status);
  expect(httpStatus(bash(command, values)), `${row}|${column}: the placeholder command with exported variables`).toBe(expected.status);
  await dialog.getByRole("button", { name: "Close" }).click();
}

test("demo: API key, user-pool and SigV4 commands pasted into bash get the cells' 200", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  await calls.runAll();
  await checkHttpCell(page, calls, "appsync-http", "api-key", { status: "200", variables: ["API_KEY"] });
  await checkHttpCell(page, calls, "appsync-http", "access-token", { status: "200", variables: ["ACCESS_TOKEN"] });
  await checkHttpCell(page, calls, "appsync-http", "id-token", { status: "200", variables: ["ID_TOKEN"] });
  await checkHttpCell(page, calls, "appsync-http", "iam", { status: "200", variables: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] });
  const sigv4 = (await (await openCell(page, calls, "appsync-http", "iam")).getByLabel("Command", { exact: true }).textContent()) ?? "";
  expect(sigv4).toContain('--aws-sigv4 aws:amz:ap-northeast-1:appsync');
  expect(sigv4).toContain('--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"');
  expect(sigv4).toContain('-H "x-amz-security-token: $AWS_SESSION_TOKEN"');
});

test("seed 001: the refused SigV4 call is refused again from bash with the cell's 401", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("appsync-role-wrong-resource", "migrate@example.com", "Migrate-Passw0rd!");
  await calls.runAll();
  await expect(calls.testCall("appsync-http", "iam")).toHaveAttribute("data-status", "fail");
  await checkHttpCell(page, calls, "appsync-http", "iam", { status: "401", variables: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] });
  await checkHttpCell(page, calls, "appsync-http", "access-token", { status: "200", variables: ["ACCESS_TOKEN"] });
});

test("demo: the realtime API-key cell's command subscribes from a shell, its token built there", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  await calls.runAll();
  await expect(calls.testCall("appsync-realtime", "api-key")).toHaveAttribute("data-status", "pass");
  const dialog = await openCell(page, calls, "appsync-realtime", "api-key");
  const command = (await dialog.getByLabel("Command", { exact: true }).textContent()) ?? "";
  // The key is expanded by the shell, then base64url-encoded there: no pre-encoded secret in the text.
  expect(command).toContain('"$API_KEY"');
  expect(command).toContain("base64");
  const values = exportedValues(await copyWithCredentials(page));
  // The `ws` package, as a user gets it with `npm install ws`: here the project's own copy.
  const output = bash(command, { ...values, NODE_PATH: path.resolve("node_modules") });
  expect(output).toContain('"type":"start_ack"');
});

test("demo: the realtime IAM cell's command signs the handshake in node and subscribes from a shell", async ({ page }) => {
  const calls = new CallsPage(page);
  await calls.signInTo("demo", "demo@example.com", "Demo-Passw0rd!");
  await calls.runAll();
  await expect(calls.testCall("appsync-realtime", "iam")).toHaveAttribute("data-status", "pass");
  const dialog = await openCell(page, calls, "appsync-realtime", "iam");
  const command = (await dialog.getByLabel("Command", { exact: true }).textContent()) ?? "";
  expect(command).toContain('AWS_SESSION_TOKEN="$AWS_SESSION_TOKEN" node -e');
  await expect(dialog).toContainText("npm install ws @smithy/signature-v4 @aws-crypto/sha256-js");
  const values = exportedValues(await copyWithCredentials(page));
  expect(Object.keys(values).sort()).toEqual(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);
  // The packages as `npm install` gives them: here the project's own copies.
  const output = bash(command, { ...values, NODE_PATH: path.resolve("node_modules") });
  expect(output).toContain('"type":"start_ack"');
});
