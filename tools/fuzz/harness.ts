import { Worker } from "node:worker_threads";
import { createProgressBuffer, readProgress, stoppedProgress, type Phase, type ProgressSnapshot } from "./progress";
import { regenerateInput } from "./replay";
import type { FuzzTarget } from "./targets";
import type { TargetReport, WorkerJob, WorkerSetup } from "./worker-job";

/**
 * Fuzzes targets in a worker thread and watches it. A parser that stops advancing blocks its
 * thread for good, so the watcher, not the worker, decides: when the worker's published progress
 * has not moved for the deadline, the worker is terminated and the stuck input is reported by
 * target, seed and run index, which is all it takes to generate that input again. The next job
 * gets a fresh worker.
 */

export const DEFAULT_DEADLINE_MS = 2_000;
/** Loading the targets' whole import graph comes first; that is not an input being slow. */
export const DEFAULT_STARTUP_MS = 60_000;
export const REAL_TARGETS = new URL("./targets.ts", import.meta.url);

export interface SessionOptions {
  /** A module exporting FUZZ_TARGETS; the product's own targets unless a test brings its own. */
  module?: URL;
  /** How long generating or running one input may take before it counts as a hang. */
  deadlineMs?: number;
  startupMs?: number;
}

export interface FuzzJob {
  target: string;
  seed: number;
  runs: number;
  /** First run index; a replay starts at the index it replays. */
  from?: number;
}

export interface Stall {
  target: string;
  seed: number;
  /** The stuck input's run index (stuck being generated, or being run). */
  index: number;
  phase: Phase;
  stalledMs: number;
  /** The stuck input, generated again from seed + index; absent when generation itself was stuck. */
  input?: string;
}

export type Verdict =
  | { kind: "finished"; report: TargetReport }
  | ({ kind: "hang"; deadlineMs: number } & Stall)
  | ({ kind: "crash"; error: string } & Omit<Stall, "stalledMs">);

interface LiveWorker {
  worker: Worker;
  progress: SharedArrayBuffer;
  /** Set while a job runs: the worker died (an error it did not catch, or an exit). */
  onDeath: ((error: string) => void) | null;
}

export class FuzzSession {
  private readonly module: URL;
  private readonly deadlineMs: number;
  private readonly startupMs: number;
  private targets: Promise<FuzzTarget[]> | null = null;
  private live: LiveWorker | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: SessionOptions = {}) {
    this.module = options.module ?? REAL_TARGETS;
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.startupMs = options.startupMs ?? DEFAULT_STARTUP_MS;
  }

  /** Jobs run one after another, each under the watch; a hang or a crash is a verdict, not a rejection. */
  run(job: FuzzJob): Promise<Verdict> {
    const verdict = this.queue.then(() => this.runNow(job));
    this.queue = verdict.catch(() => undefined);
    return verdict;
  }

  async close(): Promise<void> {
    await this.queue;
    const live = this.live;
    this.live = null;
    await live?.worker.terminate();
  }

  private loadTargets(): Promise<FuzzTarget[]> {
    this.targets ??= import(this.module.href).then((loaded: { FUZZ_TARGETS: FuzzTarget[] }) => loaded.FUZZ_TARGETS);
    return this.targets;
  }

  private startWorker(): LiveWorker {
    const setup: WorkerSetup = { module: this.module.href, progress: createProgressBuffer() };
    // execArgv: [] so the worker does not inherit the parent's loader flags; worker-entry brings its own.
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), { workerData: setup, execArgv: [] });
    // An idle worker must not keep the process alive; a running job's watch timer does that.
    worker.unref();
    const live: LiveWorker = { worker, progress: setup.progress, onDeath: null };
    worker.on("error", (error) => live.onDeath?.(String(error.stack ?? error)));
    worker.on("exit", (code) => {
      if (this.live === live) this.live = null;
      live.onDeath?.(`its worker exited with code ${code} before reporting`);
    });
    return live;
  }

  private async runNow(job: FuzzJob): Promise<Verdict> {
    const targets = await this.loadTargets();
    const target = targets.find((t) => t.name === job.target);
    if (!target) throw new Error(`no fuzz target named ${JSON.stringify(job.target)}; there are: ${targets.map((t) => t.name).join(", ")}`);
    const from = job.from ?? 0;
    const live = (this.live ??= this.startWorker());

    /**
     * Where the worker stopped, from what it published for this job (before it took the job up,
     * from the job itself). A stuck worker cannot send its input, so the input is generated again
     * here, unless generating was what got stuck.
     */
    const stall = (last: ProgressSnapshot, stalledMs: number): Stall => {
      const published = last.phase === "generating" || last.phase === "running";
      const stuck = published ? (targets[last.target] ?? target) : target;
      const seed = published ? last.seed : job.seed;
      const index = published ? last.index : from;
      const input = last.phase === "running" ? inputIfGenerated(stuck, seed, index) : undefined;
      return { target: stuck.name, seed, index, phase: last.phase, stalledMs, ...(input === undefined ? {} : { input }) };
    };

    return new Promise<Verdict>((resolve) => {
      let settled = false;
      let last = readProgress(live.progress);
      let lastMoved = performance.now();

      const settle = (verdict: Verdict | (() => Verdict), stopWorker: boolean) => {
        if (settled) return;
        settled = true;
        clearInterval(watch);
        live.worker.off("message", onReport);
        live.onDeath = null;
        if (!stopWorker) return resolve(verdict as Verdict);
        if (this.live === live) this.live = null;
        // The verdict is read once the worker has stopped: what it published can no longer change.
        void live.worker.terminate().then(() => resolve(typeof verdict === "function" ? verdict() : verdict));
      };
      const onReport = (report: TargetReport) => settle({ kind: "finished", report }, false);
      live.worker.on("message", onReport);
      live.onDeath = (error) => settle(() => ({ kind: "crash", error, ...stall(stoppedProgress(live.progress), 0) }), true);

      // The watcher's own clock: the time since it first saw the current progress is a lower bound
      // on how long the worker has been on it, so a busy watcher can report late but never falsely.
      const watch = setInterval(
        () => {
          const now = performance.now();
          const seen = readProgress(live.progress);
          if (seen && seen.seq !== last?.seq) {
            last = seen;
            lastMoved = now;
            return;
          }
          const limit = last?.phase === "generating" || last?.phase === "running" ? this.deadlineMs : this.startupMs;
          const stalledMs = Math.round(now - lastMoved);
          if (stalledMs > limit) settle(() => ({ kind: "hang", deadlineMs: limit, ...stall(stoppedProgress(live.progress), stalledMs) }), true);
        },
        Math.max(10, Math.min(100, this.deadlineMs / 10)),
      );

      const message: WorkerJob = { target: target.name, seed: job.seed, from, runs: job.runs };
      live.worker.postMessage(message);
    });
  }
}

/** Showing the input is a courtesy: a generator that throws must not cost the verdict itself. */
function inputIfGenerated(target: FuzzTarget, seed: number, index: number): string | undefined {
  try {
    return regenerateInput(target, seed, index);
  } catch {
    return undefined;
  }
}
