import { NextResponse, type NextRequest } from "next/server";
import { documentPolicy } from "@/server/security/policy";
import { REGIONS_COOKIE } from "@/lib/security/regions-cookie";

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
