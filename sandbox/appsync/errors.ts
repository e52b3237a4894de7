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
  /** AppSync team's own description of its HTTP behaviour (graphql/graphql-over-http #81). */
  emptyBody: { status: 400, errorType: "MalformedHttpRequestException", message: "Request body is empty." },
  /** Same source: bodies like `meow`, `{}`, `[]`. Unconfirmed for a query with a syntax error. */
  unparsableQuery: { status: 400, errorType: "MalformedHttpRequestException", message: "Unable to parse GraphQL query." },
} satisfies Record<string, AppSyncFailure>;

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
    body: JSON.stringify({ errors: [{ errorType: failure.errorType, message: failure.message }] }),
  };
}

export function jsonResult(body: unknown): RawResult {
  return { status: 200, contentType: APPSYNC_JSON, headers: { ...APPSYNC_HEADERS }, body: JSON.stringify(body) };
}

/** A field denied by schema directives: HTTP 200, errorType "Unauthorized" (AWS knowledge center). */
export const fieldDeniedMessage = (field: string, type: string) => `Not Authorized to access ${field} on type ${type}`;
