/**
 * The Content-Security-Policy values, as pure functions of their inputs (table-tested in
 * csp.test.ts). proxy.ts puts a fresh nonce into the document policy per request; everything
 * that is not an HTML document gets NON_DOCUMENT_CSP from next.config.ts.
 */
import "server-only";

interface DocumentCspOptions {
  /** Fresh per response: createNonce(). */
  nonce: string;
  /** Sources besides 'self' the page may fetch from or open WebSockets to (./policy.ts). */
  connectSrc: readonly string[];
  /** `next dev`: React's dev build needs eval, and dev CSS is injected as <style> without nonces. */
  dev?: boolean;
}

/** 128 random bits, base64: Next.js reads it back out of the request's CSP header. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;
/**
 * A CSP host source that cannot break out of its directive: scheme, an optional leftmost `*.`,
 * host name, optional port. (CSP's grammar has no IPv6 literals: a sandbox on [::1] cannot be
 * listed; use 127.0.0.1.)
 */
const SOURCE = /^[a-z][a-z0-9+.-]*:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/i;

export function isSafeSource(source: string): boolean {
  return SOURCE.test(source);
}

/**
 * The policy for HTML documents.
 *
 * - script-src: the nonce and 'strict-dynamic' only. Next.js puts the nonce on its own inline
 *   and bundle scripts (it reads it from this header on the request); chunks those scripts load
 *   are trusted through 'strict-dynamic'. 'self' is there only for browsers without CSP3, which
 *   ignore 'strict-dynamic' and would otherwise load nothing. No 'unsafe-inline', no eval.
 * - style-src: 'self' (the CSS files) and the nonce (the <style> elements Next.js renders).
 *   style-src-attr 'unsafe-inline' lets `style="…"` attributes through: Next's built-in 404 page
 *   renders its layout with them, and a style attribute cannot run script or, with img-src and
 *   font-src as below, load anything from another origin. <style> elements stay nonce-only.
 *   Amplify UI's Authenticator needs nothing more: it is rendered in the browser only
 *   (ssr: false), where React sets styles through the DOM, which CSP does not restrict.
 * - img-src 'self' data: blob: — inline SVG/data icons; no remote images.
 * - connect-src: 'self' (the API routes; also same-host ws: for `next dev`) and the AWS/sandbox
 *   sources. 'self' does not cover another port, so the sandbox is listed explicitly.
 * - frame-ancestors 'none', base-uri 'self', form-action 'self', object-src 'none' as the issue
 *   asks; frame-src 'none' and worker-src 'self' because nothing needs more.
 * - No upgrade-insecure-requests: it would rewrite the local sandbox's http:// calls, and a plain
 *   http deployment on localhost (docker run) to https:// that does not exist. HSTS and the
 *   browser's mixed-content blocking cover https deployments.
 */
export function buildDocumentCsp({ nonce, connectSrc, dev = false }: DocumentCspOptions): string {
  if (!NONCE.test(nonce)) throw new Error("CSP nonce must be base64 of at least 96 bits");
  const connect = ["'self'", ...new Set(connectSrc.filter(isSafeSource))];
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", ...connect],
    ["frame-src", "'none'"],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * JSON from the API routes, static files, anything that is not a page: nothing may run or load,
 * and nothing may frame it. If such a response is ever opened as a document, it is inert.
 * Defined in ./headers.ts, which next.config.ts loads and which may import nothing.
 */
export { NON_DOCUMENT_CSP_VALUE as NON_DOCUMENT_CSP } from "./headers";

/** The nonce Next.js will find: the same pattern Next uses to read it out of the header. */
export function nonceOf(csp: string): string | undefined {
  return /'nonce-([^']+)'/.exec(csp)?.[1];
}
