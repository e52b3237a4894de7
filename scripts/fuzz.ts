// npm run fuzz: 100,000 generated inputs per parser of outside input (token decoder,
// amplify_outputs importer, share links, CloudTrail parser, diagnosis engine, the sandbox's
// scenario loader), each parser in a watched worker thread. Exits 1 when any input makes a parser
// throw anything but its own typed error, or runs past the per-input deadline (a hang), and says
// how to replay that one input.
//
//   npm run fuzz -- [--runs N] [--seed S] [--deadline-ms MS] [--target NAME]
//   npm run fuzz -- --target NAME --seed S --replay-index N     (one input, printed in full)
import { parseArgs } from "node:util";
import { DEFAULT_DEADLINE_MS, FuzzSession } from "../tools/fuzz/harness";
import { regenerateInput } from "../tools/fuzz/replay";
import { FUZZ_TARGETS } from "./fuzz-targets";
import { problemLines, showInput, summaryLine } from "../tools/fuzz/verdict-text";

/** A mistake on the command line: said plainly, with no stack, and exit code 2 (1 means a parser failed). */
function usage(problem: string): never {
  console.error(`fuzz: ${problem}\nusage: npm run fuzz -- [--runs N] [--seed S] [--deadline-ms MS] [--target NAME] [--replay-index N]`);
  process.exit(2);
}

function readFlags() {
  try {
    return parseArgs({
      options: {
        runs: { type: "string", default: "100000" },
        seed: { type: "string" },
        "deadline-ms": { type: "string", default: String(DEFAULT_DEADLINE_MS) },
        target: { type: "string" },
        "replay-index": { type: "string" },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
}

function integer(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < min || value > max) usage(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

const flags = readFlags();

// Seeds are 32-bit: that is what fast-check seeds its generator with and what a worker publishes.
const seed = flags.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : integer("seed", flags.seed, -(2 ** 31), 2 ** 31 - 1);
const deadlineMs = integer("deadline-ms", flags["deadline-ms"], 1);
const replayIndex = flags["replay-index"] === undefined ? undefined : integer("replay-index", flags["replay-index"], 0, 2 ** 31 - 2);
const targets = flags.target === undefined ? FUZZ_TARGETS : FUZZ_TARGETS.filter((t) => t.name === flags.target);
if (targets.length === 0) usage(`no fuzz target named ${JSON.stringify(flags.target)}; there are: ${FUZZ_TARGETS.map((t) => `'${t.name}'`).join(", ")}`);
if (replayIndex !== undefined && (flags.target === undefined || flags.seed === undefined)) usage("--replay-index needs --target and --seed: an index means nothing without them");

const session = new FuzzSession({ deadlineMs, module: new URL("./fuzz-targets.ts", import.meta.url) });
let problems = 0;
const started = performance.now();

if (replayIndex !== undefined) {
  const target = targets[0]!;
  console.log(`fuzz replay: ${target.name}, seed ${seed}, run index ${replayIndex}, deadline ${deadlineMs} ms`);
  console.log(`input ${showInput(regenerateInput(target, seed, replayIndex), 20_000)}`);
  const verdict = await session.run({ target: target.name, seed, from: replayIndex, runs: 1 });
  const lines = problemLines(verdict);
  problems += lines.length;
  if (verdict.kind === "finished" && lines.length === 0) console.log(verdict.report.accepted === 1 ? "accepted" : "refused with its typed error");
  for (const line of lines) console.log(line);
} else {
  const runs = integer("runs", flags.runs, 1, 2 ** 31 - 1);
  console.log(`fuzz: ${runs} inputs per target, seed ${seed}, deadline ${deadlineMs} ms per input`);
  for (const target of targets) {
    const verdict = await session.run({ target: target.name, seed, runs });
    const lines = problemLines(verdict);
    problems += lines.length;
    if (verdict.kind === "finished") console.log(summaryLine(verdict.report));
    for (const line of lines) console.log(line);
  }
  console.log(`${problems === 0 ? "ok" : "FAILED"}: ${targets.length} targets in ${((performance.now() - started) / 1_000).toFixed(1)} s (worker start-up included)`);
}

await session.close();
// exitCode, not exit(): exit() can drop lines still buffered for a pipe.
process.exitCode = problems > 0 ? 1 : 0;
