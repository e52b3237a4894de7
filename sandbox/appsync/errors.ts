import { UNCONFIRMED_WORDING_HEADER } from "../../lib/http/unconfirmed-wording";
import type { AwsRefusal } from "../../lib/errors";
import type { RawResult } from "../http/types";

/**
 * AppSync's own answers, with where each wording was seen. "Unconfirmed" marks a choice made
 * without a public observation of that exact case.
 */

/** The error a request is refused with before any field runs (HTTP 4xx); `unconfirmed` is sent as a header the dashboard shows. */
export type AppSyncFailure = AwsRefusal;

const unauthorized = (message: string): AppSyncFailure => ({ status: 401, errorType: "UnauthorizedException", message });

export const FAIL = {
  /** No usable credentials for any enabled mode. amplify-js #4373, aws-mobile-appsync-sdk-js #738. */
  noValidHeader: unauthorized("Valid authorization header not provided."),
  /**
   * A JWT that does not decode, or sent as "Bearer <jwt>": aws-appsync-community #198 (401).
   * The other JWT refusals ("Token has expired." …) come from lib/tokens' AppSync rules.
   */
  unparsableJwt: unauthorized("Unable to parse JWT token."),
  /**
   * Unknown or expired API key. The text is AppSync's generic refusal (amplify-studio #1003:
   * "every month" = key expiry); unconfirmed that a wrong key gets the same words.
   */
  apiKey: { ...unauthorized("You are not authorized to make this call."), unconfirmed: "wording for a wrong key" },
  /**
   * The Lambda authorizer answered isAuthorized: false. AppSync's fixed words, whatever the
   * function's reason (aws/aws-appsync-community#372: "return 401 error with fixed message \"You
   * are not authorized to make this call.\""; aws-amplify/amplify-js#9513, Amplify team: "normal
   * for when the lambda returns isAuthorized as false").
   */
  lambdaDenied: unauthorized("You are not authorized to make this call."),
  /**
   * AppSync could not invoke the authorizer (no resource-based policy for appsync.amazonaws.com):
   * `{"errors":[{"errorType":"BadRequestException"}]}`, no message, the function never called
   * (aws/aws-cdk#19239, #19258). The captures show the body only: the status is unconfirmed.
   */
  lambdaNotInvokable: { status: 400, errorType: "BadRequestException", message: "", unconfirmed: "HTTP status (the captures show only the body)" },
  /** identityValidationExpression refused the token before the function was called; unconfirmed: AppSync's answer. */
  lambdaValidationExpression: { ...unauthorized("You are not authorized to make this call."), unconfirmed: "status and wording for a token that does not match identityValidationExpression" },
  /** Over the documented 2048 characters; unconfirmed: AppSync's answer. */
  lambdaTokenTooLong: { ...unauthorized("You are not authorized to make this call."), unconfirmed: "status and wording for a Lambda token over 2048 characters" },
  /** AppSync team's own description of its HTTP behaviour (graphql/graphql-over-http #81). */
  emptyBody: { status: 400, errorType: "MalformedHttpRequestException", message: "Request body is empty." },
  /** Same source: bodies like `meow`, `{}`, `[]`. Unconfirmed for a query with a syntax error. */
  unparsableQuery: { status: 400, errorType: "MalformedHttpRequestException", message: "Unable to parse GraphQL query." },
} satisfies Record<string, AppSyncFailure>;

/**
 * An authorizer that throws, times out or returns something AppSync cannot read. No public
 * capture shows AppSync's answer (unconfirmed): the sandbox gives its generic refusal and says so.
 */
export function lambdaFailed(what: string): AppSyncFailure {
  return { ...unauthorized("You are not authorized to make this call."), unconfirmed: `status and wording for ${what}` };
}

/** What AppSync exposes to browsers (captured AppSync responses). */
const APPSYNC_HEADERS = {
  "Access-Control-Expose-Headers": "x-amzn-RequestId,x-amzn-ErrorType,x-amz-user-agent,x-amzn-ErrorMessage,Date,x-amz-schema-version," + UNCONFIRMED_WORDING_HEADER,
};
const APPSYNC_JSON = "application/json; charset=UTF-8";

/** `{"errors":[{"errorType":…,"message":…}]}` with the error type also in x-amzn-ErrorType (seed 001). */
export function failureResult(failure: AppSyncFailure): RawResult {
  return {
    status: failure.status,
    contentType: APPSYNC_JSON,
    headers: {
      ...APPSYNC_HEADERS,
      "x-amzn-ErrorType": failure.errorType,
      ...(failure.unconfirmed ? { [UNCONFIRMED_WORDING_HEADER]: failure.unconfirmed } : {}),
    },
    // An empty message is left out: AppSync sends some errors with errorType only (aws/aws-cdk#19239).
    body: JSON.stringify({ errors: [{ errorType: failure.errorType, ...(failure.message ? { message: failure.message } : {}) }] }),
  };
}

export function jsonResult(body: unknown): RawResult {
  return { status: 200, contentType: APPSYNC_JSON, headers: { ...APPSYNC_HEADERS }, body: JSON.stringify(body) };
}

/** A field denied by schema directives: HTTP 200, errorType "Unauthorized" (AWS knowledge center). */
export const fieldDeniedMessage = (field: string, type: string) => `Not Authorized to access ${field} on type ${type}`;
