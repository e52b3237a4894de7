import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { otherRecord, webIdentityRecord } from "../lib/cloudtrail/test-support/records";

/** A trail log of about `mb` MB, one record in ten an AssumeRoleWithWebIdentity, as S3 holds it. */
function trailFile(path: string, mb: number): { records: number; matches: number } {
  const parts: string[] = [];
  let size = 0;
  let matches = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const time = new Date(Date.UTC(2026, 10, 24) + i * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const web = i % 10 === 0;
    if (web) matches++;
    const text = JSON.stringify(web ? webIdentityRecord({ time }) : otherRecord(time), null, 2);
    parts.push(text);
    size += text.length;
  }
  writeFileSync(path, `{"Records":[${parts.join(",\n")}]}`);
  return { records: parts.length, matches };
}

test("a CloudTrail file is read in a worker, with progress, and its records are all counted", async ({ page }, testInfo) => {
  const path = testInfo.outputPath("trail.json");
  const { records, matches } = trailFile(path, 8);
  await page.goto("/cloudtrail");
  await page.getByRole("tab", { name: "Load a file" }).click();
  // Progress lines replace each other quickly: keep every one the page shows.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="status"]')) seen.push(el.textContent ?? "");
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('input[type="file"]').setInputFiles(path);

  const done = page.locator('[data-file-status="done"]');
  await expect(done).toContainText(`${records} records`);
  await expect(done).toContainText(`${matches} AssumeRoleWithWebIdentity, 0 malformed`);
  await expect(done).not.toContainText("read on the page");
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((text) => /Reading trail\.json in a worker: [0-9.]+ MB of 8\.\d MB, \d+ records/.test(text))).toBe(true);

  // Each event's record as CloudTrail wrote it is still there to read.
  const row = page.getByRole("table", { name: "CloudTrail events" }).locator("tr[data-event-id]").first();
  const eventId = await row.getAttribute("data-event-id");
  await row.getByText("raw JSON").click();
  await expect(row.locator("pre")).toContainText(`"eventID": "${eventId}"`);
  await expect(row.locator("pre")).toContainText('"eventName": "AssumeRoleWithWebIdentity"');
});
