import "server-only";
import { z } from "zod";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { sandboxOrigins } from "../net/server-config";
import { probeUpgrade } from "./ws-upgrade-probe";
import { readCappedText } from "../../lib/http/read-body";

const body = z.object({ url: z.string().max(8192), protocols: z.array(z.string().max(16384)).max(8) });

/**
 * Tells the browser why its WebSocket upgrade was refused, by repeating the upgrade from the
 * server (AgentCore and AppSync realtime hosts, or the configured sandbox, only). Nothing is
 * logged; the answer carries only the status, error type and message.
 */
export async function handleWsProbeRequest(request: Request): Promise<Response> {
  const { text, truncated } = await readCappedText(request.body, 64 * 1024);
  if (truncated) return Response.json({ message: "Request too large" }, { status: 413 });
  let input: z.infer<typeof body>;
  try {
    input = body.parse(JSON.parse(text));
  } catch {
    return Response.json({ message: "Expected {url, protocols}" }, { status: 400 });
  }
  // The allow-list speaks http(s); a ws(s) URL is checked as the host it upgrades from.
  const asHttp = input.url.replace(/^ws(s?):/, "http$1:");
  const target = checkOutboundUrl(asHttp, { services: ["bedrock-agentcore", "appsync"], sandboxOrigins: sandboxOrigins() });
  const realtimeHost = /^https:\/\/[a-z0-9]{26}\.appsync-realtime-api\.[a-z0-9-]+\.amazonaws\.com\//.test(asHttp);
  if ((!target.ok && !realtimeHost) || !/^wss?:/.test(input.url)) {
    return Response.json({ message: `Refused: ${target.ok ? "not a WebSocket URL" : target.reason}` }, { status: 403 });
  }
  return Response.json(await probeUpgrade(input.url, input.protocols));
}
