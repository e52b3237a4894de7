/**
 * Query-signed (presigned) URLs: the signature travels in X-Amz-* query parameters, which is the
 * only way a browser WebSocket can carry SigV4 (it cannot set headers). Extra query parameters
 * already on the URL (`qualifier`, `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`) are signed too.
 */
import { SigV4InputError } from "./errors";
import { assertCredentials } from "./sign";
import { createSigner, toHttpRequest } from "./signer";
import type { PresignOptions } from "./types";
import { buildUrl, fromQueryBag, lowerCaseHeaders, parseUrl } from "./url";

/** SigV4's own ceiling: the signing key is valid for seven days. */
const MAX_PRESIGN_EXPIRES_SECONDS = 604_800;

const AGENTCORE_SERVICE = "bedrock-agentcore";

/**
 * AgentCore refuses longer presigned WebSocket URLs; bedrock-agentcore-sdk-python's
 * AgentCoreRuntimeClient enforces `MAX_PRESIGNED_URL_TIMEOUT = 300` before signing.
 */
export const AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS = 300;

function maxPresignExpiresFor(service: string): number {
  return service === AGENTCORE_SERVICE ? AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS : MAX_PRESIGN_EXPIRES_SECONDS;
}

interface RequestToPresign {
  method: string;
  url: string;
  /** Extra headers to sign. `x-amz-*` ones move into the query; others must then be sent as-is. */
  headers?: Record<string, string>;
}

export async function presignUrl(request: RequestToPresign, options: PresignOptions): Promise<string> {
  assertCredentials(options.credentials);
  const max = maxPresignExpiresFor(options.service);
  if (!Number.isInteger(options.expiresIn) || options.expiresIn < 1 || options.expiresIn > max) {
    throw new SigV4InputError(
      "invalid:sigv4:expires",
      `expiresIn must be a whole number of seconds from 1 to ${max} for ${options.service}; got ${options.expiresIn}.`,
    );
  }
  const target = parseUrl(request.url);
  const headers = lowerCaseHeaders(request.headers ?? {});
  headers["host"] ??= target.host;

  const signer = createSigner({
    credentials: options.credentials,
    region: options.region,
    service: options.service,
    applyChecksum: false,
  });
  const presigned = await signer.presign(toHttpRequest(request.method.toUpperCase(), target, headers, undefined), {
    signingDate: options.signingDate ?? new Date(),
    expiresIn: options.expiresIn,
  });
  return buildUrl({ protocol: target.protocol, host: target.host, path: target.path, query: fromQueryBag(presigned.query) });
}

/**
 * Presigns a WebSocket URL the way AgentCore expects: the GET upgrade is signed as `https://…`
 * and the same URL is then opened as `wss://…` (AgentCoreRuntimeClient.generate_presigned_url).
 * Accepts either scheme; the signature does not cover the scheme, only host, path and query.
 */
export async function presignWebSocketUrl(
  request: Omit<RequestToPresign, "method">,
  options: PresignOptions,
): Promise<string> {
  const httpsUrl = request.url.replace(/^wss:/i, "https:").replace(/^ws:/i, "http:");
  const presigned = await presignUrl({ ...request, url: httpsUrl, method: "GET" }, options);
  return presigned.replace(/^https:/i, "wss:").replace(/^http:/i, "ws:");
}
