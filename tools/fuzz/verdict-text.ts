import type { Verdict } from "./harness";
import { replayCommand } from "./replay";
import type { TargetReport } from "./worker-job";

/** How fuzz verdicts read in the terminal and in test failures. */

const SHOWN_CHARS = 300;

export function showInput(input: string, limit = SHOWN_CHARS): string {
  const quoted = JSON.stringify(input.length > limit ? input.slice(0, limit) : input);
  return input.length > limit ? `${quoted} (first ${limit} of ${input.length} characters)` : quoted;
}

export function summaryLine(report: TargetReport): string {
  const perSecond = report.ms > 0 ? Math.round((report.runs / report.ms) * 1_000) : report.runs;
  return `${report.name.padEnd(26)} accepted ${String(report.accepted).padStart(7)}  refused ${String(report.refused).padStart(7)}  failures ${String(report.failureCount).padStart(4)}  ${String(report.ms).padStart(6)} ms  ${String(perSecond).padStart(7)} inputs/s`;
}

/** Empty when the target finished without a failure; otherwise what went wrong and how to replay it. */
export function problemLines(verdict: Verdict): string[] {
  if (verdict.kind === "finished") {
    const { report } = verdict;
    const unshown = report.failureCount - report.failures.length;
    return report.failures.flatMap((f) => [
      `FAILURE in ${report.name}: run index ${f.index} (seed ${report.seed}) threw something other than its typed error`,
      `  input  ${showInput(f.input)}`,
      `  error  ${f.error.split("\n").slice(0, 4).join("\n         ")}`,
      `  replay ${replayCommand(report.name, report.seed, f.index)}`,
    ]).concat(unshown > 0 ? [`  and ${unshown} more failing inputs in ${report.name}`] : []);
  }
  const where = verdict.phase === "running" ? `run index ${verdict.index}` : verdict.phase === "generating" ? `generating the input at run index ${verdict.index}` : "loading the targets";
  const head =
    verdict.kind === "hang"
      ? `HANG in ${verdict.target}: ${where} (seed ${verdict.seed}) made no progress for ${verdict.stalledMs} ms (deadline ${verdict.deadlineMs} ms); its worker was terminated`
      : `CRASH in ${verdict.target}: ${where} (seed ${verdict.seed}) ended its worker: ${verdict.error.split("\n")[0]}`;
  return [
    head,
    ...(verdict.input === undefined ? [] : [`  input  ${showInput(verdict.input)}`]),
    `  replay ${replayCommand(verdict.target, verdict.seed, verdict.index)}`,
    `         (fast-check: fc.sample(target.inputs, { seed: ${verdict.seed}, path: "${verdict.index}", numRuns: 1 }))`,
  ];
}
