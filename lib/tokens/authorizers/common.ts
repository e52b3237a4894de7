import { show } from "../checks";
import type { DecodedToken } from "../decode";
import type { SignatureState } from "../signature-state";
import { expCheck } from "../time-checks";
import { rule, type Rule, type AwsPrediction } from "./result";

/** What every authorizer rule set reads: the decoded token, a clock, and how it was sent. */
export interface AuthorizerInput {
  readonly token: DecodedToken;
  /** Milliseconds since the epoch; defaults to now. Set it to ask "would it have passed then?". */
  readonly now?: number;
  /** How the Authorization header carried the token, when known (extractTokens says). */
  readonly scheme?: "bearer" | "raw";
  /** The signature, when the caller checked it against the issuer's keys; unset: no signature row. */
  readonly signature?: SignatureState;
}

export const nowOf = (input: AuthorizerInput) => input.now ?? Date.now();

/** Services enforce exp without leeway, as far as anyone has measured. */
export function expRule(input: AuthorizerInput, response: AwsPrediction): Rule {
  const c = expCheck(input.token.claims, { nowMs: nowOf(input), toleranceSeconds: 0 });
  return { check: c, ...(c.status === "fail" ? { response } : {}) };
}

/** Whether the Authorization header used the scheme this service wants. */
export function schemeRule(input: AuthorizerInput, want: "bearer" | "raw", why: string, response: AwsPrediction): Rule {
  const shown = (s: "bearer" | "raw") => (s === "bearer" ? "Authorization: Bearer <token>" : "Authorization: <token> (no Bearer)");
  if (input.scheme === undefined) {
    return rule("Authorization header", "n/a", null, shown(want), `Not known how the token was sent; it must be ${shown(want)}.`);
  }
  return input.scheme === want
    ? rule("Authorization header", "pass", shown(input.scheme), shown(want), "Sent the way this service reads it.")
    : rule("Authorization header", "fail", shown(input.scheme), shown(want), why, response);
}

/** Cognito's app-client claim for this token: aud in ID tokens, client_id in access tokens. */
export function clientClaimOf(token: DecodedToken): { claim: "aud" | "client_id"; value: string | null } {
  const claim = token.tokenUse === "id" || (token.tokenUse === "unknown" && token.claims.aud !== undefined) ? "aud" : "client_id";
  const value = token.claims[claim];
  return { claim, value: typeof value === "string" ? value : Array.isArray(value) ? show(value) : null };
}
