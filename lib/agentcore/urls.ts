/**
 * AgentCore's URLs, built the way the AWS SDKs and bedrock-agentcore-sdk-python build them:
 *   runtime HTTP   POST https://bedrock-agentcore.{region}.amazonaws.com/runtimes/{encodeURIComponent(arn)}/invocations?qualifier=…
 *   runtime WS     wss://bedrock-agentcore.{region}.amazonaws.com/runtimes/{encodeURIComponent(arn)}/ws?qualifier=…
 *   gateway MCP    https://{gatewayId}.gateway.bedrock-agentcore.{region}.amazonaws.com/mcp
 * An endpoint override (the local sandbox: `{sandbox}/agentcore`) replaces the regional host and
 * keeps its own path prefix, as the SDKs' `endpoint` option does.
 */

export const AGENTCORE_SIGNING_NAME = "bedrock-agentcore";
export const SESSION_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
/** InvokeAgentRuntime's runtimeSessionId: 33 to 256 characters (API reference; seen as a 400 when shorter). */
const SESSION_ID_MIN_LENGTH = 33;
const SESSION_ID_MAX_LENGTH = 256;
export const DEFAULT_QUALIFIER = "DEFAULT";

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const RUNTIME_ARN = /^arn:(aws[a-z-]*):bedrock-agentcore:([a-z0-9-]+):(\d{12}):runtime\/([A-Za-z0-9_-]+)$/;

interface RuntimeArnParts {
  partition: string;
  region: string;
  accountId: string;
  /** `{name}-{10 characters}`, the runtime id. */
  runtimeId: string;
}

export function parseRuntimeArn(arn: string): RuntimeArnParts | null {
  const m = RUNTIME_ARN.exec(arn.trim());
  return m ? { partition: m[1]!, region: m[2]!, accountId: m[3]!, runtimeId: m[4]! } : null;
}

/** A region gives AWS's data-plane endpoint; anything else is taken as an endpoint override. */
export function agentCoreEndpoint(regionOrEndpoint: string): string {
  const value = regionOrEndpoint.trim();
  if (REGION.test(value)) return `https://bedrock-agentcore.${value}.amazonaws.com`;
  return value.replace(/\/+$/, "");
}

function withQualifier(url: string, qualifier: string | undefined): string {
  return qualifier ? `${url}?qualifier=${encodeURIComponent(qualifier)}` : url;
}

/** The URL that works: the ARN is one path segment, so its `:` and `/` are percent-encoded. */
export function runtimeInvokeUrl(regionOrEndpoint: string, runtimeArn: string, qualifier: string = DEFAULT_QUALIFIER): string {
  return withQualifier(`${agentCoreEndpoint(regionOrEndpoint)}/runtimes/${encodeURIComponent(runtimeArn.trim())}/invocations`, qualifier);
}

/**
 * The URL people build by hand from the console's ARN, pasted in raw. The `/` inside the ARN
 * splits the path, and AgentCore answers 404 (seed 003). Shown in diagnostics, never sent as a fix.
 */
export function unencodedInvokeUrl(regionOrEndpoint: string, runtimeArn: string, qualifier: string = DEFAULT_QUALIFIER): string {
  return withQualifier(`${agentCoreEndpoint(regionOrEndpoint)}/runtimes/${runtimeArn.trim()}/invocations`, qualifier);
}

/** The WebSocket URL, ARN encoded as AgentCoreRuntimeClient._build_websocket_url encodes it. */
export function runtimeWebSocketUrl(regionOrEndpoint: string, runtimeArn: string, qualifier: string = DEFAULT_QUALIFIER): string {
  const http = `${agentCoreEndpoint(regionOrEndpoint)}/runtimes/${encodeURIComponent(runtimeArn.trim())}/ws`;
  return withQualifier(http.replace(/^https:/i, "wss:").replace(/^http:/i, "ws:"), qualifier);
}

/** A gateway's MCP URL from its id and region (a configured gateway URL is used as is). */
export function gatewayMcpUrl(gatewayId: string, region: string): string {
  return `https://${gatewayId}.gateway.bedrock-agentcore.${region}.amazonaws.com/mcp`;
}

/** The gateway id in an AWS gateway URL or a sandbox one (`…/agentcore-gateway/{id}/mcp`). */
export function gatewayIdOf(gatewayUrl: string): string | undefined {
  try {
    const url = new URL(gatewayUrl);
    const aws = /^([a-z0-9-]+)\.gateway\.bedrock-agentcore\.[a-z0-9-]+\.amazonaws\.com$/.exec(url.hostname);
    return aws?.[1] ?? /\/agentcore-gateway\/([^/]+)\/mcp$/.exec(url.pathname)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * A fresh session id: `session-` + 32 random hex digits, 40 characters (the service wants 33 or
 * more). getRandomValues rather than randomUUID: the latter exists only in secure contexts, and
 * the dashboard may be served over plain http on a LAN address.
 */
export function newSessionId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return `session-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Why a session id would be refused, or undefined when it is acceptable. */
export function sessionIdProblem(sessionId: string): string | undefined {
  if (sessionId.length < SESSION_ID_MIN_LENGTH) {
    return `The session id is ${sessionId.length} characters; AgentCore wants at least ${SESSION_ID_MIN_LENGTH} (a UUID is 36).`;
  }
  if (sessionId.length > SESSION_ID_MAX_LENGTH) return `The session id is ${sessionId.length} characters; AgentCore allows at most ${SESSION_ID_MAX_LENGTH}.`;
  return undefined;
}
