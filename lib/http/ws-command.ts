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
 * `VAR="…" && … && node -e '<script>' args…`; the script must not hold `'` (it is single-quoted
 * whole), and reads its arguments from `process.argv.slice(1)`.
 */
export function nodeCommand(assignments: readonly string[], script: string, args: readonly string[]): string {
  if (script.includes("'")) throw new Error("node -e script must not contain a single quote");
  return [...assignments, `node -e ${shellQuote(script)} \\\n  ${args.join(" ")}`].join(" && \\\n");
}

/** What every script does on a refused upgrade: print the HTTP status and the body, exit 1. */
export const NODE_WS_REFUSAL =
  `s.on("unexpected-response",(q,r)=>{let b="";r.on("data",c=>b+=c);r.on("end",()=>{console.log("HTTP "+r.statusCode+" "+b);process.exit(1)})});` +
  `s.on("error",e=>{console.log(String(e));process.exit(1)});`;
