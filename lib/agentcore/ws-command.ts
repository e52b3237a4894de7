/**
 * The runtime WebSocket cells as commands (devguide runtime-get-started-websocket): the token as
 * the subprotocol pair `base64UrlBearerAuthorization.<base64url(token)>` + `base64UrlBearerAuthorization`
 * (ws-auth.ts), or as an `Authorization: Bearer` header on the upgrade, which non-browser clients
 * can send. The shell expands the token and encodes it; the script sends the prompt, prints every
 * frame and closes after 3 s of silence.
 */
import { shellQuote } from "../http/command-line";
import { env, NODE_WS_REFUSAL, nodeCommand, shellBase64Url } from "../http/ws-command";
import { SESSION_ID_HEADER } from "./urls";
import { BEARER_SUBPROTOCOL } from "./ws-auth";
import type { AgentCoreColumn } from "./variants";

const AFTER_OPEN =
  NODE_WS_REFUSAL +
  `let t;const q=()=>{clearTimeout(t);t=setTimeout(()=>s.close(),3000)};` +
  `s.on("open",()=>{s.send(m);q()});s.on("message",x=>{console.log(String(x));q()});s.on("close",c=>console.log("closed "+c));`;

const SUBPROTOCOL_SCRIPT = `const W=require("ws");const[u,p,m]=process.argv.slice(1);const s=new W(u,[p,"${BEARER_SUBPROTOCOL}"]);` + AFTER_OPEN;
const HEADER_SCRIPT = `const W=require("ws");const[u,h,i,m]=process.argv.slice(1);const s=new W(u,{headers:{Authorization:h,"${SESSION_ID_HEADER}":i}});` + AFTER_OPEN;

const NEEDS = "The command needs Node.js and the ws package (npm install ws).";

/** `url` is the runtime's WebSocket URL (with the session id in its query for the subprotocol columns). */
export function runtimeWsCommand(column: AgentCoreColumn, url: string, sessionId: string, message: string): { command?: string; notes: string[] } {
  if (column === "sigv4") {
    return {
      notes: [
        "No command to copy: the presigned URL's SigV4 signature is computed by a signer (the AWS SDKs, bedrock-agentcore's generate_presigned_url), not by a shell; the HTTP SigV4 cell's curl command tries the same credentials.",
      ],
    };
  }
  if (column === "bearer-header") {
    return {
      command: nodeCommand([], HEADER_SCRIPT, [shellQuote(url), `"Bearer ${"$"}ACCESS_TOKEN"`, shellQuote(sessionId), shellQuote(message)]),
      notes: [NEEDS],
    };
  }
  const token = env(column === "id-token" ? "ID_TOKEN" : "ACCESS_TOKEN");
  return {
    command: nodeCommand([`PROTOCOL="${BEARER_SUBPROTOCOL}.${shellBase64Url(token)}"`], SUBPROTOCOL_SCRIPT, [shellQuote(url), '"$PROTOCOL"', shellQuote(message)]),
    notes: [NEEDS],
  };
}
