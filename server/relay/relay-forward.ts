// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
/**
 * The relay's one outbound call: the envelope's request, unchanged, to an already allow-listed
 * URL; no redirects, a deadline, and the answer streamed back under a byte cap.
 */
import { RelayError } from "../../lib/http/errors";
import { forwardableRequestHeaders, forwardableResponseHeaders } from "./hop-by-hop";
import type { RelayEnvelope } from "../../lib/http/relay-envelope";

interface ForwardOptions {
  fetchImpl: typeof fetch;
  timeoutMs: number;
  maxResponseBytes: number;
  /** The caller's request signal: a browser that gave up stops the upstream call too. */
  signal?: AbortSignal;
}

export async function forwardUpstream(url: URL, envelope: RelayEnvelope, options: ForwardOptions): Promise<Response> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let upstream: Response;
  try {
    upstream = await options.fetchImpl(url, {
      method: envelope.method,
      headers: forwardableRequestHeaders(envelope.headers),
      body: envelope.method === "POST" ? (envelope.body ?? "") : undefined,
      redirect: "manual",
      cache: "no-store",
      signal,
    });
  } catch (error) {
    if (deadline.aborted) throw new RelayError("timeout:relay", `${url.host} did not answer within ${options.timeoutMs} ms.`);
    throw new RelayError("unreachable:relay", `${url.host} is not reachable from the relay${causeCode(error)}.`);
  }
  if (isRedirect(upstream)) {
    await upstream.body?.cancel().catch(() => undefined);
    throw new RelayError(
      "upstream:relay:redirect",
      `${url.host} answered ${upstream.status} with a redirect${locationOrigin(upstream, url)}; the relay does not follow redirects.`,
    );
  }
  const declared = Number(upstream.headers.get("content-length") ?? NaN);
  if (declared > options.maxResponseBytes) {
    await upstream.body?.cancel().catch(() => undefined);
    throw new RelayError("upstream:relay:too-large", `${url.host} answered with ${declared} bytes; the relay passes at most ${options.maxResponseBytes}.`);
  }
  const headers = forwardableResponseHeaders(upstream.headers);
  headers.set("x-relay", "1");
  headers.set("x-relay-max-bytes", String(options.maxResponseBytes));
  const body = upstream.body?.pipeThrough(byteCap(options.maxResponseBytes, url.host)) ?? null;
  return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers });
}

/** 304 is not a redirect; `opaqueredirect` (status 0) is what a browser-like fetch returns instead. */
function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/** Only the origin of a Location: its query may carry an OAuth code or a token. */
function locationOrigin(response: Response, base: URL): string {
  const location = response.headers.get("location");
  if (!location) return "";
  try {
    return ` to ${new URL(location, base).origin}`;
  } catch {
    return "";
  }
}

/** Node's fetch puts the system error code (ECONNREFUSED, ENOTFOUND, CERT_…) on `cause`. */
function causeCode(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code) ? ` (${code})` : "";
}

/**
 * Headers are already sent when an answer turns out too big, so the stream is cut: the browser
 * sees a broken body, and `x-relay-max-bytes` lets it say why.
 */
function byteCap(maxBytes: number, host: string): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) {
        controller.error(new RelayError("upstream:relay:too-large", `${host} answered with more than ${maxBytes} bytes.`));
        return;
      }
      controller.enqueue(chunk);
    },
  });
}
