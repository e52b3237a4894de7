/**
 * The realtime cell as a command: AppSync's documented handshake (devguide "Building a real-time
 * WebSocket client", https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html):
 * subprotocols `graphql-ws` + `header-<base64url(auth JSON)>`, `connection_init`, then one `start`
 * whose `extensions.authorization` repeats the auth JSON. The auth JSON is the one
 * realtime-auth.ts sends; the shell fills the credential in and encodes it.
 */
import { shellQuote } from "../http/command-line";
import { env, NODE_WS_REFUSAL, nodeCommand, shellBase64Url } from "../http/ws-command";
import type { AppSyncEndpoints } from "./endpoints";
import type { GraphqlOperation } from "./http-request";
import type { AppSyncVariant } from "./variants";

/**
 * Prints every frame; closes once the subscription is acknowledged or refused (exit 1 on refusal).
 * `["authorization"]` rather than `authorization:` so redaction does not take the code for a header.
 */
const SCRIPT =
  `const W=require("ws");const[u,p,a,d]=process.argv.slice(1);const s=new W(u,["graphql-ws",p]);` +
  NODE_WS_REFUSAL +
  `s.on("open",()=>s.send(JSON.stringify({type:"connection_init"})));` +
  `s.on("message",m=>{m=String(m);console.log(m);const t=JSON.parse(m).type;` +
  `if(t==="connection_ack")s.send(JSON.stringify({id:"1",type:"start",payload:{data:d,extensions:{["authorization"]:JSON.parse(a)}}}));` +
  `if(t==="error"||t==="connection_error")process.exitCode=1;` +
  `if(t==="start_ack"||t==="error"||t==="connection_error")s.close()});`;

export function realtimeCommand(variant: AppSyncVariant, endpoints: AppSyncEndpoints, subscription: GraphqlOperation): { command?: string; notes: string[] } {
  if (variant === "iam") {
    return {
      notes: [
        "No command to copy: the realtime handshake needs a SigV4 signature over the /connect request, which a shell cannot compute; the HTTP IAM cell's curl command tries the same credentials.",
      ],
    };
  }
  // realtime-auth.ts: API key → host, x-amz-date, x-api-key; user pool → host, Authorization (the raw JWT).
  const auth =
    variant === "api-key"
      ? `AUTH="$(printf '{"host":"%s","x-amz-date":"%s","x-api-key":"%s"}' ${shellQuote(endpoints.host)} "$(date -u +%Y%m%dT%H%M%SZ)" ${env("API_KEY")})"`
      : `AUTH="$(printf '{"host":"%s","Authorization":"%s"}' ${shellQuote(endpoints.host)} ${env(variant === "id-token" ? "ID_TOKEN" : "ACCESS_TOKEN")})"`;
  const protocol = `PROTOCOL="header-${shellBase64Url('"$AUTH"')}"`;
  const data = JSON.stringify({ query: subscription.query, variables: subscription.variables ?? {} });
  return {
    command: nodeCommand([auth, protocol], SCRIPT, [shellQuote(endpoints.realtimeUrl), '"$PROTOCOL"', '"$AUTH"', shellQuote(data)]),
    notes: ["The command needs Node.js and the ws package (npm install ws); it stops once the subscription is acknowledged (start_ack)."],
  };
}
