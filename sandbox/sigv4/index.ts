/**
 * sandbox/sigv4: verify a received SigV4 request as AWS does and answer in each service family's
 * words. Recomputes signatures with @smithy/signature-v4 (through lib/sigv4's signer).
 */
export * from "./types";
export { awsErrorFor, type AwsProtocolFamily } from "./aws-error-map";
export { verifySignature } from "./verify";
