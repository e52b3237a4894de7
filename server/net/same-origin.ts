// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { statusOf, type ErrorCode } from "../../lib/errors/kinds";
/**
 * The dashboard's own pages, and nothing else, may use its POST routes (the relay, the WebSocket
 * probe, the CloudTrail lookup). Two checks, both before a byte of the body is read:
 *
 * - `Content-Type: application/json`. Any other page can send a "simple" cross-origin request
 *   (text/plain, a form) without a CORS preflight; a JSON body needs one, and this server answers
 *   no preflight, so the browser never sends it. (Fetch standard, CORS-safelisted request-header:
 *   https://fetch.spec.whatwg.org/#cors-safelisted-request-header)
 * - The request comes from this origin: `Sec-Fetch-Site: same-origin`, which every current
 *   browser sends with fetch() (https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header), or,
 *   from a browser that does not send it, an `Origin` equal to this site's own origin. Neither
 *   can be set by a page (both are forbidden request headers), so another site cannot pass.
 *
 * Programs that are not browsers (curl, scripts) send neither header and are refused too: the
 * routes exist for the dashboard's pages.
 */

interface Refusal {
  status: 403 | 415;
  message: string;
}

/** The media type without parameters, lower case: `Application/JSON; charset=utf-8` → `application/json`. */
function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * This site's origin as the browser sees it: the Host the request was sent to, and the scheme
 * the request arrived with — or, when TLS ends in front of the server, the one in
 * `X-Forwarded-Proto` (Next.js fills it from the socket otherwise).
 */
function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const host = request.headers.get("host")?.trim() || url.host;
  const schemes = new Set([url.protocol]);
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https" || forwarded === "http") schemes.add(`${forwarded}:`);
  const origins = new Set<string>();
  for (const scheme of schemes) {
    try {
      origins.add(new URL(`${scheme}//${host}`).origin);
    } catch {
      // A Host that is not a host name matches no Origin.
    }
  }
  return origins;
}

function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site.trim().toLowerCase() === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  return ownOrigins(request).has(origin.trim().toLowerCase());
}

/** Why the request may not use the route, or undefined when it may. */
export function sameOriginJsonRefusal(request: Request): Refusal | undefined {
  if (!isSameOrigin(request)) {
    return {
      status: 403,
      message: "Refused: only the dashboard's own pages may call this route (a same origin request: Sec-Fetch-Site: same-origin, or an Origin equal to this site's).",
    };
  }
  if (mediaType(request.headers.get("content-type")) !== "application/json") {
    return { status: 415, message: "Refused: send the request body as JSON, with Content-Type: application/json." };
  }
  return undefined;
}

/**
 * The refusal as a JSON answer `{ code, message }`, or undefined when the request may go on.
 * `headersFor` adds a route's own headers (the relay marks its refusals with `x-relay-error`).
 */
export function refuseUnlessSameOriginJson(
  request: Request,
  surface: string,
  headersFor: (code: string) => Record<string, string> = () => ({}),
): Response | undefined {
  const refusal = sameOriginJsonRefusal(request);
  if (!refusal) return undefined;
  const code: ErrorCode = refusal.status === 403 ? `forbidden:${surface}:cross-origin` : `unsupported-media:${surface}`;
  return Response.json({ code, message: refusal.message }, { status: statusOf(code), headers: { "cache-control": "no-store", ...headersFor(code) } });
}
