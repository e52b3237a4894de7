/**
 * WebSocket equivalents of a cell, as shell commands: a `node -e` script on the `ws` package
 * (`npm install ws`), reading its URL, subprotocols and first frame from its arguments. The
 * credential stays a placeholder the shell expands; where a subprotocol must carry it in base64url,
 * the shell builds that too, so nothing secret is ever pre-encoded into the copied text.
 */
import { shellQuote, shellWord, type Placeholder } from "./command-line";

/** `$(printf %s "$NAME" | base64 | …)`: base64url without padding, computed by the shell (GNU and BSD base64 alike). */
export function shellBase64Url(expansion: string): string {
  return `$(printf %s ${expansion} | base64 | tr -d '\\n=' | tr '+/' '-_')`;
}

/** A placeholder as its own double-quoted word. */
export const env = (name: Placeholder) => shellWord([{ env: name }]);

/**
 * `VAR="…" && … && [NAME="$NAME"…] node -e '<script>' args…`; the script must not hold `'` (it is
 * single-quoted whole), and reads its arguments from `process.argv.slice(1)`. `environment` hands
 * placeholders to node as its environment, so secrets stay out of its argument list (`ps`) and
 * the command works whether or not the user exported them.
 */
export function nodeCommand(assignments: readonly string[], script: string, args: readonly string[], environment: readonly Placeholder[] = []): string {
  if (script.includes("'")) throw new Error("node -e script must not contain a single quote");
  const prefix = environment.map((name) => `${name}=${env(name)} `).join("");
  return [...assignments, `${prefix}node -e ${shellQuote(script)} \\\n  ${args.join(" ")}`].join(" && \\\n");
}

/** What a SigV4 WebSocket script reads from its environment (temporary credentials carry all three). */
export const SIGV4_ENVIRONMENT: readonly Placeholder[] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

/**
 * Script prelude for SigV4: `V(service, region)` is a @smithy/signature-v4 signer (with
 * @aws-crypto/sha256-js, as the dashboard signs) over the credentials in the environment, and
 * `R(url, method, headers)` the request shape it signs, the path kept percent-encoded as sent.
 * Bracketed key names keep the report's redaction from reading the code as a secret.
 */
export const NODE_SIGV4_PRELUDE =
  `const{SignatureV4:S}=require("@smithy/signature-v4");const{Sha256:H}=require("@aws-crypto/sha256-js");const E=process.env;` +
  `const V=(n,g)=>new S({service:n,region:g,sha256:H,applyChecksum:false,uriEscapePath:true,credentials:{accessKeyId:E.AWS_ACCESS_KEY_ID,["secretAccessKey"]:E.AWS_SECRET_ACCESS_KEY,["sessionToken"]:E.AWS_SESSION_TOKEN||undefined}});` +
  `const R=(x,k,h)=>{x=new URL(x);return{method:k,protocol:x.protocol,hostname:x.hostname,port:x.port?Number(x.port):undefined,path:x.pathname,query:Object.fromEntries(x.searchParams),headers:{...h,host:x.host}}};`;

export const NEEDS_WS = "The command needs Node.js and the ws package (npm install ws).";
export const NEEDS_WS_SIGV4 = "The command needs Node.js and the ws, @smithy/signature-v4 and @aws-crypto/sha256-js packages (npm install ws @smithy/signature-v4 @aws-crypto/sha256-js), the signer the AWS SDK for JavaScript uses.";
export const NEEDS_SIGV4 = "The command needs Node.js 18 or later and the @smithy/signature-v4 and @aws-crypto/sha256-js packages (npm install @smithy/signature-v4 @aws-crypto/sha256-js), the signer the AWS SDK for JavaScript uses.";

/** What every script does on a refused upgrade: print the HTTP status and the body, exit 1. */
export const NODE_WS_REFUSAL =
  `s.on("unexpected-response",(q,r)=>{let b="";r.on("data",c=>b+=c);r.on("end",()=>{console.log("HTTP "+r.statusCode+" "+b);process.exit(1)})});` +
  `s.on("error",e=>{console.log(String(e));process.exit(1)});`;
