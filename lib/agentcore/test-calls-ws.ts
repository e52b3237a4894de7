import { hostOf } from "../http/host";
import { REDACTED, redactText, redactUrl } from "../redact";
import type { TestCallResult } from "../test-calls/types";
import { runtimeWebSocketUrl, SESSION_ID_HEADER, DEFAULT_QUALIFIER } from "./urls";
import { bearerSubprotocols, BEARER_SUBPROTOCOL, presignRuntimeWebSocketUrl } from "./ws-auth";
import type { UpgradeExplanation, WebSocketFactory, WebSocketLike } from "../ws";
import { probeWebSocket, type WsProbeOutcome } from "./ws-probe";
import { runtimeWsCommand } from "./ws-command";
import { missingFor, tokenFor, type AgentCoreColumn, type AgentCoreCredentials } from "./variants";

/**
 * The WebSocket row. Browsers can send SigV4 only as a presigned URL and a JWT only as the
 * bearer subprotocol pair; an Authorization header on the upgrade needs a non-browser client, so
 * that column is reported as blocked without trying, naming the variants that do work.
 */

export interface WsTestCallInput {
  endpoint: string;
  runtimeArn: string;
  qualifier?: string;
  region: string;
  sessionId: string;
  prompt: string;
  credentials: AgentCoreCredentials;
  createSocket?: WebSocketFactory;
  /** Only outside a browser (CLI, tests): a socket whose upgrade request carries these headers. */
  createSocketWithHeaders?: (url: string, headers: Record<string, string>) => WebSocketLike;
  onFrame?: (text: string) => void;
  /**
   * Browsers hide why an upgrade was refused; when given, this asks someone who can see it (the
   * dashboard's server repeats the upgrade) and the cell reports AgentCore's own answer, or the
   * connection error when the endpoint cannot be reached at all.
   */
  explainRefusal?: (url: string, protocols: string[]) => Promise<UpgradeExplanation | undefined>;
}

/** Subprotocols as they may be shown: the token-carrying one loses its token. */
const redactSubprotocols = (protocols: readonly string[]) =>
  protocols.map((p) => (p.startsWith(`${BEARER_SUBPROTOCOL}.`) ? `${BEARER_SUBPROTOCOL}.${REDACTED}` : redactText(p)));

/** `{"chunk": "…"}` frames carry the reply text; anything else is shown as sent. */
function frameText(data: string): string {
  try {
    const value = JSON.parse(data) as { chunk?: unknown };
    return typeof value.chunk === "string" ? value.chunk : "";
  } catch {
    return data;
  }
}

export function wsResult(outcome: WsProbeOutcome, latencyMs: number, request: string, command: string | undefined, notes: string[]): TestCallResult {
  const detail = {
    request,
    ...(command ? { command } : {}),
    response: outcome.frames.map((f) => `${f.dir === "out" ? "→" : "←"} +${f.at}ms ${redactText(f.data)}`).join("\n") +
      (outcome.closeCode !== undefined ? `\n(closed ${outcome.closeCode}${outcome.closeReason ? ` ${outcome.closeReason}` : ""})` : ""),
    notes,
  };
  if (outcome.ok) return { outcome: "pass", summary: outcome.message, latencyMs, detail };
  const refusal = outcome.refusal;
  // A stream that broke off mid-reply got no answer; the frames before the break stay in the detail.
  const failed = refusal !== undefined || (outcome.opened && !outcome.dropped);
  return {
    outcome: failed ? "fail" : "error",
    summary: outcome.message,
    latencyMs,
    detail,
    ...(refusal ? { status: refusal.status } : {}),
    ...(refusal?.errorType ? { errorType: refusal.errorType } : {}),
    ...(refusal?.message ? { message: refusal.message } : {}),
  };
}

