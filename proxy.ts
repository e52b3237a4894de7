import { NextResponse, type NextRequest } from "next/server";
import { documentPolicy } from "@/server/security/policy";
import { REGIONS_COOKIE } from "@/lib/security/regions-cookie";
import { NON_DOCUMENT_CSP_VALUE } from "@/server/security/headers";
// Loaded early so that rate limits see each request's socket address (see the module).
import "@/server/net/client-address";

/**
 * Next.js 16 Proxy (formerly middleware.ts): a nonce-based Content-Security-Policy for every HTML
 * page, following Next's documented nonce approach — the policy goes on the request, where Next
 * reads the nonce and puts it on its own scripts and styles, and on the response. The policy
 * itself is built in lib/security (tested there). The other security headers, and the CSP of
 * everything that is not a page, come from next.config.ts `headers()`.
 *
 * Pages must be rendered per request for this to work (a prerendered page has no nonce);
 * app/layout.tsx opts the whole app into dynamic rendering.
 */
export function proxy(request: NextRequest) {
  // Pages are only ever fetched. Anything else is answered here, before the page renders, and
  // the body is never read here. (Next.js still drains it around the proxy: next 16.4.6,
  // dist/server/next-server.js runMiddleware hands the proxy cloneBodyStream() and then awaits
  // body.finalize(), which waits for the request's end; dist/server/body-streams.js keeps the
  // first proxyClientMaxBodySize bytes and warns past them.) This app has no Server Actions,
  // the one thing that POSTs to a page path.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new NextResponse(`${request.method} is not allowed here: pages answer GET and HEAD only.\n`, {
      status: 405,
      headers: { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "content-security-policy": NON_DOCUMENT_CSP_VALUE },
    });
  }
  const { nonce, csp } = documentPolicy(process.env, request.cookies.get(REGIONS_COOKIE)?.value);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Everything but server/security/headers.ts NON_DOCUMENT_PATHS (which get a static CSP from
  // next.config.ts). Must be a literal: Next reads it at build time.
  matcher: ["/((?!api(?:/|$)|_next/static(?:/|$)|_next/image(?:/|$)).*)"],
};
