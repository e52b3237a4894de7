import { checkOutboundUrl } from "@/lib/net/allowed-hosts";
import { fetchLimited, OutboundError } from "@/lib/net/fetch-limited";
import { sandboxOrigins } from "@/lib/net/server-config";
import { jwksUrlFor } from "@/lib/tokens/issuer";

/**
 * The JWKS of a Cognito user pool, for browsers that cannot fetch it themselves (CORS, proxies).
 * Only Cognito JWKS URLs and the configured sandbox: never an arbitrary host.
 */
export async function GET(request: Request) {
  const issuer = new URL(request.url).searchParams.get("issuer") ?? "";
  const target = checkOutboundUrl(issuer ? jwksUrlFor(issuer) : "", { services: ["cognito-idp"], sandboxOrigins: sandboxOrigins() });
  if (!target.ok || !target.url.pathname.endsWith("/.well-known/jwks.json")) {
    return Response.json({ message: `Refused: ${target.ok ? "not a JWKS path" : target.reason}` }, { status: 400 });
  }
  try {
    const answer = await fetchLimited(target.url, { timeoutMs: 5_000, maxBytes: 64 * 1024 });
    return new Response(answer.body, {
      status: answer.status,
      headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
    });
  } catch (error) {
    if (error instanceof OutboundError) return Response.json({ message: error.message }, { status: error.status });
    throw error;
  }
}
