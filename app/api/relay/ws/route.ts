import { handleWsProbeRequest } from "@/server/relay/handle-ws-probe";

/** Repeats a refused WebSocket upgrade from the server to tell the browser why; see server/relay. */
export function POST(request: Request): Promise<Response> {
  return handleWsProbeRequest(request);
}
