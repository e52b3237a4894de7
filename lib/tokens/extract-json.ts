import type { TokenCandidate } from "./token-candidate";

/**
 * Tokens inside JSON: Cognito's InitiateAuth result (AuthenticationResult.IdToken), OAuth token
 * responses (id_token), Amplify's storage (keys ending in .idToken), app state (accessToken) and
 * HAR files (headers as {name, value} pairs).
 */

const TOKEN_KEY = /(?:^|\.)(id_?token|access_?token|refresh_?token)$/i;
const MAX_NODES = 20_000;

/** Candidates from `text` if it parses as JSON; null if it doesn't. */
export function fromJson(text: string, label: string): TokenCandidate[] | null {
  if (!/^[[{]/.test(text)) return null;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  const out: TokenCandidate[] = [];
  let visited = 0;
  const walk = (value: unknown, path: string, depth: number): void => {
    if (++visited > MAX_NODES || depth > 32 || typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
      return;
    }
    const record = value as Record<string, unknown>;
    const header = harHeader(record);
    if (header) out.push(header);
    for (const [key, child] of Object.entries(record)) {
      const at = path ? `${path}.${key}` : key;
      if (typeof child === "string" && TOKEN_KEY.test(key)) {
        out.push({ token: child.replace(/^Bearer\s+/i, ""), source: `${label} field ${at}` });
      } else {
        walk(child, at, depth + 1);
      }
    }
  };
  walk(root, "", 0);
  return out;
}

/** HAR request headers: {"name": "authorization", "value": "Bearer eyJ…"}. */
function harHeader(record: Record<string, unknown>): TokenCandidate | null {
  const { name, value } = record;
  if (typeof name !== "string" || typeof value !== "string") return null;
  const lower = name.toLowerCase();
  if (lower === "x-api-key") return { token: value, source: "x-api-key header (HAR)" };
  if (lower !== "authorization") return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  return bearer?.[1]
    ? { token: bearer[1], source: "Authorization header (HAR)", scheme: "bearer" }
    : { token: value.trim(), source: "Authorization header (HAR, raw, no Bearer)", scheme: "raw" };
}
