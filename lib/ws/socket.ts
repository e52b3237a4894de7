/**
 * The WebSocket as both probes (AppSync realtime, AgentCore runtime streams) see it: the parts of
 * the API they use, so the browser's WebSocket and Node's `ws` both fit.
 */
import type { AwsAnswer } from "../errors";

export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string; wasClean?: boolean }) => void) | null;
}

export type WebSocketFactory = (url: string, protocols: string[]) => WebSocketLike;

/** What a non-browser factory learnt about a refused upgrade (HTTP status, x-amzn-ErrorType, body). */
export type UpgradeRefusal = Pick<AwsAnswer, "status" | "errorType" | "message">;

/**
 * What someone who can see it (the dashboard's server) found when repeating an upgrade the
 * browser could not open: AWS's refusal, or that the endpoint cannot be reached at all.
 */
export type UpgradeExplanation = { refusal: UpgradeRefusal } | { unreachable: string };

/** One frame of an exchange, either way, for the "exact exchange" view. */
export interface WsFrame {
  dir: "out" | "in";
  /** Milliseconds since the socket was created. */
  at: number;
  data: string;
}

export interface CloseEvent {
  code: number;
  reason: string;
}
