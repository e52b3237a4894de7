import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config as proxyConfig, proxy } from "@/proxy";
import { NON_DOCUMENT_CSP, nonceOf } from "./csp";
import { BASE_SECURITY_HEADERS, NON_DOCUMENT_PATHS, nextConfigHeaders, PERMISSIONS_POLICY, STATIC_CSP_VALUE } from "./headers";

// The path matcher Next.js itself uses for `headers()` sources and proxy matchers.
const { pathToRegexp } = createRequire(import.meta.url)("next/dist/compiled/path-to-regexp") as {
  pathToRegexp: (source: string) => RegExp;
};

describe("BASE_SECURITY_HEADERS", () => {
  it.each([
    ["Strict-Transport-Security", "max-age=63072000; includeSubDomains"],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "no-referrer"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ])("%s: %s", (key, value) => {
    expect(BASE_SECURITY_HEADERS).toContainEqual({ key, value });
  });

  it("turns off camera, microphone and geolocation, and leaves clipboard (copy buttons) alone", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    expect(PERMISSIONS_POLICY).not.toMatch(/clipboard/);
  });

  it("never sets a CSP on every path (it would stack with the page's nonce policy)", () => {
    const all = nextConfigHeaders().find((rule) => rule.source === "/:path*")!;
    expect(all.headers.map((h) => h.key.toLowerCase())).not.toContain("content-security-policy");
  });
});

describe("which CSP a path gets", () => {
  const proxyMatchers = proxyConfig.matcher.map((source) => pathToRegexp(source));
  const configCsp = nextConfigHeaders()
    .filter((rule) => rule.headers.some((h) => h.key === "Content-Security-Policy"))
    .map((rule) => ({ test: pathToRegexp(rule.source), value: rule.headers.find((h) => h.key === "Content-Security-Policy")!.value }));

  it.each([
    ["/", "document"],
    ["/tokens", "document"],
    ["/calls", "document"],
    ["/does-not-exist", "document"],
    ["/apiary", "document"],
    ["/icon.svg", "document"],
    ["/api", "static"],
    ["/api/presets", "static"],
    ["/api/relay/ws", "static"],
    ["/_next/static/chunks/a.js", "static"],
    ["/_next/image", "static"],
  ])("%s gets exactly one: the %s policy", (path, kind) => {
    const fromProxy = proxyMatchers.some((re) => re.test(path));
    const fromConfig = configCsp.filter((rule) => rule.test.test(path));
    expect(fromProxy).toBe(kind === "document");
    expect(fromConfig.length).toBe(kind === "static" ? 1 : 0);
    // Static chunks may start a worker, which needs to load the app's other chunks.
    if (kind === "static") expect(fromConfig[0]!.value).toBe(path.startsWith("/_next/static") ? STATIC_CSP_VALUE : NON_DOCUMENT_CSP);
  });

  it("sandboxes /api answers: a JSON answer opened as a document runs nothing and has an opaque origin", () => {
    const api = configCsp.find((rule) => rule.test.test("/api/relay"))!;
    expect(api.value.split(";").map((d) => d.trim())).toContain("sandbox");
  });

  it("lists the same non-document paths it excludes from the proxy", () => {
    for (const source of NON_DOCUMENT_PATHS) expect(proxyMatchers.some((re) => re.test(source.replace("/:path*", "/x")))).toBe(false);
  });
});

describe("proxy", () => {
  const run = (path: string, cookie?: string) =>
    proxy(new NextRequest(`http://dashboard.test${path}`, { headers: cookie ? { cookie } : {} }));

  it("puts the same nonce policy on the request (for Next) and on the response", () => {
    const response = run("/tokens");
    const csp = response.headers.get("content-security-policy")!;
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    // NextResponse.next({ request: { headers } }) hands request headers on as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("uses a fresh nonce for every request", () => {
    const nonces = new Set(Array.from({ length: 20 }, () => nonceOf(run("/").headers.get("content-security-policy")!)));
    expect(nonces.size).toBe(20);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])("answers %s to a page with 405 and Allow: GET, HEAD, without reading the body", (method) => {
    const request = new NextRequest("http://dashboard.test/tokens", { method, body: "x".repeat(1024 * 1024) });
    const response = proxy(request);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(request.bodyUsed).toBe(false);
  });

  it.each(["GET", "HEAD"])("lets %s through to the page", (method) => {
    const response = proxy(new NextRequest("http://dashboard.test/tokens", { method }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("widens connect-src by the regions cookie's regions", () => {
    const plain = run("/").headers.get("content-security-policy")!;
    const widened = run("/", "afd-regions=il-central-1").headers.get("content-security-policy")!;
    expect(plain).not.toContain("il-central-1");
    expect(widened).toContain("https://cognito-idp.il-central-1.amazonaws.com");
  });
});
