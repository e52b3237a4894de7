import type { CliIo } from "./io";
import { run } from "./run";

/** The CLI run in-process, as the tests drive it: its exit code and everything it printed. */
export async function runCli(args: string[], options: { stdin?: string; stdinIsTTY?: boolean; nowMs?: number; env?: Record<string, string> } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? "",
    stdinIsTTY: options.stdinIsTTY ?? false,
    now: () => options.nowMs ?? 0,
    ...(options.env ? { env: options.env } : {}),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
