/**
 * The response headers every answer carries, whatever it is. No imports: next.config.ts loads
 * this file while Next is still reading its configuration.
 *
 * HTML documents additionally get the per-request, nonce-based CSP from proxy.ts; everything
 * else gets NON_DOCUMENT_CSP (kept equal to ./csp.ts, which the tests check). The two never
 * apply to the same path: a second CSP header would be enforced on top of the first.
 */

interface HeaderEntry {
  key: string;
  value: string;
}

/** Feature policy: nothing this dashboard uses, so everything a page could ask for is off. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

export const BASE_SECURITY_HEADERS: readonly HeaderEntry[] = [
  // Two years, subdomains included; not `preload`, which would bind every subdomain of whatever
  // domain this is deployed on, and is the domain owner's decision.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // URLs here can carry pool ids, API ids and, after an OAuth redirect, codes: never send them on.
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // No window this page opens (or that opens it) keeps a handle on it.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * `sandbox` (no value: every restriction): an API answer opened as a document — a JSON body a
 * link points at — gets an opaque origin, so even content a browser mis-sniffed as HTML could
 * neither run nor read the dashboard's cookies or storage.
 */
export const NON_DOCUMENT_CSP_VALUE = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/**
 * Static chunks may start a Web Worker (the CloudTrail file parser), and a worker lives under
 * its own script's CSP: it must be allowed to load the app's other chunks, and nothing else.
 */
export const STATIC_CSP_VALUE = "default-src 'none'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Paths that are never HTML documents; proxy.ts's matcher excludes exactly these, so the two
 * CSPs never meet. `/api/` is excluded from the proxy also so that request bodies there are not
 * buffered by it (Next buffers up to 10 MB per request for a proxy; the routes cap their own).
 */
export const NON_DOCUMENT_PATHS = ["/api/:path*", "/_next/static/:path*", "/_next/image"] as const;

/** For next.config.ts `headers()`. */
export function nextConfigHeaders(): Array<{ source: string; headers: HeaderEntry[] }> {
  return [
    { source: "/:path*", headers: [...BASE_SECURITY_HEADERS] },
    ...NON_DOCUMENT_PATHS.map((source) => ({
      source,
      headers: [{ key: "Content-Security-Policy", value: source.startsWith("/_next/static") ? STATIC_CSP_VALUE : NON_DOCUMENT_CSP_VALUE }],
    })),
  ];
}

