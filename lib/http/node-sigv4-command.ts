/**
 * A SigV4 HTTP call as a `node -e` line that signs with @smithy/signature-v4, for paths curl
 * cannot sign: curl --aws-sigv4 encodes a percent-encoded path (AgentCore's runtime ARN) twice, as
 * SigV4 wants for every service but S3, only from curl 8.14.0 (curl commit c19465ca, curl/curl#13058),
 * and the curl most systems ship is older. The script prints the answer as `curl -i` does: the
 * status line, the headers, a blank line, the body.
 */
import { commandRequest, shellQuote, shownHeaders, type CommandAuth } from "./command-line";
import type { PreparedRequest } from "./types";
import { NEEDS_SIGV4, NODE_SIGV4_PRELUDE, nodeCommand, SIGV4_ENVIRONMENT } from "./ws-command";

const SCRIPT =
  NODE_SIGV4_PRELUDE +
  `const[u,k,g,n,h,b]=process.argv.slice(1);` +
  `V(n,g).sign({...R(u,k,JSON.parse(h)),...(b?{body:b}:{})}).then(r=>{const q={...r.headers};delete q.host;return fetch(u,{method:k,headers:q,body:b||undefined})})` +
  `.then(async s=>{console.log("HTTP/1.1 "+s.status+" "+s.statusText);for(const[x,y]of s.headers)console.log(x+": "+y);console.log("");process.stdout.write(await s.text()+"\\n")})` +
  `.catch(e=>{console.log(String(e));process.exit(1)});`;

/** True when curl before 8.14.0 would sign this request's path wrong. */
export function curlCannotSign(url: string, auth?: CommandAuth): boolean {
  return auth?.kind === "sigv4" && /%[0-9A-Fa-f]{2}/.test(new URL(url).pathname);
}

export function nodeSigV4Command(request: PreparedRequest, auth: Extract<CommandAuth, { kind: "sigv4" }>): { command: string; notes: string[] } {
  const safe = commandRequest(request, auth);
  const headers = Object.fromEntries(shownHeaders(safe).map(([name, value]) => [name.toLowerCase(), value]));
  const args = [shellQuote(safe.url), shellQuote(safe.method.toUpperCase()), shellQuote(auth.region), shellQuote(auth.service), shellQuote(JSON.stringify(headers))];
  if (safe.body !== undefined) args.push(shellQuote(safe.body));
  return {
    command: nodeCommand([], SCRIPT, args, SIGV4_ENVIRONMENT),
    notes: [
      NEEDS_SIGV4,
      "A node command rather than curl: the path holds the percent-encoded runtime ARN, which curl --aws-sigv4 signs right only from curl 8.14.0 (older versions are refused with InvalidSignatureException).",
    ],
  };
}
