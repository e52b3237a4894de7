/**
 * Where a fuzzing worker says which input it is on. It lives in a SharedArrayBuffer and is
 * written with Atomics because a worker stuck in a synchronous loop can no longer post messages:
 * the shared memory is the only thing the watching thread can still read.
 *
 * The worker is the only writer. `seq` is odd while a write is in progress and moves on with
 * every write, so the watcher can both take a consistent snapshot and tell whether the worker
 * has advanced since it last looked.
 */

/** "starting": loading the targets, before any job; "idle": between jobs. */
export const PHASES = ["starting", "generating", "running", "idle"] as const;
export type Phase = (typeof PHASES)[number];

const SEQ = 0;
const PHASE = 1;
const TARGET = 2;
const SEED = 3;
const INDEX = 4;
const SLOTS = 5;

export interface ProgressSnapshot {
  /** Moves on with every write; the watcher compares it between looks. */
  seq: number;
  phase: Phase;
  /** The target's position in its module's FUZZ_TARGETS. */
  target: number;
  seed: number;
  /** The run index (fast-check's replay `path`) of the input being generated or run. */
  index: number;
}

export function createProgressBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
}

export class ProgressWriter {
  private readonly slots: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.slots = new Int32Array(buffer);
  }

  /** A new job: which target and seed the indexes that follow belong to. */
  begin(target: number, seed: number, index: number): void {
    this.write(() => {
      Atomics.store(this.slots, TARGET, target);
      Atomics.store(this.slots, SEED, seed);
      Atomics.store(this.slots, PHASE, PHASES.indexOf("generating"));
      Atomics.store(this.slots, INDEX, index);
    });
  }

  publish(phase: Phase, index: number): void {
    this.write(() => {
      Atomics.store(this.slots, PHASE, PHASES.indexOf(phase));
      Atomics.store(this.slots, INDEX, index);
    });
  }

  private write(fields: () => void): void {
    Atomics.add(this.slots, SEQ, 1);
    fields();
    Atomics.add(this.slots, SEQ, 1);
  }
}

/** A consistent snapshot, or null when the worker was mid-write (look again on the next tick). */
export function readProgress(buffer: SharedArrayBuffer): ProgressSnapshot | null {
  const slots = new Int32Array(buffer);
  const before = Atomics.load(slots, SEQ);
  if (before % 2 !== 0) return null;
  const snapshot: ProgressSnapshot = {
    seq: before,
    phase: PHASES[Atomics.load(slots, PHASE)] ?? "starting",
    target: Atomics.load(slots, TARGET),
    seed: Atomics.load(slots, SEED),
    index: Atomics.load(slots, INDEX),
  };
  return Atomics.load(slots, SEQ) === before ? snapshot : null;
}

/**
 * The last thing a terminated worker published. Nothing writes any more, so there is no write to
 * wait out; and a stuck worker is stuck inside a target or the generator, never between stores.
 */
export function stoppedProgress(buffer: SharedArrayBuffer): ProgressSnapshot {
  const slots = new Int32Array(buffer);
  return {
    seq: Atomics.load(slots, SEQ),
    phase: PHASES[Atomics.load(slots, PHASE)] ?? "starting",
    target: Atomics.load(slots, TARGET),
    seed: Atomics.load(slots, SEED),
    index: Atomics.load(slots, INDEX),
  };
}
