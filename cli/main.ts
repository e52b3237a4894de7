import { run } from "./run";

/**
 * Entry point (bin/auth-flow-debugger.mjs imports this through tsx). Everything testable lives
 * in run.ts; this file only wires it to the real process.
 */

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  now: Date.now,
  env: process.env,
});
