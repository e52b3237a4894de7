import type { AwsPrediction } from "../../errors";
import { check, type Check, type CheckStatus } from "../checks";

/**
 * "Will this token pass?" results: the check rows, every rule the token fails with what the
 * service would answer for it, and the answer for the first rule it would trip over. Wordings AWS
 * has been seen to return are marked confirmed; the rest are our best description and say so,
 * rather than passing a guess off as AWS's text.
 */

/** What the service would answer (lib/errors AwsPrediction): status null when not known. */
export type { AwsPrediction } from "../../errors";

export type AuthorizerName = "agentcore" | "appsync-userpool" | "appsync-oidc" | "appsync-events" | "api-gateway";

export interface AuthorizerResult {
  readonly authorizer: AuthorizerName;
  readonly verdict: "pass" | "fail";
  readonly checks: readonly Check[];
  /** What the service would return, for the first failing rule in the service's order; null on pass. */
  readonly response: AwsPrediction | null;
  /**
   * Every failing rule, in the service's order, each with its own answer: a service stops at the
   * first, but the user has to fix them all ("expired AND not an access token").
   */
  readonly failures: readonly Failure[];
}

export interface Failure {
  readonly check: Check;
  readonly response: AwsPrediction | null;
}

/** A check row with the response a service gives when that rule fails. */
export interface Rule {
  readonly check: Check;
  readonly response?: AwsPrediction;
}

export function rule(
  name: string,
  status: CheckStatus,
  actual: string | null,
  expected: string | null,
  message: string,
  response?: AwsPrediction,
): Rule {
  return { check: check(name, status, actual, expected, message), ...(response ? { response } : {}) };
}

export function result(authorizer: AuthorizerName, rules: readonly Rule[]): AuthorizerResult {
  const failures = rules.filter((r) => r.check.status === "fail").map((r) => ({ check: r.check, response: r.response ?? null }));
  return {
    authorizer,
    verdict: failures.length > 0 ? "fail" : "pass",
    checks: rules.map((r) => r.check),
    response: failures[0]?.response ?? null,
    failures,
  };
}

/** Compiles a service-side regex; an invalid one becomes a failing config row, not a throw. */
export function compileRegex(pattern: string): RegExp | string {
  try {
    // Treated as a whole-string match, as Java's String.matches does (AppSync runs on the JVM;
    // whole-string semantics are our assumption, not documented).
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
