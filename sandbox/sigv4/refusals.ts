/**
 * Why a SigV4 request was refused, in a service-neutral vocabulary.
 *
 * AWS spells the same failure differently per protocol family, so verification returns a neutral
 * `code` plus AWS's wording, and each sandbox adapter picks its family's spelling with
 * `awsErrorFor()` (aws-error-map.ts). Messages below are AWS's own where a source shows them; the
 * sources are listed next to each builder. Where no source was found the text says so.
 */
import type { SigV4ErrorCode, VerifyFailure } from "./types";

/** Status AWS most commonly uses (AWS "Common Errors" API reference pages). */
const STATUS: Record<SigV4ErrorCode, number> = {
  MissingAuthenticationToken: 403,
  IncompleteSignature: 403,
  UnsupportedSignature: 400,
  InvalidClientTokenId: 403,
  ExpiredToken: 403,
  CredentialScopeMismatch: 403,
  SignatureExpired: 403,
  SignatureNotYetCurrent: 403,
  RequestExpired: 400,
  InvalidExpires: 400,
  ContentSha256Mismatch: 400,
  SignatureDoesNotMatch: 403,
};

export function fail(
  code: SigV4ErrorCode,
  message: string,
  extra: { detail?: string; accessKeyId?: string } = {},
): VerifyFailure {
  return { ok: false, code, message, status: STATUS[code], ...extra };
}

// --- AWS wording ----------------------------------------------------------------------------

/** IAM guide "Troubleshoot Signature Version 4": "Missing Authentication Token". */
export const MSG_MISSING_AUTH = "Missing Authentication Token";

/** STS InvalidClientTokenId / JSON UnrecognizedClientException (aws-sdk-php #2444, botocore #1775). */
export const MSG_INVALID_TOKEN = "The security token included in the request is invalid.";

/** STS ExpiredToken / JSON ExpiredTokenException (aws-sdk-java-v2 #1649, AWS Common Errors). */
export const MSG_EXPIRED_TOKEN = "The security token included in the request is expired";

/** boto3 #756 (STS), IAM SigV4 troubleshooting guide. */
export const MSG_SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** Observed S3 wording for an expired presigned URL; non-S3 services document only the code. */
export const MSG_REQUEST_EXPIRED = "Request has expired";

/**
 * "Authorization header requires 'Credential' parameter. … Authorization=<value>" — aws/chalice
 * #828 (API Gateway) and brendanhay/amazonka #316 (SES): only the missing parts are listed.
 */
export function msgAuthHeaderRequires(missing: string[], authorizationShown: string): string {
  const parts = missing.map((m) =>
    m === "date"
      ? "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
      : `Authorization header requires '${m}' parameter.`,
  );
  return `${parts.join(" ")} Authorization=${authorizationShown}`;
}

/** aws/aws-sdk-go #289, jenkinsci/aws-credentials-plugin #72. */
export function msgMissingEqualSign(part: string, authorizationShown: string): string {
  return `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorizationShown}'.`;
}

/** Both auth forms at once. Wording as DynamoDB emulators mirror it; unconfirmed on an AWS page. */
export const msgSignatureMismatchBoth =
  "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.";

/** Unconfirmed wording (seen only in emulators); same shape as the header message. */
export function msgQueryRequires(missing: string[]): string {
  const parts = missing.map((m) => `AWS query-string parameters must include '${m}'.`);
  return `${parts.join(" ")} Re-examine the query-string parameters.`;
}

/** AppSync IncompleteSignatureException, awslabs/aws-mobile-appsync-sdk-js #702. */
export function msgSignedHeaderMissing(name: string): string {
  return `'${name}' is named as a SignedHeader, but it does not exist in the HTTP request.`;
}

/**
 * Credential-scope messages. Wording from the IAM SigV4 troubleshooting guide, with the value
 * tails AWS appends as seen in aws-es-curl #15 (region), aws-signing-proxy #25 (service). AWS
 * concatenates several when several are wrong; so do we.
 */
export const msgScopeRegion = (got: string) => `Credential should be scoped to a valid region, not '${got}'. `;
export const msgScopeService = (expected: string) => `Credential should be scoped to correct service: '${expected}'. `;
export const msgScopeTerminator = (got: string) =>
  `Credential should be scoped with a valid terminator: 'aws4_request', not '${got}'. `;
export const msgScopeDate = (scopeDate: string, amzDate: string) =>
  `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`;

/**
 * aws/aws-sdk-js #254 and #2565, aws/aws-sdk-java #1764: "Signature expired: 20180920T174101Z is
 * now earlier than 20180920T174504Z (20180920T175004Z - 5 min.)" and the "not yet current" twin.
 */
export const msgSignatureExpired = (signed: string, limit: string, now: string, minutes: number) =>
  `Signature expired: ${signed} is now earlier than ${limit} (${now} - ${minutes} min.)`;
export const msgNotYetCurrent = (signed: string, limit: string, now: string, minutes: number) =>
  `Signature not yet current: ${signed} is still later than ${limit} (${now} + ${minutes} min.)`;

/** Thrown by the signing helpers for caller mistakes (never for refused requests). */
