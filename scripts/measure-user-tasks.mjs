#!/usr/bin/env node
// The three users' tasks, walked in headless Chromium against a running production server and
// its sandbox, timed from the first page load to the answer on screen. A measurement, not a test:
// what a person adds is reading and typing time, so each task also counts the actions it took
// (clicks, fills, key presses) — the part of a person's time the product decides.
//   node --import tsx scripts/measure-user-tasks.mjs [BASE_URL] [SANDBOX_URL] [RUNS]
// e.g. after `node scripts/start.mjs --no-build --port 3300 --sandbox-port 4700`:
//   npm run measure:tasks -- http://127.0.0.1:3300 http://127.0.0.1:4700
import { chromium, expect } from "@playwright/test";
import { chromiumForTests, launchArgs } from "../e2e/test-support/browser.ts";
import { shareLink } from "../lib/share/share-link.ts";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const sandbox = process.argv[3] ?? "http://127.0.0.1:4577";
const runs = Number(process.argv[4] ?? 3);

// Seed 001 (sandbox/scenarios/appsync-role-wrong-resource.json) and the demo pool's app client.
const SEED_001 = { environment: "sandbox-appsync-role-wrong-resource", email: "migrate@example.com", password: "Migrate-Passw0rd!" };
const DEMO = { clientId: "tuxqnxeeb1fx6m6nyyzpcmtoky", email: "demo@example.com", password: "Demo-Passw0rd!" };
const TIMEOUT = { timeout: 60_000 };

const found = chromiumForTests();
const browser = await chromium.launch({
  executablePath: found.executablePath,
  args: launchArgs(process.getuid?.() === 0),
  ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
});

/** Counts what the user does, so a faster machine cannot hide a longer walk. */
function actions(page) {
  let count = 0;
  const act = (fn) => async (...args) => {
    count++;
    return fn(...args);
  };
  return {
    click: act((locator) => locator.click()),
    fill: act((locator, value) => locator.fill(value)),
    select: act((locator, value) => locator.selectOption(value)),
    goto: act((url) => page.goto(new URL(url, base).toString())),
    get count() {
      return count;
    },
  };
}

async function signIn(page, user, act) {
  await act.fill(page.getByLabel("Email"), user.email);
  await act.fill(page.getByLabel("Password", { exact: true }), user.password);
  await act.click(page.getByRole("button", { name: "Sign in", exact: true }));
  await page.getByTestId("signed-in-user").waitFor(TIMEOUT);
}

/** Developer: seed 001's "Unauthorized" — open the tool, sign in, Run all, read the IAM cell's cause. */
async function developer(page, act) {
  const started = Date.now();
  await act.goto("/");
  await act.select(page.getByRole("combobox", { name: "Active environment" }), SEED_001.environment);
  await signIn(page, SEED_001, act);
  await act.click(page.getByRole("link", { name: "Test calls" }));
  // Introspection fills in the example query before a run makes sense.
  await expect(page.getByLabel("GraphQL query")).toHaveValue(/listNotes/, TIMEOUT);
  const runAt = Date.now();
  await act.click(page.getByRole("button", { name: "Run all" }));
  const cause = page.locator('[data-cell="appsync-http|iam"] [data-testid="cell-diagnosis"]');
  await cause.waitFor(TIMEOUT);
  const done = Date.now();
  return { totalMs: done - started, afterRunAllMs: done - runAt, answer: (await cause.textContent())?.trim() };
}

/** Support: a token a customer pasted — open Tokens, paste, read the status strip's verdicts. */
async function support(page, act, token) {
  const started = Date.now();
  await act.goto("/tokens");
  await act.fill(page.getByLabel("Token or request"), token);
  const strip = page.getByRole("region", { name: /^Status of the access token/ });
  await strip.getByTestId("strip-signature").filter({ hasText: /signature (verified|failed|not verified)/ }).waitFor(TIMEOUT);
  await strip.locator("[data-consumer][data-verdict]").first().waitFor(TIMEOUT);
  const done = Date.now();
  const verdicts = await strip.locator("[data-consumer]").evaluateAll((items) => items.map((i) => `${i.getAttribute("data-consumer")} ${i.getAttribute("data-verdict")}`));
  return { totalMs: done - started, answer: `${await strip.getByTestId("strip-signature").textContent()}; ${verdicts.join(", ")}` };
}

/** Customer's engineer: a colleague's share link — add the environment, sign in, Run all, export the report. */
async function customer(page, act, link) {
  const started = Date.now();
  await act.goto(link);
  const offer = page.getByRole("region", { name: "Shared environment" });
  await act.click(offer.getByRole("button", { name: "Add this environment" }));
  await act.click(page.getByRole("link", { name: "Session" }));
  await signIn(page, SEED_001, act);
  await act.click(page.getByRole("link", { name: "Test calls" }));
  await expect(page.getByLabel("GraphQL query")).toHaveValue(/listNotes/, TIMEOUT);
  await act.click(page.getByRole("button", { name: "Run all" }));
  await page.getByTestId("wall-time").waitFor(TIMEOUT);
  const [download] = await Promise.all([page.waitForEvent("download", TIMEOUT), act.click(page.getByRole("button", { name: "Markdown", exact: true }))]);
  const done = Date.now();
  return { totalMs: done - started, answer: `report ${download.suggestedFilename()}` };
}

async function sandboxAccessToken() {
  const response = await fetch(`${sandbox}/`, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth" },
    body: JSON.stringify({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: DEMO.clientId, AuthParameters: { USERNAME: DEMO.email, PASSWORD: DEMO.password } }),
  });
  if (!response.ok) throw new Error(`the sandbox at ${sandbox} did not sign the demo user in: ${response.status}`);
  return (await response.json()).AuthenticationResult.AccessToken;
}

async function seedEnvironment() {
  const response = await fetch(`${base}/api/presets`);
  if (!response.ok) throw new Error(`${base}/api/presets answered ${response.status}`);
  const body = await response.json();
  const environment = (body.environments ?? []).find((e) => e.id === SEED_001.environment);
  if (!environment) throw new Error(`${base} offers no ${SEED_001.environment} environment: is it running with its sandbox?`);
  return { ...environment, id: "customer-seed-001", name: "Customer account (seed 001)" };
}

async function timed(name, task) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const act = actions(page);
    samples.push({ ...(await task(page, act)), actions: act.count });
    await context.close();
  }
  samples.sort((a, b) => a.totalMs - b.totalMs);
  const median = samples[Math.floor(samples.length / 2)];
  const extra = median.afterRunAllMs !== undefined ? `, ${(median.afterRunAllMs / 1000).toFixed(1)} s after Run all` : "";
  console.log(
    `${name.padEnd(10)} ${(median.totalMs / 1000).toFixed(1)} s median (min ${(samples[0].totalMs / 1000).toFixed(1)}, max ${(samples.at(-1).totalMs / 1000).toFixed(1)}, ${runs} runs)${extra}; ${median.actions} actions — ${median.answer}`,
  );
}

const token = await sandboxAccessToken();
const link = shareLink(base, await seedEnvironment(), { includeApiKeys: true });
await timed("developer", developer);
await timed("support", (page, act) => support(page, act, token));
await timed("customer", (page, act) => customer(page, act, link));
await browser.close();
