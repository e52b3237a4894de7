/**
 * The realtime cell as a command: AppSync's documented handshake (devguide "Building a real-time
 * WebSocket client", https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html):
 * subprotocols `graphql-ws` + `header-<base64url(auth JSON)>`, `connection_init`, then one `start`
 * whose `extensions.authorization` repeats the auth JSON. The auth JSON is the one
 * realtime-auth.ts sends; the shell fills the credential in and encodes it.
 */
import { shellQuote } from "../http/command-line";
import { env, NEEDS_WS, NEEDS_WS_SIGV4, NODE_SIGV4_PRELUDE, NODE_WS_REFUSAL, nodeCommand, shellBase64Url, SIGV4_ENVIRONMENT } from "../http/ws-command";
import { CONNECT_HEADERS } from "./realtime-auth";
import type { AppSyncEndpoints } from "./endpoints";
import type { GraphqlOperation } from "./http-request";
import type { AppSyncVariant } from "./variants";

/** Prints every frame and hands each to `k`; closes once the subscription is acknowledged or refused (exit 1 on refusal). */
const ON_FRAMES =
  NODE_WS_REFUSAL +
  `s.on("open",()=>s.send(JSON.stringify({type:"connection_init"})));` +
  `s.on("message",m=>{m=String(m);console.log(m);const t=JSON.parse(m).type;` +
  `if(t==="connection_ack")k();` +
  `if(t==="error"||t==="connection_error")process.exitCode=1;` +
  `if(t==="start_ack"||t==="error"||t==="connection_error")s.close()});`;

/**
 * The `start` message. `["authorization"]` rather than `authorization:` so redaction does not take
 * the code for a header.
 */
const START = (auth: string) => `s.send(JSON.stringify({id:"1",type:"start",payload:{data:d,extensions:{["authorization"]:${auth}}}}))`;

/** API key and user pools: the auth JSON the shell built, in the subprotocol and in `start`. */
const SCRIPT = `const W=require("ws");const[u,p,a,d]=process.argv.slice(1);const s=new W(u,["graphql-ws",p]);const k=()=>${START("JSON.parse(a)")};` + ON_FRAMES;

/**
 * IAM: the signed headers of `POST {graphql}/connect` with body `{}` are the connection's auth
 * JSON, and those of `POST {graphql}` with the subscription as body authorize `start`; both signed
 * over the headers aws-amplify sends (realtime-auth.ts), service `appsync`.
 */
const SIGV4_SCRIPT =
  `const W=require("ws");` +
  NODE_SIGV4_PRELUDE +
  `const[u,c,q,g,d]=process.argv.slice(1);const h=${JSON.stringify(CONNECT_HEADERS)};` +
  `const A=(x,b)=>V("appsync",g).sign({...R(x,"POST",h),body:b}).then(r=>r.headers);` +
  `A(c,"{}").then(a=>{const s=new W(u,["graphql-ws","header-"+Buffer.from(JSON.stringify(a)).toString("base64url")]);` +
  `const k=()=>A(q,d).then(z=>${START("z")});` +
  ON_FRAMES +
  `});`;

export function realtimeCommand(variant: AppSyncVariant, endpoints: AppSyncEndpoints, subscription: GraphqlOperation, region: string): { command?: string; notes: string[] } {
  const data = JSON.stringify({ query: subscription.query, variables: subscription.variables ?? {} });
  const stops = "it stops once the subscription is acknowledged (start_ack).";
  if (variant === "iam") {
    return {
      command: nodeCommand(
        [],
        SIGV4_SCRIPT,
        [shellQuote(endpoints.realtimeUrl), shellQuote(endpoints.connectUrl), shellQuote(endpoints.graphqlUrl), shellQuote(region), shellQuote(data)],
        SIGV4_ENVIRONMENT,
      ),
      notes: [NEEDS_WS_SIGV4, `The command signs the connection and the subscription itself; ${stops}`],
    };
  }
  // realtime-auth.ts: API key → host, x-amz-date, x-api-key; user pool → host, Authorization (the raw
  // JWT); Lambda → host, Authorization (the authorizer's token).
  const auth =
    variant === "api-key"
      ? `AUTH="$(printf '{"host":"%s","x-amz-date":"%s","x-api-key":"%s"}' ${shellQuote(endpoints.host)} "$(date -u +%Y%m%dT%H%M%SZ)" ${env("API_KEY")})"`
      : `AUTH="$(printf '{"host":"%s","Authorization":"%s"}' ${shellQuote(endpoints.host)} ${env(variant === "id-token" ? "ID_TOKEN" : variant === "lambda-token" ? "LAMBDA_TOKEN" : "ACCESS_TOKEN")})"`;
  const protocol = `PROTOCOL="header-${shellBase64Url('"$AUTH"')}"`;
  return {
    command: nodeCommand([auth, protocol], SCRIPT, [shellQuote(endpoints.realtimeUrl), '"$PROTOCOL"', '"$AUTH"', shellQuote(data)]),
    notes: [NEEDS_WS, `The command ${stops}`],
  };
}
