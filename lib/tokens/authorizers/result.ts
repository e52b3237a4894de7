import { check, type Check, type CheckStatus } from "../checks";

/**
 * "Will this token pass?" results: the check rows plus what the service would answer for the
 * first rule it would trip over. Wordings AWS has been seen to return are marked confirmed;
 * the rest are our best description and say so, rather than passing a guess off as AWS's text.
 */

export interface ServiceResponse {
  /** HTTP status; null when the status itself is not known. */
  readonly status: number | null;
  readonly message: string;
  /**
   * The error type and message the answer's body carries, when the service answers with a typed
   * error (AppSync's `errors[0]`), so a consumer need not read them back out of `message`.
   */
  readonly error?: { readonly errorType: string; readonly message: string };
  /** True when this exact wording has been observed from AWS (see `source`). */
  readonly confirmed: boolean;
  readonly source: string;
}

export type AuthorizerName = "agentcore" | "appsync-userpool" | "appsync-oidc" | "api-gateway";

export interface AuthorizerResult {
  readonly authorizer: AuthorizerName;
  readonly verdict: "pass" | "fail";
  readonly checks: readonly Check[];
  /** What the service would return, for the first failing rule in the service's order; null on pass. */
  readonly response: ServiceResponse | null;
}

/** A check row with the response a service gives when that rule fails. */
export interface Rule {
  readonly check: Check;
  readonly response?: ServiceResponse;
}

export function rule(
  name: string,
  status: CheckStatus,
  actual: string | null,
  expected: string | null,
  message: string,
  response?: ServiceResponse,
): Rule {
  return { check: check(name, status, actual, expected, message), ...(response ? { response } : {}) };
}

export function result(authorizer: AuthorizerName, rules: readonly Rule[]): AuthorizerResult {
  const failed = rules.find((r) => r.check.status === "fail");
  return {
    authorizer,
    verdict: failed ? "fail" : "pass",
    checks: rules.map((r) => r.check),
    response: failed ? (failed.response ?? null) : null,
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
