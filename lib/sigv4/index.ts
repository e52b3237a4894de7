/** lib/sigv4: sign, presign, redact and verify AWS SigV4 requests, all through @smithy/signature-v4. */
export * from "./types";
export { SigV4InputError, type SigV4ErrorCode, type SigV4InputErrorCode } from "./errors";
export { awsErrorFor, type AwsProtocolFamily, type AwsWireError } from "./aws-error-map";
export { signRequest } from "./sign";
export {
  presignUrl,
  presignWebSocketUrl,
  maxPresignExpiresFor,
  AGENTCORE_SERVICE,
  AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS,
  MAX_PRESIGN_EXPIRES_SECONDS,
  type RequestToPresign,
} from "./presign";
export { redactSignedUrl, redactAuthorization, redactHeaders, REDACTED } from "./redact";
export { verifySignature } from "./verify";
export { DEFAULT_MAX_SKEW_MS } from "./checks";
export { parseAmzDate, formatAmzDate } from "./parse-auth";
