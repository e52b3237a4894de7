import type { AwsPrediction } from "./result";

/**
 * AppSync's answers. A 401 body is `{"errors":[{"errorType":"UnauthorizedException","message":…}]}`;
 * a field denied by schema directives is HTTP 200 with errorType "Unauthorized".
 */

/** The wire body as `message` (what the service returns), and its error as data (`error`). */
const body = (errorType: string, message: string) => ({ message: JSON.stringify({ errors: [{ errorType, message }] }), error: { errorType, message } });

export const APPSYNC = {
  noValidHeader: {
    status: 401,
    ...body("UnauthorizedException", "Valid authorization header not provided."),
    confirmed: false,
    source: "AppSync's 401 for a missing or unusable Authorization header (observed in public reports); not confirmed that AppSync answers this for this particular rule",
  },
  badSignature: {
    status: 401,
    ...body("UnauthorizedException", "Valid authorization header not provided."),
    confirmed: false,
    source: "AppSync's 401 for an unusable Authorization header (observed in public reports); no public capture shows AppSync's answer to a token whose signature does not verify",
  },
  unparsable: {
    status: 401,
    ...body("UnauthorizedException", "Unable to parse JWT token."),
    // A "Bearer <jwt>" header gets exactly this: aws/aws-appsync-community#198 ("solved this by
    // removing the string \"Bearer\""); the knowledge center's 401 checklist says "no Bearer".
    confirmed: true,
    source: "aws/aws-appsync-community#198: a Bearer-prefixed JWT gets 401 UnauthorizedException \"Unable to parse JWT token.\"",
  },
  expired: {
    status: 401,
    ...body("UnauthorizedException", "Token has expired."),
    confirmed: false,
    source: "From the project's AWS wire-facts sheet; not re-confirmed in public sources",
  },
  fieldDenied: (field: string, type: string): AwsPrediction => ({
    status: 200,
    ...body("Unauthorized", `Not Authorized to access ${field} on type ${type}`),
    confirmed: true,
    source: "AWS knowledge center \"troubleshoot Unauthorized errors in AppSync\" (200 with errorType Unauthorized)",
  }),
} satisfies Record<string, AwsPrediction | ((field: string, type: string) => AwsPrediction)>;
