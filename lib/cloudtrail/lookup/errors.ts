import { AppError, visitorMessage } from "../../errors";

/**
 * The lookup route's refusals in one table (`<kind>:cloudtrail[:<detail>]`, lib/errors): the
 * code's kind decides the HTTP status, the table the default message, not the throw site.
 * Messages are composed from codes, limits, hosts and AWS error names only — never from the
 * caller's credentials or token — so every one of them may be shown and returned.
 */

export const LOOKUP_ERRORS = {
  "invalid:cloudtrail": { message: "The lookup request is not valid." },
  "too-large:cloudtrail": { message: "The lookup request is larger than 16 KB." },
  "forbidden:cloudtrail:endpoint": { message: "The CloudTrail endpoint must be AWS's regional endpoint or the configured sandbox." },
  "forbidden:cloudtrail:server-mode-off": { message: "This deployment does not look up CloudTrail with its own credentials; paste temporary credentials instead." },
  "forbidden:cloudtrail:sandbox-reader-off": { message: "The sandbox's CloudTrail reader is only offered where a local sandbox is configured, for its own endpoint." },
  "forbidden:cloudtrail:no-sandbox-reader": { message: "This sandbox scenario declares no CloudTrail reader (cloudTrailReaders in its scenario file); paste keys instead." },
  "unauthorized:cloudtrail": { message: "Sign in: the server's credentials are only used for a valid Cognito access token." },
  "forbidden:cloudtrail": { message: "Your user pool or group is not allowed to use the server's credentials." },
  "throttled:cloudtrail": { message: "CloudTrail kept answering ThrottlingException (2 requests per second per account and Region); try again in a minute." },
  "upstream:cloudtrail": { message: "CloudTrail refused the lookup." },
  "unreachable:cloudtrail": { message: "CloudTrail could not be reached." },
  "misconfigured:cloudtrail:credentials": { message: "The server found no AWS credentials of its own (credential chain empty)." },
  "internal:cloudtrail": { message: "The lookup failed unexpectedly." },
  "forbidden:cloudtrail:athena-endpoint": { message: "The Athena endpoint must be AWS's regional endpoint or the configured sandbox." },
  "upstream:cloudtrail:athena": { message: "Athena refused or failed the query." },
  "unreachable:cloudtrail:athena": { message: "Athena could not be reached." },
  "timeout:cloudtrail:athena": { message: "The Athena query did not finish in time; it was stopped." },
} as const satisfies Record<`${string}:cloudtrail${string}`, { message: string }>;

export type LookupErrorCode = keyof typeof LOOKUP_ERRORS;

export class LookupError extends AppError {
  override readonly name = "LookupError";
  declare readonly code: LookupErrorCode;
  constructor(
    code: LookupErrorCode,
    /** A more specific message; must follow the rule above. */
    message: string = LOOKUP_ERRORS[code].message,
    /** AWS's error name when CloudTrail (or STS behind the SDK) answered. */
    readonly awsError?: string,
  ) {
    super(code, message);
  }
}

/** The message a visitor gets for a refusal (the table's when the code's kind hides the thrown one). */
export const lookupMessage = (error: LookupError): string => visitorMessage(error, LOOKUP_ERRORS[error.code].message);

export function lookupErrorResponse(error: LookupError): Response {
  return Response.json(
    { code: error.code, message: lookupMessage(error), ...(error.awsError ? { awsError: error.awsError } : {}) },
    { status: error.status, headers: { "cache-control": "no-store" } },
  );
}
