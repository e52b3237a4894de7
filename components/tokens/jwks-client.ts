import { JwksCache, fetchWithFallback, type JsonFetcher } from "@/lib/tokens/jwks-cache";
import { JWKS_SUFFIX } from "@/lib/tokens/issuer";

/** Which way the last JWKS of each issuer came, so the page can say "fetched through the server". */
export const jwksPath = new Map<string, "direct" | "server">();

const direct: JsonFetcher = async (url) => {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  jwksPath.set(url, "direct");
  return response.json();
};

// Browsers can be stopped from reading a JWKS (CORS, a corporate proxy); the dashboard's server
// fetches it instead — Cognito JWKS URLs and the configured sandbox only (app/api/jwks).
const viaServer: JsonFetcher = async (url) => {
  const issuer = url.slice(0, -JWKS_SUFFIX.length);
  const response = await fetch(`/api/jwks?issuer=${encodeURIComponent(issuer)}`, { cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error((body as { message?: string } | null)?.message ?? `HTTP ${response.status}`);
  jwksPath.set(url, "server");
  return body;
};

/** One cache per page life: verifying both tokens, twice, fetches each pool's JWKS once. */
export const jwksCache = new JwksCache({ fetchJson: fetchWithFallback(direct, viaServer) });
