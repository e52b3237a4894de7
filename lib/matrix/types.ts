import type { AwsAnswer } from "../errors";

/**
 * The test matrix: rows are ways of calling (AppSync HTTP, AppSync realtime, AgentCore runtime
 * HTTP, …), columns are credential variants. Every protocol adds rows; the table, the runner
 * and the detail view are shared.
 */

/**
 * pass     the service accepted the call
 * fail     the service refused it (its answer is the finding)
 * blocked  the browser refused it (CORS, mixed content, no way to set a header) — also a finding
 * not-run  a prerequisite is missing (no API key, no identity-pool credentials…), with the reason
 * error    no answer: network error, timeout, cancelled
 */
export type CellOutcome = "idle" | "running" | "pass" | "fail" | "blocked" | "not-run" | "error";

export interface CellDetail {
  /** What was sent, already redacted, as text (HTTP request, WebSocket URL + frames). */
  request?: string;
  /** A copyable command line (curl, websocat), redacted. */
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
export interface CellResult extends Partial<AwsAnswer> {
  outcome: CellOutcome;
  /** One line: "401 UnauthorizedException: Valid authorization header not provided." */
  summary: string;
  latencyMs?: number;
  path?: "browser" | "relay";
  detail?: CellDetail;
  /** True when the browser blocked the call and the relay could run it instead. */
  relayAvailable?: boolean;
  /** While running: when the cell started (ms since the epoch), so the page can show the wait. */
  startedAt?: number;
  /** The best-fitting known failure, when the cell did not pass (lib/diagnosis). */
  diagnosis?: { id: string; title: string; cause: string };
}

export interface CellContext {
  signal: AbortSignal;
  timeoutMs: number;
  path: "browser" | "relay";
}

export interface MatrixCell {
  row: string;
  column: string;
  run(context: CellContext): Promise<CellResult>;
}

export interface MatrixAxis {
  id: string;
  label: string;
  /** Columns only: a group heading ("as aws-amplify sends it"). */
  group?: string;
}

export const cellKey = (row: string, column: string) => `${row}|${column}`;
