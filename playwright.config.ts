import { defineConfig, devices } from "@playwright/test";
import { chromiumForTests, launchArgs } from "./e2e/test-support/browser";
import { APP_PORT, APP_URL, SANDBOX_PORT, SPARE_SANDBOX_URL } from "./e2e/test-support/ports";

// One production build, one server pair for the whole run; ports apart from `npm start`'s so a
// running dashboard is never mistaken for the one under test (E2E_APP_PORT / E2E_SANDBOX_PORT
// move them, so two checkouts on one machine can each run their suite).
// The browser comes with `npm ci` (@sparticuz/chromium) rather than Playwright's download;
// e2e/test-support/browser.ts says which one is used, in what order, and E2E_CHROMIUM overrides it.
const chromium = chromiumForTests();

export default defineConfig({
  testDir: "e2e",
  // Browser tests only; e2e/**/*.test.ts are unit tests of the test support (Vitest).
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromium.executablePath,
      args: launchArgs(process.getuid?.() === 0),
      ...(chromium.env ? { env: { ...process.env, ...chromium.env } } : {}),
    },
  },
  webServer: {
    command: `node scripts/start.mjs --no-build --port ${APP_PORT} --sandbox-port ${SANDBOX_PORT}`,
    url: `${APP_URL}/api/presets`,
    // The pages may also call the spare sandbox the resilience specs start and kill themselves, as
    // a deployment lists any non-AWS endpoint its users need.
    env: { AUTH_DEBUGGER_CONNECT_SRC: SPARE_SANDBOX_URL },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
