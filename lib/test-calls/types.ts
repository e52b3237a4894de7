import type { FixStep } from "../diagnosis/types";
import type { AwsAnswer } from "../errors";

/**
 * The test calls: rows are ways of calling (AppSync HTTP, AppSync realtime, AgentCore runtime
 * HTTP, …), columns are credential variants. Every protocol adds rows; the table, the runner
 * and the detail view are shared.
 */

/**
 * queued   "Run all" was clicked and the cell waits its turn (credentials are being gathered)
 * running  the call is on its way
 * pass     the service accepted the call
 * fail     the service refused it (its answer is the finding)
 * blocked  the browser refused it (CORS, mixed content, no way to set a header) — also a finding
 * not-run  a prerequisite is missing (no API key, no identity-pool credentials…), with the reason
 * error    no answer: network error, timeout, cancelled
 */
export type TestCallOutcome = "idle" | "queued" | "running" | "pass" | "fail" | "blocked" | "not-run" | "error";

export interface TestCallDetail {
  /** What was sent, already redacted, as text (HTTP request, WebSocket URL + frames). */
  request?: string;
  /** A command that repeats the call (curl, node + ws): credentials as $PLACEHOLDERS, the rest redacted. */
  command?: string;
  /** The raw answer (status line, headers, body), or the frames received. */
  response?: string;
  /** Anything else worth knowing (which token Amplify used, how the path was chosen…). */
  notes?: string[];
}

/**
 * A cell: its outcome, and what AWS answered when it answered (AwsAnswer's fields: `status` is the
 * HTTP status, `errorType` AWS's error name, `message` verbatim, `unconfirmed` what no public
 * source confirms about a sandbox answer).
 */
export interface TestCallResult extends Partial<AwsAnswer> {
  outcome: TestCallOutcome;
  /** One line: "401 UnauthorizedException: Valid authorization header not provided." */
  summary: string;
  latencyMs?: number;
  path?: "browser" | "relay";
  detail?: TestCallDetail;
  /** True when the browser blocked the call and the relay could run it instead. */
  relayAvailable?: boolean;
  /** While running: when the cell started (ms since the epoch), so the page can show the wait. */
  startedAt?: number;
  /** The best-fitting known failure, when the cell did not pass (lib/diagnosis). */
  diagnosis?: {
    id: string;
    title: string;
    cause: string;
    /** Why this cause: each piece of evidence in one line ("phrase" → what it means, or the context that held). */
    evidence?: string[];
    /** The known failure's fix, step by step (snippets with placeholders, filled where shown). */
    fix?: readonly FixStep[];
  };
}

export interface TestCallContext {
  signal: AbortSignal;
  timeoutMs: number;
  path: "browser" | "relay";
}

/** Where a cell sits: one way of calling (the row) with one credential variant (the column). */
export interface TestCallKey {
  readonly row: string;
  readonly column: string;
}

export interface TestCall extends TestCallKey {
  run(context: TestCallContext): Promise<TestCallResult>;
}

export interface TestCallAxis {
  id: string;
  label: string;
  /** Columns only: a group heading ("as aws-amplify sends it"). */
  group?: string;
}

/**
 * A cell's key as one string, for Map keys and DOM attributes (`data-cell`, test ids). Never
 * parsed back: code that needs the row or the column reads them from the CellKey.
 */
export const testCallKeyId = ({ row, column }: TestCallKey): string => `${row}|${column}`;

/** Whether a cell has ended (its result is final); the rest are idle, queued or running. */
export const isDone = (outcome: TestCallOutcome): boolean => outcome !== "idle" && outcome !== "queued" && outcome !== "running";

/** One value per cell, looked up and iterated by CellKey. */
export class TestCallMap<T> implements Iterable<[TestCallKey, T]> {
  private readonly entries: Map<string, [TestCallKey, T]>;

  constructor(entries: Iterable<readonly [TestCallKey, T]> = []) {
    this.entries = new Map();
    for (const [key, value] of entries) this.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: TestCallKey): T | undefined {
    return this.entries.get(testCallKeyId(key))?.[1];
  }

  has(key: TestCallKey): boolean {
    return this.entries.has(testCallKeyId(key));
  }

  set(key: TestCallKey, value: T): this {
    this.entries.set(testCallKeyId(key), [{ row: key.row, column: key.column }, value]);
    return this;
  }

  /** A copy with one cell changed, for state that must not be mutated (React). */
  with(key: TestCallKey, value: T): TestCallMap<T> {
    return new TestCallMap(this).set(key, value);
  }

  values(): T[] {
    return [...this.entries.values()].map(([, value]) => value);
  }

  [Symbol.iterator](): Iterator<[TestCallKey, T]> {
    return this.entries.values();
  }
}
