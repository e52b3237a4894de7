/**
 * The Event API WebSocket cells as commands: a `node -e` line on the `ws` package doing what the
 * cell did — subprotocols `aws-appsync-event-ws` + `header-<base64url(auth JSON)>`,
 * `connection_init`, then one `subscribe` or `publish` with its own `authorization` (developer
 * guide, event-api-websocket-protocol and publish-websocket). IAM signs in the script with
 * @smithy/signature-v4, as the AWS SDK for JavaScript does: `POST {http url}` with body `{}` for
 * the connection and `{"channel":…[,"events":[…]]}` for the message — the signature covers the
 * message, so the script signs exactly what it sends.
 */
import { shellQuote } from "../../http/command-line";
import { env, NEEDS_WS, NEEDS_WS_SIGV4, NODE_SIGV4_PRELUDE, NODE_WS_REFUSAL, nodeCommand, shellBase64Url, SIGV4_ENVIRONMENT } from "../../http/ws-command";
import { CONNECT_HEADERS } from "../realtime-auth";
import type { EventVariant } from "./auth";
import type { EventEndpoints } from "./endpoints";

/** Prints every frame; sends the message once acknowledged; closes at the answer (exit 1 on an error frame). */
const ON_FRAMES =
  NODE_WS_REFUSAL +
  `s.on("open",()=>s.send(JSON.stringify({type:"connection_init"})));` +
  `s.on("message",m=>{m=String(m);console.log(m);const t=JSON.parse(m).type;` +
  `if(t==="connection_ack")k();` +
  `if(/error$/.test(t))process.exitCode=1;` +
  `if(/_success$|error$/.test(t))s.close()});`;

/** The message: `["authorization"]` so the report's redaction does not read the code as a header. */
const MESSAGE = (auth: string) => `s.send(JSON.stringify({id:"1",type:y,channel:c,...(e?{events:e}:{}),["authorization"]:${auth}}))`;

/** Arguments: url, subprotocol, auth JSON, type, channel, events JSON (or empty). */
const SCRIPT =
  `const W=require("ws");const[u,p,a,y,c,x]=process.argv.slice(1);const e=x?JSON.parse(x):undefined;` +
  `const s=new W(u,["aws-appsync-event-ws",p]);const k=()=>${MESSAGE("JSON.parse(a)")};` +
  ON_FRAMES;

/** Arguments: realtime url, http url, region, type, channel, events JSON (or empty). */
const SIGV4_SCRIPT =
  `const W=require("ws");` +
  NODE_SIGV4_PRELUDE +
  `const[u,q,g,y,c,x]=process.argv.slice(1);const e=x?JSON.parse(x):undefined;const h=${JSON.stringify(CONNECT_HEADERS)};` +
  `const A=b=>V("appsync",g).sign({...R(q,"POST",h),body:b}).then(r=>r.headers);` +
  `A("{}").then(a=>{const s=new W(u,["aws-appsync-event-ws","header-"+Buffer.from(JSON.stringify(a)).toString("base64url")]);` +
  `const k=()=>A(JSON.stringify(e?{channel:c,events:e}:{channel:c})).then(z=>${MESSAGE("z")});` +
  ON_FRAMES +
  `});`;

export function eventWsCommand(
  action: "subscribe" | "publish",
  variant: EventVariant,
  endpoints: EventEndpoints,
  channel: string,
  events: readonly string[] | undefined,
  region: string,
): { command: string; notes: string[] } {
  const eventsArg = shellQuote(events ? JSON.stringify(events) : "");
  const stops = `it stops at AppSync's answer (${action}_success or ${action}_error).`;
  if (variant === "iam") {
    return {
      command: nodeCommand([], SIGV4_SCRIPT, [shellQuote(endpoints.realtimeUrl), shellQuote(endpoints.httpUrl), shellQuote(region), action, shellQuote(channel), eventsArg], SIGV4_ENVIRONMENT),
      notes: [NEEDS_WS_SIGV4, `The command signs the connection and the ${action} message itself (the signature covers the message's channel${events ? " and events" : ""}); ${stops}`],
    };
  }
  const auth =
    variant === "api-key"
      ? `AUTH="$(printf '{"host":"%s","x-api-key":"%s"}' ${shellQuote(endpoints.host)} ${env("API_KEY")})"`
      : `AUTH="$(printf '{"host":"%s","Authorization":"%s"}' ${shellQuote(endpoints.host)} ${env(variant === "id-token" ? "ID_TOKEN" : "ACCESS_TOKEN")})"`;
  const protocol = `PROTOCOL="header-${shellBase64Url('"$AUTH"')}"`;
  return {
    command: nodeCommand([auth, protocol], SCRIPT, [shellQuote(endpoints.realtimeUrl), '"$PROTOCOL"', '"$AUTH"', action, shellQuote(channel), eventsArg]),
    notes: [NEEDS_WS, `The command ${stops}`],
  };
}
