import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnose } from "../../lib/diagnosis/engine";
import type { LogScanResult } from "../../lib/diagnosis/log-scan";
import { sampleLog, SAMPLE_JWT_SIGNATURE } from "../../lib/diagnosis/test-support/log-sample";
import { runCli } from "../test-support";

/** `diagnose --log` in-process: a whole log in, each distinct failure out once. */

const cli = (args: string[], stdin = "", stdinIsTTY = false) => runCli(args, { stdin, stdinIsTTY });

const dir = mkdtempSync(join(tmpdir(), "diagnose-log-"));
const sample = sampleLog({ bytes: 128 * 1024, failures: 12, seed: 3 });
const logPath = join(dir, "app.log");
writeFileSync(logPath, sample.text);

/** Each planted failure's rule (as the engine sees its entry) and the lines it was written on. */
const expected = new Map<string, number[]>();
for (const p of sample.planted) {
  const id = diagnose(p.entry)[0]?.id;
  if (id) expected.set(id, [...(expected.get(id) ?? []), p.line]);
}

describe("auth-flow-debugger diagnose --log", () => {
  it("lists each distinct failure once with its lines, fix link and a redacted first line", async () => {
    const out = await cli(["diagnose", "--log", logPath]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^${logPath.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: [\\d,]+ lines, 1\\d\\d KB`));
    for (const [id, lines] of expected) {
      expect(out.stdout.split(`fix: /diagnose#${id} `).length - 1).toBe(1);
      expect(out.stdout).toContain(`seen ${lines.length === 1 ? "once on line" : `${lines.length} times on lines`} ${lines.map((l) => l.toLocaleString("en-US")).join(", ")}\n`);
    }
    expect(out.stdout).toContain("Not recognised:");
    expect(out.stdout).toContain("ConditionalCheckFailedException: The conditional request failed (Request ID: <id>)");
    expect(out.stdout).not.toContain(SAMPLE_JWT_SIGNATURE);
  });

  it("shows the first lines and how many more when a failure repeats", async () => {
    const path = join(dir, "repeats.log");
    writeFileSync(path, Array.from({ length: 12 }, (_, i) => `2025-02-24T14:15:${String(i).padStart(2, "0")}Z ERROR botocore.exceptions.NoCredentialsError: Unable to locate credentials`).join("\n"));
    const out = await cli(["diagnose", "--log", path]);
    expect(out.stdout).toContain("seen 12 times on lines 1, 2, 3, 4, 5, 6, 7, 8 +4 more (last 12)");
  });

  it("prints the scan as JSON, reading the log from stdin with -", async () => {
    const out = await cli(["diagnose", "--log", "-", "--json"], sample.text);
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as LogScanResult;
    expect(result.known.map((k) => k.id).sort()).toEqual([...expected.keys()].sort());
    for (const k of result.known) expect(k.lines).toEqual(expected.get(k.id));
    expect(Object.keys(result)).toEqual(["bytes", "lines", "entries", "examined", "known", "unrecognised", "unlisted"]);
  });

  it("says so when the log holds no failure", async () => {
    const out = await cli(["diagnose", "--log", "-"], "2025-02-24T14:15:12Z INFO all good\n2025-02-24T14:15:13Z INFO still good\n");
    expect(out).toMatchObject({ code: 0, stdout: expect.stringContaining("No failure found") });
  });

  it("exits 2 with a clear message for a bad file or bad flags", async () => {
    expect(await cli(["diagnose", "--log", join(dir, "missing.log")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/missing\.log: no such file/) });
    expect(await cli(["diagnose", "--log", dir])).toMatchObject({ code: 2, stderr: expect.stringMatching(/is a directory/) });
    const big = join(dir, "big.log");
    writeFileSync(big, "");
    truncateSync(big, 12 * 1024 * 1024);
    expect(await cli(["diagnose", "--log", big])).toMatchObject({ code: 2, stderr: expect.stringMatching(/This log is 12\.0 MB \(12,582,912 bytes\); logs up to 10 MB/) });
    expect(await cli(["diagnose", "--log", "-"], "  \n")).toMatchObject({ code: 2, stderr: expect.stringMatching(/the log is empty/) });
    expect(await cli(["diagnose", "--log", "-"], "", true)).toMatchObject({ code: 2, stderr: expect.stringMatching(/nothing is piped in/) });
    expect(await cli(["diagnose", "some text", "--log", logPath])).toMatchObject({ code: 2, stderr: expect.stringMatching(/give no TEXT/) });
    expect(await cli(["diagnose", "--log", logPath, "--status", "401"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--status describes one failure/) });
  });

  it("is in the usage", async () => {
    expect((await cli(["help", "diagnose"])).stdout).toContain("auth-flow-debugger diagnose --log FILE|-");
  });
});
