/** lib/sigv4: sign, presign and redact AWS SigV4 requests, all through @smithy/signature-v4. */
export * from "./types";
export { SigV4InputError, type SigV4InputErrorCode } from "./errors";
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
