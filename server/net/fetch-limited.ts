// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
/**
 * A server-side fetch that cannot be bent: no redirects (a redirect could leave the allow-list),
 * a deadline, and a cap on the answer's size.
 */
export class OutboundError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "OutboundError";
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
    throw new OutboundError(timedOut ? `${url.host} did not answer within ${init.timeoutMs} ms` : `${url.host} is not reachable`, 502);
  }
  if (response.status >= 300 && response.status < 400) {
    throw new OutboundError(`${url.host} answered with a redirect, which is not followed`, 502);
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
      throw new OutboundError(`${url.host} answered with more than ${init.maxBytes} bytes`, 502);
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
