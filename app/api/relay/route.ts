import { createRelay } from "@/lib/http/relay-core";
import { sandboxOrigins } from "@/lib/net/server-config";

/** Forwards one already-signed request to an allow-listed AWS endpoint; see lib/http/relay-core. */
export const dynamic = "force-dynamic";

const relay = createRelay({ sandboxOrigins: () => sandboxOrigins() });

export function POST(request: Request): Promise<Response> {
  return relay(request);
}
