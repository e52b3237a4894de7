import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { handleLookupRequest } from "./handle-request";
import { readNdjson, type LookupMessage } from "../../lib/cloudtrail/lookup/messages";
import { createPacer } from "./pacer";
import { createRateLimiter } from "../net/rate-limit";
import { guardedJwksCache } from "./server-mode";

/** A CloudTrail endpoint nobody listens on is named as unreachable: which host and port, what was tried. */

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe("POST /api/cloudtrail against an endpoint that does not answer", () => {
  it("says CloudTrail at host:port could not be reached, and that the server tried LookupEvents, without the keys", async () => {
    const port = await deadPort();
    const origin = `http://127.0.0.1:${port}`;
    const secret = "sandboxWrongResTrailReaderSecretEXAMPLE1";
    const request = new Request("http://127.0.0.1/api/cloudtrail", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify({
        region: "ap-northeast-1",
        endpoint: `${origin}/cloudtrail`,
        startTime: new Date(Date.now() - 3600_000).toISOString(),
        endTime: new Date().toISOString(),
        credentials: { mode: "pasted", accessKeyId: "AKIAEXAMPLEWRONGRES1", secretAccessKey: secret },
      }),
    });
    const response = await handleLookupRequest(request, {
      env: { AUTH_DEBUGGER_SANDBOX_URL: origin },
      pacer: createPacer(),
      jwks: guardedJwksCache([origin]),
      rateLimiter: createRateLimiter({ capacity: 1000 }),
    });
    const messages: LookupMessage[] = [];
    await readNdjson(response.body!, (m) => messages.push(m));
    const last = messages.at(-1);
    expect(last).toMatchObject({ type: "error", code: "unreachable:cloudtrail" });
    const message = (last as { message: string }).message;
    expect(message).toMatch(new RegExp(`^CloudTrail at 127\\.0\\.0\\.1:${port} could not be reached\\. Tried: LookupEvents from the dashboard's server: no answer \\(.*ECONNREFUSED`));
    expect(message).not.toContain(secret);
    expect(message).not.toContain("AKIAEXAMPLEWRONGRES1");
  });
});
