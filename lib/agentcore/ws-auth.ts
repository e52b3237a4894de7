import { base64url } from "jose";
import { AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS, presignWebSocketUrl } from "../sigv4/presign";
import type { AwsCredentials } from "../sigv4/types";
import { AGENTCORE_SIGNING_NAME, DEFAULT_QUALIFIER, runtimeWebSocketUrl, SESSION_ID_HEADER } from "./urls";

/**
 * How a WebSocket to an AgentCore runtime carries its credentials (devguide
 * runtime-get-started-websocket): a browser cannot set headers on the upgrade, so it either
 * opens a SigV4-presigned URL (query auth, at most 300 s) or passes an OAuth token as the
 * subprotocols `base64UrlBearerAuthorization.<base64url(token)>` + `base64UrlBearerAuthorization`.
 */

export const BEARER_SUBPROTOCOL = "base64UrlBearerAuthorization";
const PREFIX = `${BEARER_SUBPROTOCOL}.`;

/** `[base64UrlBearerAuthorization.<base64url(token)>, base64UrlBearerAuthorization]`, in that order. */
export function bearerSubprotocols(token: string): [string, string] {
  return [`${PREFIX}${base64url.encode(token.trim())}`, BEARER_SUBPROTOCOL];
}

type SubprotocolToken =
  | { kind: "none" }
  /** The prefix is there but what follows is not base64url text. */
  | { kind: "unreadable" }
  | { kind: "token"; token: string; sentinel: boolean };

/** The token a client put into its offered subprotocols (the server side of bearerSubprotocols). */
export function tokenFromSubprotocols(protocols: readonly string[]): SubprotocolToken {
  const carrier = protocols.find((p) => p.startsWith(PREFIX));
  if (!carrier) return { kind: "none" };
  const encoded = carrier.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { kind: "unreadable" };
  try {
    const token = new TextDecoder("utf-8", { fatal: true }).decode(base64url.decode(encoded));
    return { kind: "token", token, sentinel: protocols.includes(BEARER_SUBPROTOCOL) };
  } catch {
    return { kind: "unreadable" };
  }
}

interface PresignRuntimeWebSocket {
  /** A region or an endpoint override such as `{sandbox}/agentcore`. */
  endpoint: string;
  runtimeArn: string;
  qualifier?: string;
  sessionId: string;
  credentials: AwsCredentials;
  region: string;
  /** Seconds; AgentCore refuses more than 300. Defaults to 300, as AgentCoreRuntimeClient does. */
  expiresIn?: number;
  signingDate?: Date;
}

/**
 * A presigned `wss://` URL: the qualifier and the session id go into the query before signing,
 * so both are covered by the signature (AgentCoreRuntimeClient.generate_presigned_url).
 */
export async function presignRuntimeWebSocketUrl(input: PresignRuntimeWebSocket): Promise<string> {
  const base = runtimeWebSocketUrl(input.endpoint, input.runtimeArn, input.qualifier ?? DEFAULT_QUALIFIER);
  const url = `${base}${base.includes("?") ? "&" : "?"}${SESSION_ID_HEADER}=${encodeURIComponent(input.sessionId)}`;
  return presignWebSocketUrl(
    { url },
    {
      credentials: input.credentials,
      region: input.region,
      service: AGENTCORE_SIGNING_NAME,
      expiresIn: input.expiresIn ?? AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS,
      ...(input.signingDate ? { signingDate: input.signingDate } : {}),
    },
  );
}
