/**
 * The runtime WebSocket cells as commands (devguide runtime-get-started-websocket): the token as
 * the subprotocol pair `base64UrlBearerAuthorization.<base64url(token)>` + `base64UrlBearerAuthorization`
 * (ws-auth.ts), or as an `Authorization: Bearer` header on the upgrade, which non-browser clients
 * can send. The shell expands the token and encodes it; the script sends the prompt, prints every
 * frame and closes after 3 s of silence.
 */
import { shellQuote } from "../http/command-line";
import { env, NEEDS_WS, NEEDS_WS_SIGV4, NODE_SIGV4_PRELUDE, NODE_WS_REFUSAL, nodeCommand, shellBase64Url, SIGV4_ENVIRONMENT } from "../http/ws-command";
import { AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS } from "../sigv4/presign";
import { AGENTCORE_SIGNING_NAME } from "./urls";
import { SESSION_ID_HEADER } from "./urls";
import { BEARER_SUBPROTOCOL } from "./ws-auth";
import { tokenVariable, type AgentCoreColumn } from "./variants";

const AFTER_OPEN =
  NODE_WS_REFUSAL +
  `let t;const q=()=>{clearTimeout(t);t=setTimeout(()=>s.close(),3000)};` +
  `s.on("open",()=>{s.send(m);q()});s.on("message",x=>{console.log(String(x));q()});s.on("close",c=>console.log("closed "+c));`;

const SUBPROTOCOL_SCRIPT = `const W=require("ws");const[u,p,m]=process.argv.slice(1);const s=new W(u,[p,"${BEARER_SUBPROTOCOL}"]);` + AFTER_OPEN;
const HEADER_SCRIPT = `const W=require("ws");const[u,h,i,m]=process.argv.slice(1);const s=new W(u,{headers:{Authorization:h,"${SESSION_ID_HEADER}":i}});` + AFTER_OPEN;

/**
 * Presigns the GET upgrade as `https://…` with the query it already holds (qualifier, session id)
 * and opens the same URL as `wss://…`, as bedrock-agentcore's generate_presigned_url does and
 * lib/sigv4/presign.ts does for the cell; valid for AgentCore's maximum of 300 s.
 */
const PRESIGN_SCRIPT =
  `const W=require("ws");` +
  NODE_SIGV4_PRELUDE +
  `const[u,g,m]=process.argv.slice(1);` +
  `V("${AGENTCORE_SIGNING_NAME}",g).presign(R(u.replace(/^ws/,"http"),"GET",{}),{expiresIn:${AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS}}).then(p=>{` +
  `const s=new W(u.split("?")[0]+"?"+new URLSearchParams(p.query));` +
  AFTER_OPEN +
  `});`;

/**
 * `url` is the runtime's WebSocket URL, unsigned (with the session id in its query for the
 * subprotocol and SigV4 columns); `region` is the one SigV4 signs for.
 */
export function runtimeWsCommand(column: AgentCoreColumn, url: string, sessionId: string, message: string, region: string): { command?: string; notes: string[] } {
  if (column === "sigv4") {
    return {
      command: nodeCommand([], PRESIGN_SCRIPT, [shellQuote(url), shellQuote(region), shellQuote(message)], SIGV4_ENVIRONMENT),
      notes: [NEEDS_WS_SIGV4, `The command presigns the URL itself, valid ${AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS} s, so each run is freshly signed.`],
    };
  }
  if (column === "bearer-header") {
    return {
      command: nodeCommand([], HEADER_SCRIPT, [shellQuote(url), `"Bearer ${"$"}ACCESS_TOKEN"`, shellQuote(sessionId), shellQuote(message)]),
      notes: [NEEDS_WS],
    };
  }
  const token = env(tokenVariable(column));
  return {
    command: nodeCommand([`PROTOCOL="${BEARER_SUBPROTOCOL}.${shellBase64Url(token)}"`], SUBPROTOCOL_SCRIPT, [shellQuote(url), '"$PROTOCOL"', shellQuote(message)]),
    notes: [NEEDS_WS],
  };
}
