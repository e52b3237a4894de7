#!/usr/bin/env node
// Largest Contentful Paint of the dashboard's pages in headless Chromium, cold cache each time,
// read from the browser's own PerformanceObserver. A measurement, not a test: run it against a
// production server (npm start, or node scripts/start.mjs --no-build --port 3300 --sandbox-port 4700).
//   node scripts/measure-lcp.mjs [BASE_URL] [RUNS]
import { chromium } from "@playwright/test";
import { chromiumForTests, launchArgs } from "../e2e/test-support/browser.ts";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const runs = Number(process.argv[3] ?? 5);
// The same Chromium the e2e tests use (e2e/test-support/browser.ts), whatever the machine has.
const found = chromiumForTests();
const browser = await chromium.launch({
  executablePath: found.executablePath,
  args: launchArgs(process.getuid?.() === 0),
  ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
});

// What each page finally shows a signed-out visitor. LCP is read only once it is on screen, so a
// late, larger element (the Authenticator) would count against the page rather than be missed.
const PAGES = {
  "/": (page) => page.getByRole("button", { name: "Sign in", exact: true }),
  "/tokens": (page) => page.getByRole("textbox", { name: "Token or request" }),
  "/calls": (page) => page.getByRole("button", { name: "Run all" }),
  "/diagnose": (page) => page.getByRole("heading", { name: /Every known failure/ }),
};

async function lcpOf(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(path, base).toString(), { waitUntil: "load" });
  await PAGES[path](page).waitFor({ state: "visible", timeout: 15_000 });
  // Roughly when the page became usable (Playwright polls, so within a frame or two).
  const usable = await page.evaluate(() => performance.now());
  // One more frame so the final paint has been reported.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1);
          const element = last?.element;
          resolve({
            time: last?.startTime ?? NaN,
            element: element ? `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 40)}"` : "?",
          });
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  await context.close();
  return { ...lcp, usable };
}

for (const path of Object.keys(PAGES)) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await lcpOf(path));
  samples.sort((a, b) => a.time - b.time);
  const median = samples[Math.floor(samples.length / 2)];
  const usable = samples.map((s) => s.usable).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  console.log(
    `${path.padEnd(10)} LCP median ${median.time.toFixed(0)} ms (min ${samples[0].time.toFixed(0)}, max ${samples.at(-1).time.toFixed(0)}, ${runs} cold loads) — ${median.element}; usable at ${usable.toFixed(0)} ms`,
  );
}
await browser.close();
