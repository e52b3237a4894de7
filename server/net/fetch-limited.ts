// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { AppError } from "../../lib/errors";

/**
 * A server-side fetch that cannot be bent: no redirects (a redirect could leave the allow-list),
 * a deadline, and a cap on the answer's size.
 */
type OutboundErrorCode = "unreachable:outbound" | "upstream:outbound:redirect" | "upstream:outbound:too-large";

/** Every outbound failure is a 502 for our routes (kind unreachable or upstream, lib/errors). */
export class OutboundError extends AppError {
  override readonly name = "OutboundError";
  declare readonly code: OutboundErrorCode;
  constructor(code: OutboundErrorCode, message: string) {
    super(code, message);
  }
}

export async function fetchLimited(
  url: URL,
  init: RequestInit & { timeoutMs: number; maxBytes: number },
  fetchImpl: typeof fetch = fetch,
): Promise<{ status: number; headers: Headers; body: string }> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    throw new OutboundError("unreachable:outbound", timedOut ? `${url.host} did not answer within ${init.timeoutMs} ms` : `${url.host} is not reachable`);
  }
  if (response.status >= 300 && response.status < 400) {
    throw new OutboundError("upstream:outbound:redirect", `${url.host} answered with a redirect, which is not followed`);
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > init.maxBytes) {
      await reader.cancel();
      throw new OutboundError("upstream:outbound:too-large", `${url.host} answered with more than ${init.maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { status: response.status, headers: response.headers, body: new TextDecoder().decode(bytes) };
}
