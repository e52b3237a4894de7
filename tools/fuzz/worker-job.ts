/** What passes between the watching thread and a fuzzing worker. */

/** Given once, when the worker starts. */
export interface WorkerSetup {
  /** file: URL of a module exporting FUZZ_TARGETS (the real targets, or a test fixture). */
  module: string;
  progress: SharedArrayBuffer;
}

/** Posted for each target to fuzz; the worker answers with a TargetReport. */
export interface WorkerJob {
  target: string;
  seed: number;
  /** First run index; a replay starts at the index it replays. */
  from: number;
  runs: number;
}

export interface Failure {
  index: number;
  input: string;
  error: string;
}

export interface TargetReport {
  name: string;
  seed: number;
  from: number;
  runs: number;
  accepted: number;
  refused: number;
  /** How many inputs failed; `failures` keeps only the first few. */
  failureCount: number;
  failures: Failure[];
  ms: number;
}
