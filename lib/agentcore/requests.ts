import type { PreparedRequest } from "../http/types";
import { signRequest } from "../sigv4/sign";
import type { AwsCredentials } from "../sigv4/types";
import { AGENTCORE_SIGNING_NAME, DEFAULT_QUALIFIER, parseRuntimeArn, runtimeInvokeUrl, SESSION_ID_HEADER } from "./urls";
import { RUNTIME_USER_ID_HEADER } from "./runtime-errors";
import { isSigV4Column, missingFor, runtimeUserIdFor, tokenFor, type AgentCoreColumn, type AgentCoreCredentials } from "./variants";

/**
 * The exact requests each column sends, built by hand (not through the AWS SDK) so the
 * dashboard can show them byte for byte. A CUSTOM_JWT runtime or gateway wants
 * `Authorization: Bearer <JWT>`; an AWS_IAM one wants SigV4 for service `bedrock-agentcore`.
 * The SDK cannot send a bearer token (devguide: "you can't use the AWS SDK to call
 * InvokeAgentRuntime" with OAuth), which is why the bearer requests are plain HTTPS.
 */

interface RuntimeTarget {
  /** A region, or an endpoint override such as `{sandbox}/agentcore`. */
  endpoint: string;
  runtimeArn: string;
  qualifier?: string;
  /** Signing region; defaults to the ARN's region. */
  region?: string;
}

async function signed(request: PreparedRequest & { body: string }, credentials: AwsCredentials, region: string): Promise<PreparedRequest> {
  const result = await signRequest(request, { credentials, region, service: AGENTCORE_SIGNING_NAME });
  return { method: result.method, url: result.url, headers: result.headers, body: request.body };
}

function bearerOrSigned(column: AgentCoreColumn, base: PreparedRequest & { body: string }, credentials: AgentCoreCredentials, region: string) {
  const missing = missingFor(column, credentials);
  if (missing) throw new Error(missing);
  if (column === "sigv4-user-id") {
    // The header is signed with the rest, as the SDK signs its runtimeUserId header.
    const headers = { ...base.headers, [RUNTIME_USER_ID_HEADER.toLowerCase()]: runtimeUserIdFor(credentials)! };
    return signed({ ...base, headers }, credentials.aws!, region);
  }
  if (isSigV4Column(column)) return signed(base, credentials.aws!, region);
  return Promise.resolve({ ...base, headers: { ...base.headers, authorization: `Bearer ${tokenFor(column, credentials)!}` } });
}

/** InvokeAgentRuntime: the prompt as JSON, the reply as a stream, the session id in its header. */
export function buildRuntimeRequest(
  column: AgentCoreColumn,
  target: RuntimeTarget,
  credentials: AgentCoreCredentials,
  sessionId: string,
  prompt: string,
): Promise<PreparedRequest> {
  const base = {
    method: "POST",
    url: runtimeInvokeUrl(target.endpoint, target.runtimeArn, target.qualifier ?? DEFAULT_QUALIFIER),
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream, application/json",
      [SESSION_ID_HEADER.toLowerCase()]: sessionId,
    },
    body: JSON.stringify({ prompt }),
  };
  const region = target.region ?? parseRuntimeArn(target.runtimeArn)?.region ?? "us-east-1";
  return bearerOrSigned(column, base, credentials, region);
}

/** A JSON-RPC 2.0 request to a gateway's MCP endpoint, as streamable HTTP clients send it. */
export function buildGatewayRequest(
  column: AgentCoreColumn,
  gatewayUrl: string,
  credentials: AgentCoreCredentials,
  region: string,
  rpc: { id: number | string; method: string; params?: Record<string, unknown> } = { id: 1, method: "tools/list", params: {} },
): Promise<PreparedRequest> {
  const base = {
    method: "POST",
    url: gatewayUrl,
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", ...rpc }),
  };
  return bearerOrSigned(column, base, credentials, region);
}
