import type { NextConfig } from "next";
import { nextConfigHeaders } from "./server/security/headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking is its own step (`npm run typecheck`, the first thing `npm test` runs) over the
  // whole repository, sandbox and CLI included; the build need not do a second, partial pass.
  typescript: { ignoreBuildErrors: true },
  // A self-contained server (.next/standalone/server.js) for the Docker image and scripts/start.mjs.
  output: "standalone",
  // Security headers on every response; pages also get a per-request nonce CSP from proxy.ts.
  headers: async () => nextConfigHeaders(),
  // The CloudTrail page was /trail; old bookmarks and shared "Check CloudTrail" links (their
  // #at=… fragment stays with the browser across the redirect) still land on it.
  redirects: async () => [{ source: "/trail", destination: "/cloudtrail", permanent: true }],
  experimental: {
    // Pages take no request bodies (no Server Actions); the proxy would otherwise buffer up to
    // 10 MB of any POST to a page path. API routes are outside the proxy and cap their own.
    proxyClientMaxBodySize: "64kb",
  },
};

export default nextConfig;
