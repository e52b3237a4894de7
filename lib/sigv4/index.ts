/** lib/sigv4: sign, presign and redact AWS SigV4 requests, all through @smithy/signature-v4. */
export * from "./types";
export { SigV4InputError } from "./errors";
export { signRequest } from "./sign";
export {
  presignUrl,
  presignWebSocketUrl,
} from "./presign";
export { redactSignedUrl, redactAuthorization, redactHeaders } from "./redact";
