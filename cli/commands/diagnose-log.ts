import { readFile, stat } from "node:fs/promises";
import { AppError } from "../../lib/errors";
import { checkLogSize, formatBytes, scanLog, utf8Bytes, type LogScanResult } from "../../lib/diagnosis/log-scan";
import { UsageError, type CliIo } from "../io";

/**
 * `diagnose --log FILE` (or `--log -` for stdin): every distinct failure in a whole log, once
 * each, with the lines it was seen on and the link to its fix.
 */

/** Line numbers printed per failure before "+N more"; --json has them all (up to the scan's cap). */
const LINES_SHOWN = 8;

export async function readLog(path: string, io: CliIo): Promise<{ name: string; text: string }> {
  if (path === "-") {
    if (io.stdinIsTTY) throw new UsageError("--log -: nothing is piped in. Pipe the log in, or give its path.");
    const text = await io.readStdin();
    sizeOrUsage(utf8Bytes(text), "stdin");
    return { name: "stdin", text };
  }
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`--log ${path}: is a directory, not a log file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--log ${path}: no such file.`);
  }
  // The size is checked before reading: a 2 GB file is refused, not loaded.
  sizeOrUsage(size, path);
  try {
    return { name: path, text: await readFile(path, "utf8") };
  } catch (error) {
    throw new UsageError(`--log ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

function sizeOrUsage(bytes: number, name: string): void {
  try {
    checkLogSize(bytes);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`--log ${name}: ${error.message}`);
    throw error;
  }
}

export function scanOrUsage(text: string, name: string, service: string | undefined): LogScanResult {
  if (text.trim() === "") throw new UsageError(`--log ${name}: the log is empty.`);
  try {
    return scanLog(text, service ? { service } : {});
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith("too-large:")) throw new UsageError(`--log ${name}: ${error.message}`);
    throw error;
  }
}

const n = (x: number) => x.toLocaleString("en-US");

function seen(group: { count: number; lines: readonly number[]; firstLine: number; lastLine: number }): string {
  const shown = group.lines.slice(0, LINES_SHOWN).map(n).join(", ");
  const more = group.count - Math.min(group.count, LINES_SHOWN);
  const times = group.count === 1 ? "once" : `${n(group.count)} times`;
  const where = group.count === 1 ? `on line ${shown}` : `on lines ${shown}${more > 0 ? ` +${n(more)} more (last ${n(group.lastLine)})` : ""}`;
  return `   seen ${times} ${where}`;
}

export function renderLogScan(name: string, r: LogScanResult): string {
  const lines = [`${name}: ${n(r.lines)} lines, ${formatBytes(r.bytes)}; ${n(r.entries)} entries, ${n(r.examined)} looked at.`];
  if (r.known.length === 0 && r.unrecognised.length === 0 && r.unlisted.entries === 0) {
    lines.push("", "No failure found: no known cause matches, and no line looks like an error.");
    return `${lines.join("\n")}\n`;
  }
  lines.push("", r.known.length === 0 ? "No known failure in this log." : r.known.length === 1 ? "1 known failure:" : `${r.known.length} known failures, each listed once (in order of first appearance):`);
  r.known.forEach((k, i) => {
    lines.push("", `${i + 1}. ${k.title}`, seen(k), `   fix: ${k.link}   id: ${k.id}`, `   first: ${k.excerpt}`);
  });
  if (r.unrecognised.length > 0) {
    lines.push("", `Not recognised: ${r.unrecognised.length === 1 ? "1 failure" : `${r.unrecognised.length} failures`} no known cause fits (ids, times and numbers stripped):`);
    r.unrecognised.forEach((u, i) => {
      lines.push("", `${i + 1}. ${u.message}`, seen(u), `   first: ${u.excerpt}`);
    });
  }
  if (r.unlisted.entries > 0) lines.push("", `…and ${n(r.unlisted.entries)} more not-recognised lines in ${n(r.unlisted.groups)} other messages (not listed).`);
  return `${lines.join("\n")}\n`;
}
