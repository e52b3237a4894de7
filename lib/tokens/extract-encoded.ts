import { base64url } from "jose";
import type { TokenCandidate } from "./token-candidate";

/**
 * Tokens hidden in WebSocket handshakes, where browsers can't set headers:
 * - AppSync realtime: `?header=<base64 JSON>` (legacy) or subprotocol `header-<base64url JSON>`,
 *   the JSON holding `Authorization`;
 * - AgentCore: subprotocol `base64UrlBearerAuthorization.<base64url token>`.
 */

export function fromEncodedHeaders(input: string): TokenCandidate[] {
  const out: TokenCandidate[] = [];
  for (const m of input.matchAll(/[?&]header=([A-Za-z0-9+/=%_-]+)/g)) {
    const token = authorizationIn(m[1] ?? "");
    if (token) out.push({ token, source: "AppSync realtime URL ?header= (Authorization)", scheme: "raw" });
  }
  for (const m of input.matchAll(/(?:^|[\s,"'[])header-([A-Za-z0-9_-]+)/g)) {
    const token = authorizationIn(m[1] ?? "");
    if (token) out.push({ token, source: "AppSync realtime subprotocol header-… (Authorization)", scheme: "raw" });
  }
  for (const m of input.matchAll(/base64UrlBearerAuthorization\.([A-Za-z0-9_-]+)/g)) {
    const token = text(m[1] ?? "");
    if (token) out.push({ token, source: "AgentCore WebSocket subprotocol base64UrlBearerAuthorization", scheme: "bearer" });
  }
  return out;
}

function text(encoded: string): string | null {
  let value = encoded;
  try {
    value = decodeURIComponent(value);
  } catch {
    // Not URL-encoded after all; use as is.
  }
  // AppSync's legacy query parameter is standard base64; make it base64url for jose.
  value = value.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(base64url.decode(value));
  } catch {
    return null;
  }
}

function authorizationIn(encoded: string): string | null {
  const json = text(encoded);
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null) return null;
    const auth = (parsed as Record<string, unknown>)["Authorization"] ?? (parsed as Record<string, unknown>)["authorization"];
    return typeof auth === "string" ? auth.replace(/^Bearer\s+/i, "") : null;
  } catch {
    return null;
  }
}
