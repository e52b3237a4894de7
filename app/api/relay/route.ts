import { createRelay } from "@/server/relay/relay-core";
import { sandboxOrigins } from "@/server/net/server-config";

/** Forwards one already-signed request to an allow-listed AWS endpoint; see server/relay/relay-core. */
export const dynamic = "force-dynamic";

const relay = createRelay({ sandboxOrigins: () => sandboxOrigins() });

export function POST(request: Request): Promise<Response> {
  return relay(request);
}
