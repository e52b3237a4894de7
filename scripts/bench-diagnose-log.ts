// Measures scanLog on logs shaped like the ones support engineers are sent (timestamped INFO lines,
// JSON request summaries, Lambda START/END/REPORT lines, retries with stack traces, and a few dozen
// failures of several kinds: single lines, a Node stack trace, a Python traceback, a multi-line JSON
// body). Prints the median time per size and what was found, and checks every planted failure is
// reported on its line.
//
//   npm run bench:diagnose-log            (7 runs per size)
//   npm run bench:diagnose-log -- 15
import { diagnose } from "../lib/diagnosis/engine";
import { LOG_LIMIT_BYTES, scanLog, type LogScanResult } from "../lib/diagnosis/log-scan";
import { sampleLog } from "../lib/diagnosis/test-support/log-sample";

const RUNS = Number(process.argv[2] ?? 7);
const MB = 1024 * 1024;
// The generator overshoots by up to one block: keep the 10 MB log just under the limit.
const SIZES: Array<[string, number]> = [["1 MB", MB], ["10 MB", LOG_LIMIT_BYTES - 16 * 1024]];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

let failed = false;
for (const [label, bytes] of SIZES) {
  const sample = sampleLog({ bytes, failures: 40, seed: 11 });
  let result: LogScanResult | undefined;
  scanLog(sample.text); // compile once
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = scanLog(sample.text);
    times.push(performance.now() - t);
  }
  const r = result!;
  const missed = sample.planted.filter((p) => {
    const id = diagnose(p.entry)[0]?.id;
    const groups = id ? r.known.filter((k) => k.id === id) : r.unrecognised;
    return !groups.some((g) => g.lines.includes(p.line));
  });
  if (missed.length > 0) failed = true;
  console.log(
    `${label} log (${r.lines.toLocaleString("en-US")} lines, ${r.entries.toLocaleString("en-US")} entries, ${r.examined.toLocaleString("en-US")} looked at): ` +
      `median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${RUNS} runs); ` +
      `${r.known.length} known failures (${r.known.map((k) => `${k.id} ×${k.count}`).join(", ")}), ${r.unrecognised.length} not recognised` +
      (missed.length > 0 ? `; MISSED ${missed.length} planted failures` : "; every planted failure on its line"),
  );
}
process.exitCode = failed ? 1 : 0;
