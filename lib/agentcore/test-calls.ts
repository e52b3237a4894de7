import type { TestCallKey, TestCallResult, TestCall } from "../test-calls/types";
import { gatewayResult, runtimeResult, sendStreaming } from "./test-calls-http";
import { runWsTestCall } from "./test-calls-ws";
import { buildGatewayRequest, buildRuntimeRequest } from "./requests";
import { agentCoreEndpoint, DEFAULT_QUALIFIER, parseRuntimeArn, unencodedInvokeUrl } from "./urls";
import { AGENTCORE_ROWS, HTTP_COLUMNS, RUNTIME_HTTP_COLUMNS, WS_COLUMNS, commandAuthFor, missingFor, runtimeUserIdFor, type AgentCoreColumn, type AgentCoreCredentials } from "./variants";
import { INVOKE_FOR_USER_ACTION, RUNTIME_USER_ID_HEADER } from "./runtime-errors";
import type { UpgradeExplanation, WebSocketFactory, WebSocketLike } from "../ws";

/**
 * AgentCore's rows of the test calls: runtime HTTP (streamed reply), runtime WebSocket, and the
 * gateway's MCP endpoint, each tried with every credential the session has. One session id is
 * reused by every runtime cell, so they all land in the same runtime session.
 */

export interface AgentCoreTestCallsInput {
  region: string;
  /** The environment's `endpoints.agentCore` (the sandbox: `{sandbox}/agentcore`); AWS's when absent. */
  endpoint?: string;
  runtimeArn?: string;
  qualifier?: string;
  gatewayUrl?: string;
  credentials: AgentCoreCredentials;
  /** Reused by every runtime cell; 33+ characters (newSessionId()). */
  sessionId: string;
  prompt?: string;
  createSocket?: WebSocketFactory;
  /** Outside a browser only: lets the "token in a WebSocket header" column run. */
  createSocketWithHeaders?: (url: string, headers: Record<string, string>) => WebSocketLike;
  fetchImpl?: typeof fetch;
  /** Each piece of a streamed reply as it arrives, with the cell it belongs to. */
  onChunk?: (testCall: TestCallKey, text: string) => void;
  /** Learns why a WebSocket upgrade was refused, which browsers do not reveal (see test-calls-ws). */
  explainRefusal?: (url: string, protocols: string[]) => Promise<UpgradeExplanation | undefined>;
}


const notRun = (row: string, column: string, summary: string): TestCall => ({ row, column, run: async (): Promise<TestCallResult> => ({ outcome: "not-run", summary }) });

/** The region a gateway URL names (AWS host), else the environment's. */
const gatewayRegion = (url: string, fallback: string) => /\.gateway\.bedrock-agentcore\.([a-z0-9-]+)\.amazonaws\.com/.exec(url)?.[1] ?? fallback;

/** What the per-user column sends and what it needs (aws-sdk-js-v3 bedrock-agentcore model, InvokeAgentRuntime). */
function userIdNotes(column: AgentCoreColumn, credentials: AgentCoreCredentials): string[] {
  if (column !== "sigv4-user-id") return [];
  return [
    `Invoked on behalf of user ${runtimeUserIdFor(credentials)} (the ID token's sub), sent as ${RUNTIME_USER_ID_HEADER} — what the SDK's runtimeUserId input sends.`,
    `With this header the caller needs ${INVOKE_FOR_USER_ACTION} as well as bedrock-agentcore:InvokeAgentRuntime, on the runtime and its endpoints.`,
  ];
}

export function agentCoreTestCalls(input: AgentCoreTestCallsInput): TestCall[] {
  const endpoint = agentCoreEndpoint(input.endpoint ?? input.region);
  const prompt = input.prompt ?? "Hello from the Auth Flow Debugger";
  const qualifier = input.qualifier ?? DEFAULT_QUALIFIER;
  const testCalls: TestCall[] = [];
  const { http, ws, gateway } = AGENTCORE_ROWS;

  if (!input.runtimeArn) {
    for (const column of RUNTIME_HTTP_COLUMNS) testCalls.push(notRun(http, column, "No AgentCore runtime ARN in this environment."));
    for (const column of WS_COLUMNS) testCalls.push(notRun(ws, column, "No AgentCore runtime ARN in this environment."));
  } else {
    const runtimeArn = input.runtimeArn;
    const region = parseRuntimeArn(runtimeArn)?.region ?? input.region;
    const notes = [
      `Session ${input.sessionId}, sent as X-Amzn-Bedrock-AgentCore-Runtime-Session-Id.`,
      `The ARN is URL-encoded into the path. Pasted raw (${unencodedInvokeUrl(endpoint, runtimeArn, qualifier)}) its "/" splits the path and AgentCore answers 404.`,
    ];
    for (const column of RUNTIME_HTTP_COLUMNS) {
      testCalls.push({
        row: http,
        column,
        run: async (ctx) => {
          const missing = missingFor(column, input.credentials);
          if (missing) return { outcome: "not-run", summary: missing };
          const request = await buildRuntimeRequest(column, { endpoint, runtimeArn, qualifier, region }, input.credentials, input.sessionId, prompt);
          const exchange = await sendStreaming(request, { ...ctx, fetchImpl: input.fetchImpl }, (text) => input.onChunk?.({ row: http, column }, text));
          return runtimeResult(exchange, [...notes, ...userIdNotes(column, input.credentials)], commandAuthFor(column, region, input.credentials));
        },
      });
    }
    for (const column of WS_COLUMNS) {
      testCalls.push({
        row: ws,
        column,
        run: (ctx) =>
          runWsTestCall(
            column,
            { ...input, endpoint, runtimeArn, qualifier, region, prompt, onFrame: (text) => input.onChunk?.({ row: ws, column }, text) },
            { timeoutMs: ctx.timeoutMs, signal: ctx.signal },
          ),
      });
    }
  }

  for (const column of HTTP_COLUMNS) {
    if (!input.gatewayUrl) {
      testCalls.push(notRun(gateway, column, "No AgentCore gateway URL in this environment."));
      continue;
    }
    const gatewayUrl = input.gatewayUrl;
    testCalls.push({
      row: gateway,
      column,
      run: async (ctx) => {
        const missing = missingFor(column, input.credentials);
        if (missing) return { outcome: "not-run", summary: missing };
        const region = gatewayRegion(gatewayUrl, input.region);
        const request = await buildGatewayRequest(column, gatewayUrl, input.credentials, region);
        const exchange = await sendStreaming(request, { ...ctx, fetchImpl: input.fetchImpl });
        return gatewayResult(exchange, ["JSON-RPC tools/list; a gateway accepts one inbound authorizer (CUSTOM_JWT or AWS_IAM), so one of these columns is expected to fail."], commandAuthFor(column, region, input.credentials));
      },
    });
  }
  return testCalls;
}
