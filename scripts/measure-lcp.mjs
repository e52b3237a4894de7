#!/usr/bin/env node
// Largest Contentful Paint of the dashboard's pages in headless Chromium, cold cache each time,
// read from the browser's own PerformanceObserver. A measurement, not a test: run it against a
// production server (npm start, or node scripts/start.mjs --no-build --port 3300 --sandbox-port 4700).
//   node scripts/measure-lcp.mjs [BASE_URL] [RUNS]
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const runs = Number(process.argv[3] ?? 5);
const browser = await chromium.launch(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] } : {});

async function lcpOf(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(path, base).toString(), { waitUntil: "load" });
  // Wait for the page's own content (the environments load after hydration), then read LCP.
  await page.waitForTimeout(800);
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]?.startTime ?? NaN);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  await context.close();
  return lcp;
}

for (const path of ["/", "/tokens", "/calls", "/diagnose"]) {
  const values = [];
  for (let i = 0; i < runs; i++) values.push(await lcpOf(path));
  values.sort((a, b) => a - b);
  console.log(`${path.padEnd(10)} LCP median ${values[Math.floor(values.length / 2)].toFixed(0)} ms (min ${values[0].toFixed(0)}, max ${values[values.length - 1].toFixed(0)}, ${runs} cold loads)`);
}
await browser.close();
