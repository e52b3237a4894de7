import fc from "fast-check";
import { parentPort, workerData } from "node:worker_threads";
import { judge } from "./judge";
import { ProgressWriter } from "./progress";
import type { FuzzTarget } from "./targets";
import type { TargetReport, WorkerJob, WorkerSetup } from "./worker-job";

// Runs targets' inputs in a worker thread so that a parser that never returns blocks only this
// thread: the watcher (harness.ts) reads the progress published here and terminates the thread.
// One worker takes job after job, because loading the targets' import graph costs about a second.

const KEPT_FAILURES = 5;
const KEPT_CHARS = 2_000;

const setup = workerData as WorkerSetup;
const { FUZZ_TARGETS } = (await import(setup.module)) as { FUZZ_TARGETS: FuzzTarget[] };
const progress = new ProgressWriter(setup.progress);

function fuzz(job: WorkerJob): TargetReport {
  const position = FUZZ_TARGETS.findIndex((t) => t.name === job.target);
  const target = FUZZ_TARGETS[position];
  if (!target) throw new Error(`no fuzz target named ${JSON.stringify(job.target)} in ${setup.module}`);

  const report: TargetReport = { name: target.name, seed: job.seed, from: job.from, runs: job.runs, accepted: 0, refused: 0, failureCount: 0, failures: [], ms: 0 };
  const started = performance.now();
  let index = job.from;
  progress.begin(position, job.seed, index);
  // fc.check generates lazily, one input per call, and reaches run index N of seed S through
  // `path` "N" without generating the ones before it: the same inputs fc.sample gives for that
  // seed, so the watcher can generate a stuck input again. The property never fails; the verdicts
  // are tallied here. Generating the next input is watched too, under that input's index.
  const property = fc.property(target.inputs, (input) => {
    progress.publish("running", index);
    const outcome = judge(target, input);
    if (outcome.kind === "accepted") report.accepted++;
    else if (outcome.kind === "refused") report.refused++;
    else {
      report.failureCount++;
      if (report.failures.length < KEPT_FAILURES) report.failures.push({ index, input: input.slice(0, KEPT_CHARS), error: outcome.error.slice(0, KEPT_CHARS) });
    }
    progress.publish("generating", ++index);
    return true;
  });
  const run = fc.check(property, { seed: job.seed, numRuns: job.runs, ...(job.from > 0 ? { path: String(job.from) } : {}) });
  if (run.failed) throw new Error(`fast-check stopped the run of ${target.name} at run index ${index}: ${String(run.errorInstance)}`);
  progress.publish("idle", index);
  report.ms = Math.round(performance.now() - started);
  return report;
}

parentPort!.on("message", (job: WorkerJob) => parentPort!.postMessage(fuzz(job)));
