/**
 * Neutral verification codes → the code, status and message a given AWS protocol family sends.
 *
 * | neutral                         | query (STS, IAM)                 | json (awsJson / restJson)               | appsync                                   |
 * |---------------------------------|----------------------------------|-----------------------------------------|-------------------------------------------|
 * | MissingAuthenticationToken      | MissingAuthenticationToken 403 ¹ | MissingAuthenticationTokenException 403 ²| UnauthorizedException 401 ³               |
 * | IncompleteSignature             | IncompleteSignature 403 ¹ ⁴      | IncompleteSignatureException 400 ⁵       | IncompleteSignatureException 403 ⁶ (401?) |
 * | UnsupportedSignature            | as IncompleteSignature           | as IncompleteSignature                   | as IncompleteSignature                    |
 * | InvalidExpires                  | as IncompleteSignature           | as IncompleteSignature                   | as IncompleteSignature                    |
 * | InvalidClientTokenId            | InvalidClientTokenId 403 ¹       | UnrecognizedClientException 400 ⁷        | UnrecognizedClientException 403 (unconfirmed) |
 * | ExpiredToken                    | ExpiredToken 403 ⁸               | ExpiredTokenException 400 ⁹              | ExpiredTokenException 403 (unconfirmed)   |
 * | SignatureDoesNotMatch           | SignatureDoesNotMatch 403 ¹⁰     | InvalidSignatureException 403 ¹¹         | InvalidSignatureException 403 ¹²          |
 * | CredentialScopeMismatch         | SignatureDoesNotMatch 403        | InvalidSignatureException 403 ¹¹         | InvalidSignatureException 403             |
 * | SignatureExpired / NotYetCurrent| SignatureDoesNotMatch 403 ¹³     | InvalidSignatureException 400 ¹⁴         | InvalidSignatureException 403             |
 * | ContentSha256Mismatch           | SignatureDoesNotMatch 403        | InvalidSignatureException 403            | InvalidSignatureException 403             |
 * | RequestExpired                  | RequestExpired 400 ¹             | RequestExpired 400 ¹                     | UnauthorizedException 401 (unconfirmed)   |
 *
 * ¹ AWS API reference "Common Errors" pages (e.g. docs.aws.amazon.com/mgn/latest/APIReference/CommonErrors.html;
 *   older pages list IncompleteSignature as 400). Message "Request is missing Authentication Token" is
 *   what emulators mirroring STS/DynamoDB send; not seen on an AWS page.
 * ² Same message; exception-suffixed code for JSON protocols (emulators mirroring DynamoDB).
 * ³ amplify-js #4373: {"errorType":"UnauthorizedException","message":"Valid authorization header not provided."}.
 * ⁴ brendanhay/amazonka #316 (SES, query protocol) observed 400.
 * ⁵ iann0036/cloud9-sync #10: statusCode 400, __type IncompleteSignatureException.
 * ⁶ aws-mobile-appsync-sdk-js #702 shows the errorType; the status was not shown.
 * ⁷ aws-sdk-php #2444 (cognito-idp): 400 UnrecognizedClientException; Lambda answers 403 (iamlive #58).
 * ⁸ aws-sdk-java-v2 #1649: STS ExpiredToken 403.
 * ⁹ aws-sdk-php #1307 (DynamoDB 400); Lambda uses 403 (cq-provider-aws #1171).
 * ¹⁰ boto3 #756 (STS SignatureDoesNotMatch, 403 per Common Errors).
 * ¹¹ aws-sdk-js #4545 / aws-sdk-js-v3 #5576: InvalidSignatureException 403 for a bad scope.
 * ¹² amplify-js #2422: AppSync 403 with x-amzn-ErrorType InvalidSignatureException.
 * ¹³ convox/rack #235, devsecops/bootcamp #101: STS "SignatureDoesNotMatch: Signature expired: …".
 * ¹⁴ aws-sdk-js #254 (DynamoDB, statusCode 400), aws-sdk-php #1780 (Rekognition 400).
 */
import { MSG_REQUEST_EXPIRED } from "./refusals";
import type { SigV4ErrorCode } from "./types";
import type { VerifyFailure } from "./types";
import type { AwsRefusal } from "../../lib/errors";

export type AwsProtocolFamily = "query" | "json" | "appsync";

/** The error to put on the wire: `errorType` is the code / `__type` / `errorType`, `status` the HTTP status. */
type AwsWireError = AwsRefusal;

type Row = Record<AwsProtocolFamily, { errorType: string; status: number; message?: string }>;

const MISSING_TOKEN_TEXT = "Request is missing Authentication Token";
const incomplete: Row = {
  query: { errorType: "IncompleteSignature", status: 403 },
  json: { errorType: "IncompleteSignatureException", status: 400 },
  appsync: { errorType: "IncompleteSignatureException", status: 403 },
};
const badSignature = (jsonStatus: number): Row => ({
  query: { errorType: "SignatureDoesNotMatch", status: 403 },
  json: { errorType: "InvalidSignatureException", status: jsonStatus },
  appsync: { errorType: "InvalidSignatureException", status: 403 },
});

const TABLE: Record<SigV4ErrorCode, Row> = {
  MissingAuthenticationToken: {
    query: { errorType: "MissingAuthenticationToken", status: 403, message: MISSING_TOKEN_TEXT },
    json: { errorType: "MissingAuthenticationTokenException", status: 403, message: MISSING_TOKEN_TEXT },
    appsync: { errorType: "UnauthorizedException", status: 401, message: "Valid authorization header not provided." },
  },
  IncompleteSignature: incomplete,
  UnsupportedSignature: incomplete,
  InvalidExpires: incomplete,
  InvalidClientTokenId: {
    query: { errorType: "InvalidClientTokenId", status: 403 },
    json: { errorType: "UnrecognizedClientException", status: 400 },
    appsync: { errorType: "UnrecognizedClientException", status: 403 },
  },
  ExpiredToken: {
    query: { errorType: "ExpiredToken", status: 403 },
    json: { errorType: "ExpiredTokenException", status: 400 },
    appsync: { errorType: "ExpiredTokenException", status: 403 },
  },
  SignatureDoesNotMatch: badSignature(403),
  CredentialScopeMismatch: badSignature(403),
  SignatureExpired: badSignature(400),
  SignatureNotYetCurrent: badSignature(400),
  ContentSha256Mismatch: badSignature(403),
  RequestExpired: {
    query: { errorType: "RequestExpired", status: 400, message: MSG_REQUEST_EXPIRED },
    json: { errorType: "RequestExpired", status: 400, message: MSG_REQUEST_EXPIRED },
    appsync: { errorType: "UnauthorizedException", status: 401, message: MSG_REQUEST_EXPIRED },
  },
};

/** How `family` would put `failure` on the wire. The message defaults to the neutral one. */
export function awsErrorFor(failure: Pick<VerifyFailure, "code" | "message">, family: AwsProtocolFamily): AwsWireError {
  const row = TABLE[failure.code][family];
  return { errorType: row.errorType, status: row.status, message: row.message ?? failure.message };
}
