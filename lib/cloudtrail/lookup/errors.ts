/**
 * The lookup route's refusals in one table (`<what>:cloudtrail`): the code decides the HTTP status
 * and the default message, not the throw site. Messages are composed from codes, limits, hosts
 * and AWS error names only — never from the caller's credentials or token — so every one of them
 * may be shown and returned.
 */

export const LOOKUP_ERRORS = {
  "invalid:cloudtrail": { status: 400, message: "The lookup request is not valid." },
  "too-large:cloudtrail": { status: 413, message: "The lookup request is larger than 16 KB." },
  "forbidden-endpoint:cloudtrail": { status: 403, message: "The CloudTrail endpoint must be AWS's regional endpoint or the configured sandbox." },
  "server-mode-off:cloudtrail": { status: 403, message: "This deployment does not look up CloudTrail with its own credentials; paste temporary credentials instead." },
  "unauthorized:cloudtrail": { status: 401, message: "Sign in: the server's credentials are only used for a valid Cognito access token." },
  "forbidden:cloudtrail": { status: 403, message: "Your user pool or group is not allowed to use the server's credentials." },
  "throttled:cloudtrail": { status: 429, message: "CloudTrail kept answering ThrottlingException (2 requests per second per account and Region); try again in a minute." },
  "upstream:cloudtrail": { status: 502, message: "CloudTrail refused the lookup." },
  "unreachable:cloudtrail": { status: 502, message: "CloudTrail could not be reached." },
  "internal:cloudtrail": { status: 500, message: "The lookup failed unexpectedly." },
} as const satisfies Record<`${string}:cloudtrail`, { status: number; message: string }>;

export type LookupErrorCode = keyof typeof LOOKUP_ERRORS;

export class LookupError extends Error {
  override readonly name = "LookupError";
  readonly status: number;
  constructor(
    readonly code: LookupErrorCode,
    /** A more specific message; must follow the rule above. */
    message: string = LOOKUP_ERRORS[code].message,
    /** AWS's error name when CloudTrail (or STS behind the SDK) answered. */
    readonly awsError?: string,
  ) {
    super(message);
    this.status = LOOKUP_ERRORS[code].status;
  }
}

export function lookupErrorResponse(error: LookupError): Response {
  return Response.json(
    { code: error.code, message: error.message, ...(error.awsError ? { awsError: error.awsError } : {}) },
    { status: error.status, headers: { "cache-control": "no-store" } },
  );
}
