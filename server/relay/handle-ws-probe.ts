import "server-only";
import { z } from "zod";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { clientAddress } from "../net/client-address";
import { createRateLimiter, type RateLimiter } from "../net/rate-limit";
import { refuseUnlessSameOriginJson } from "../net/same-origin";
import { sandboxOrigins } from "../net/server-config";
import { probeUpgrade } from "./ws-upgrade-probe";
import { readCappedText } from "../../lib/http/read-body";

/**
 * A subprotocol is an RFC 9110 token: Sec-WebSocket-Protocol carries a list of them (RFC 6455
 * §4.1 and §11.3.4), and the WebSocket API refuses anything else, or a name given twice, with a
 * SyntaxError (WHATWG WebSockets, the WebSocket constructor). So does `ws`, by throwing.
 */
const SUBPROTOCOL = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const body = z.strictObject({
  url: z.string({ error: "url must be a string" }).max(8192, "url is longer than 8192 characters"),
  protocols: z
    .array(
      z
        .string({ error: "a subprotocol must be a string" })
        .max(16384, "a subprotocol is longer than 16384 characters")
        .regex(SUBPROTOCOL, "a subprotocol must be a token (letters, digits and !#$%&'*+-.^_`|~; no spaces, commas or line breaks)"),
      { error: "protocols must be an array of subprotocol names" },
    )
    .max(8, "at most 8 subprotocols")
    .refine((names) => new Set(names).size === names.length, "a subprotocol is named twice"),
});

const sharedLimiter = createRateLimiter({ capacity: 30, windowMs: 10_000 });

const refuse = (message: string, status: number, headers: Record<string, string> = {}) =>
  Response.json({ message }, { status, headers: { "cache-control": "no-store", ...headers } });

/**
 * Tells the browser why its WebSocket upgrade was refused, by repeating the upgrade from the
 * server (AgentCore and AppSync realtime hosts, or the configured sandbox, only). Nothing is
 * logged; the answer carries only the status, error type and message.
 */
export async function handleWsProbeRequest(request: Request, deps: { rateLimiter?: RateLimiter } = {}): Promise<Response> {
  const crossOrigin = refuseUnlessSameOriginJson(request, "relay-ws");
  if (crossOrigin) return crossOrigin;
  const verdict = (deps.rateLimiter ?? sharedLimiter).take(clientAddress(request.headers));
  if (!verdict.ok) {
    return refuse(`Too many WebSocket probes; retry in ${verdict.retryAfterSeconds} s.`, 429, { "retry-after": String(verdict.retryAfterSeconds) });
  }
  const { text, truncated } = await readCappedText(request.body, 64 * 1024);
  if (truncated) return refuse("Request too large", 413);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse("Expected a JSON body {url, protocols}", 400);
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(body)"}: ${issue.message}`);
    return refuse(`Expected {url, protocols}: ${problems.slice(0, 3).join("; ")}`, 400);
  }
  const input = parsed.data;
  // The allow-list speaks http(s); a ws(s) URL is checked as the host it upgrades from.
  const asHttp = input.url.replace(/^ws(s?):/, "http$1:");
  const target = checkOutboundUrl(asHttp, { services: ["bedrock-agentcore", "appsync"], sandboxOrigins: sandboxOrigins() });
  const realtimeHost = /^https:\/\/[a-z0-9]{26}\.appsync-realtime-api\.[a-z0-9-]+\.amazonaws\.com\//.test(asHttp);
  if ((!target.ok && !realtimeHost) || !/^wss?:/.test(input.url)) {
    return refuse(`Refused: ${target.ok ? "not a WebSocket URL" : target.reason}`, 403);
  }
  return Response.json(await probeUpgrade(input.url, input.protocols));
}
