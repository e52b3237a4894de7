import type { IncomingMessage, ServerResponse } from "node:http";
import { UNCONFIRMED_WORDING_HEADER } from "../../lib/http/unconfirmed-wording";

/**
 * CORS as the real Cognito endpoint does it, so the dashboard's browser code behaves the same
 * against the sandbox as against AWS.
 *
 * Every real cognito-idp response (captured browser traffic, e.g. SignUp/InitiateAuth/GetUser
 * from aws-amplify) carries:
 *   Access-Control-Allow-Origin: *
 *   Access-Control-Expose-Headers: x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date
 * Preflights are answered by reflecting what the browser asks for. The Allow-Methods and
 * Max-Age values (172800 s) are the ones AWS's Coral front end sends for JSON services;
 * we could not confirm them for cognito-idp specifically.
 */

// Plus the sandbox's own marker of answers whose wording is not confirmed (lib/http/unconfirmed-wording.ts).
const EXPOSED = `x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date,${UNCONFIRMED_WORDING_HEADER}`;

export function applyCorsHeaders(res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", EXPOSED);
}

/** Answers an OPTIONS preflight. No credentials are involved, so `*` is allowed. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  applyCorsHeaders(res);
  const requestedHeaders = req.headers["access-control-request-headers"];
  if (requestedHeaders) res.setHeader("Access-Control-Allow-Headers", requestedHeaders);
  const requestedMethod = req.headers["access-control-request-method"];
  res.setHeader("Access-Control-Allow-Methods", requestedMethod || "GET, POST, OPTIONS");
  res.setHeader("Access-Control-Max-Age", "172800");
  // Chrome's Private Network Access asks before a page reaches a loopback server; the
  // sandbox exists to be reached that way, so it says yes.
  if (req.headers["access-control-request-private-network"] === "true") {
    res.setHeader("Access-Control-Allow-Private-Network", "true");
  }
  res.writeHead(200, { "Content-Length": "0" });
  res.end();
}
