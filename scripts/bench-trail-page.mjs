#!/usr/bin/env node
// CloudTrail file in the browser: how long /cloudtrail takes to read a large export, and whether the
// page stays responsive meanwhile (the file is parsed in a Web Worker). A measurement, not a test:
// run it against a production server (npm start, or node scripts/start.mjs --no-build --port 3300 --sandbox-port 4700).
//
//   node --import tsx scripts/bench-trail-page.mjs [BASE_URL] [--mb 100]
//
// Reports: wall time from choosing the file to the summary, the longest gap between animation
// frames on the page while reading (a blocked page shows gaps of seconds), the page's long tasks,
// and how many progress updates were shown.
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { chromiumForTests, launchArgs } from "../e2e/test-support/browser.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { mb: { type: "string", default: "100" } } });
const base = positionals[0] ?? "http://127.0.0.1:3000";
const { otherRecord, webIdentityRecord } = await import("../lib/cloudtrail/test-support/records.ts");

async function generate(file, bytes) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((r) => out.once("drain", r)));
  let size = 0;
  let i = 0;
  await write('{"Records":[\n');
  while (size < bytes) {
    const time = new Date(Date.UTC(2026, 10, 24) + i * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const text = `${i ? ",\n" : ""}${JSON.stringify(i % 10 === 0 ? webIdentityRecord({ time }) : otherRecord(time), null, 2)}`;
    size += text.length;
    await write(text);
    i++;
  }
  await write("\n]}\n");
  await new Promise((r) => out.end(r));
}

const dir = mkdtempSync(join(tmpdir(), "bench-trail-page-"));
// The same Chromium the e2e tests use (e2e/test-support/browser.ts), whatever the machine has.
const found = chromiumForTests();
const browser = await chromium.launch({
  executablePath: found.executablePath,
  args: launchArgs(process.getuid?.() === 0),
  ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
});
try {
  const file = join(dir, "trail.json");
  await generate(file, Number(values.mb) * 1024 * 1024);
  const page = await browser.newPage();
  await page.goto(new URL("/cloudtrail", base).toString());
  await page.getByRole("tab", { name: "Load a file" }).click();
  await page.evaluate(() => {
    const w = window;
    w.bench = { maxGap: 0, frames: 0, tasks: [], progress: new Set(), lastProgressAt: 0, doneAt: null, running: true };
    let last = performance.now();
    const frame = (now) => {
      // Gaps until the result is on screen (taking it over from the worker included).
      if (w.bench.doneAt === null) w.bench.maxGap = Math.max(w.bench.maxGap, now - last);
      w.bench.frames++;
      last = now;
      if (w.bench.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) w.bench.tasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: "longtask" });
    new MutationObserver(() => {
      const status = document.querySelector('[role="status"]');
      if (status?.textContent?.includes(" MB of ")) {
        w.bench.progress.add(status.textContent);
        w.bench.lastProgressAt = performance.now();
      }
      if (w.bench.doneAt === null && document.querySelector('[data-file-status="done"]')) w.bench.doneAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const t0 = performance.now();
  await page.locator('input[type="file"]').setInputFiles(file);
  const done = page.locator('[data-file-status="done"]');
  await done.waitFor({ timeout: 120_000 });
  const wall = performance.now() - t0;
  const bench = await page.evaluate(() => {
    const b = window.bench;
    b.running = false;
    // Tasks that began before the last progress update belong to reading; later ones to taking
    // the result from the worker and rendering it.
    const reading = b.tasks.filter((t) => t.start < b.lastProgressAt);
    const after = b.tasks.filter((t) => t.start >= b.lastProgressAt);
    const sum = (tasks) => tasks.reduce((ms, t) => ms + t.duration, 0);
    return { maxGap: b.maxGap, frames: b.frames, progress: b.progress.size, reading: [reading.length, sum(reading)], after: [after.length, sum(after)] };
  });
  const summary = (await done.textContent()).trim();
  console.log(`${(statSync(file).size / 1048576).toFixed(1)} MB read on /cloudtrail in ${(wall / 1000).toFixed(2)} s`);
  console.log(`  longest frame gap before the result showed ${bench.maxGap.toFixed(0)} ms`);
  console.log(`  while reading: ${bench.reading[0]} long task(s) (${bench.reading[1].toFixed(0)} ms); ${bench.progress} progress updates`);
  console.log(`  taking the result from the worker and showing it: ${bench.after[0]} long task(s) (${bench.after[1].toFixed(0)} ms)`);
  console.log(`  ${summary.slice(0, 160)}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
