import { request } from "node:https";
import { rootCertificates } from "node:tls";

/**
 * The sandbox reads its own discovery documents and JWKS over HTTP, as AppSync, AgentCore and
 * Cognito identity read an issuer's. Through the TLS listener those URLs are https on the
 * sandbox's own CA, which this process cannot add to Node's trust store after start-up
 * (NODE_EXTRA_CA_CERTS is read once, at launch). This `fetch` trusts the system's roots plus that
 * CA for https requests, exactly what a client started with NODE_EXTRA_CA_CERTS would, and
 * hands plain-HTTP ones to the global fetch. Bodies are strings or bytes; nothing here streams.
 */
export function fetchTrustingCa(caPem: string): typeof fetch {
  const ca = [...rootCertificates, caPem];
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== "https:") return fetch(input, init);
    if (input instanceof Request) throw new TypeError("fetchTrustingCa takes a URL and init, not a Request");
    const body = init?.body ?? undefined;
    if (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array)) throw new TypeError("fetchTrustingCa sends string or byte bodies only");
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const req = request(url, { method, headers, ca, ...(init?.signal ? { signal: init.signal } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, one);
          }
          const status = res.statusCode ?? 502;
          const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status, headers: responseHeaders }));
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  };
}