export async function runWsTestCall(column: AgentCoreColumn, input: WsTestCallInput, ctx: { timeoutMs: number; signal: AbortSignal }): Promise<TestCallResult> {
  const missing = missingFor(column, input.credentials);
  if (missing) return { outcome: "not-run", summary: missing };
  const qualifier = input.qualifier ?? DEFAULT_QUALIFIER;
  const plain = runtimeWebSocketUrl(input.endpoint, input.runtimeArn, qualifier);
  const withSession = `${plain}&${SESSION_ID_HEADER}=${encodeURIComponent(input.sessionId)}`;
  const message = JSON.stringify({ prompt: input.prompt });
  const started = Date.now();
  const sessionNote = `Session ${input.sessionId} (query parameter ${SESSION_ID_HEADER}).`;

  if (column === "bearer-header") {
    const copied = runtimeWsCommand(column, plain, input.sessionId, message, input.region);
    if (!input.createSocketWithHeaders) {
      return {
        outcome: "blocked",
        summary: "A browser cannot set an Authorization header on a WebSocket upgrade.",
        detail: {
          request: `WebSocket ${redactUrl(plain)}\nAuthorization: Bearer ${REDACTED}`,
          command: copied.command,
          notes: [
            "Not tried: the browser WebSocket API has no way to add headers (RFC 6455 clients in browsers send only the subprotocol list).",
            "From a browser, send the token as the subprotocols base64UrlBearerAuthorization.<base64url(token)> + base64UrlBearerAuthorization (the access-token column), or use a SigV4-presigned URL (the SigV4 column) on an AWS_IAM runtime.",
            "Servers, the CLI and Node's ws package can send the header; the command below does.",
            ...copied.notes,
          ],
        },
      };
    }
    const headers = { Authorization: `Bearer ${input.credentials.accessToken!}`, [SESSION_ID_HEADER]: input.sessionId };
    const factory: WebSocketFactory = (url) => input.createSocketWithHeaders!(url, headers);
    const outcome = await probeWebSocket({ url: plain, protocols: [], createSocket: factory, message, ...ctx, onFrame: (d) => input.onFrame?.(frameText(d)) });
    return wsResult(outcome, Date.now() - started, `WebSocket ${redactUrl(plain)}\nAuthorization: Bearer ${REDACTED}`, copied.command, [sessionNote, ...copied.notes]);
  }
  if (!input.createSocket) return { outcome: "not-run", summary: "No WebSocket implementation was given to the test." };

  let url = withSession;
  let protocols: string[] = [];
  const notes = [sessionNote];
  if (column === "sigv4") {
    url = await presignRuntimeWebSocketUrl({ endpoint: input.endpoint, runtimeArn: input.runtimeArn, qualifier, sessionId: input.sessionId, credentials: input.credentials.aws!, region: input.region });
    notes.push("SigV4-presigned URL (service bedrock-agentcore), valid 300 s (X-Amz-Expires=300, AgentCore's maximum); signed as https and opened as wss. Signature and session token redacted.");
  } else {
    protocols = bearerSubprotocols(tokenFor(column, input.credentials)!);
    notes.push(`The ${column === "id-token" ? "ID" : "access"} token rides in Sec-WebSocket-Protocol as base64UrlBearerAuthorization.<base64url(token)>, followed by the sentinel base64UrlBearerAuthorization.`);
  }
  const shown = redactSubprotocols(protocols);
  const outcome = await probeWebSocket({ url, protocols, createSocket: input.createSocket, message, ...ctx, onFrame: (d) => input.onFrame?.(frameText(d)) });
  if (!outcome.ok && !outcome.opened && !outcome.refusal && input.explainRefusal) {
    const seen = await input.explainRefusal(url, protocols).catch(() => undefined);
    if (seen && "refusal" in seen) {
      const { refusal } = seen;
      outcome.refusal = refusal;
      outcome.message = `The upgrade was refused: HTTP ${refusal.status}${refusal.errorType ? ` ${refusal.errorType}` : ""}${refusal.message ? `: ${refusal.message}` : ""}`;
      notes.push("The browser only reports that the connection failed; the dashboard's server repeated the same upgrade to read AgentCore's answer.");
    } else if (seen) {
      outcome.message = `No WebSocket connection to ${hostOf(url)}: the endpoint cannot be reached (${seen.unreachable}).`;
      notes.push("The browser only reports that the connection failed; the dashboard's server tried the same upgrade and could not connect either.");
    }
  }
  const request = `WebSocket ${redactUrl(url)}${shown.length ? `\nSec-WebSocket-Protocol: ${shown.join(", ")}` : ""}`;
  const copied = runtimeWsCommand(column, withSession, input.sessionId, message, input.region);
  return wsResult(outcome, Date.now() - started, request, copied.command, [...notes, ...copied.notes]);
}
