/**
 * Shapes for verifying a received SigV4 request. Plain objects, so the sandbox builds them from a
 * raw Node request without adapters.
 */
export type SigV4ErrorCode =
  /** No Authorization header and no X-Amz-Algorithm query parameter. */
  | "MissingAuthenticationToken"
  /** Authorization header / query parameters present but malformed or incomplete. */
  | "IncompleteSignature"
  /** A well-formed request in a SigV4 form this verifier cannot recompute (e.g. Date-only). */
  | "UnsupportedSignature"
  /** Unknown access key id, or session token missing / not matching the key. */
  | "InvalidClientTokenId"
  /** The credentials behind the key id have expired. */
  | "ExpiredToken"
  /** Credential scope names another region, service, terminator, or day. */
  | "CredentialScopeMismatch"
  /** X-Amz-Date older than the allowed skew. */
  | "SignatureExpired"
  /** X-Amz-Date further in the future than the allowed skew. */
  | "SignatureNotYetCurrent"
  /** Presigned URL used after X-Amz-Date + X-Amz-Expires. */
  | "RequestExpired"
  /** X-Amz-Expires not a number, or above the service's maximum. */
  | "InvalidExpires"
  /** x-amz-content-sha256 disagrees with the body actually received. */
  | "ContentSha256Mismatch"
  /** Everything parsed; the recomputed signature differs. */
  | "SignatureDoesNotMatch";

/** What a server received, as it received it. */
export interface IncomingRequest {
  method: string;
  /** Absolute URL including the query string, e.g. `http://127.0.0.1:4577/graphql?x=1`. */
  url: string;
  /** Header names in any case (Node lower-cases them; browsers and tests may not). */
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** What the server knows about an access key id. `undefined` means "never issued". */
export interface KnownCredentials {
  secretAccessKey: string;
  /** Set for temporary credentials: the request must carry exactly this token. */
  sessionToken?: string;
  expiration?: Date;
}

export type MaybePromise<T> = T | Promise<T>;

export interface VerifyOptions {
  lookupCredentials(accessKeyId: string): MaybePromise<KnownCredentials | undefined>;
  now?: Date;
  /** When set, a credential scope naming another service is refused, as AWS does. */
  expectedService?: string;
  /** When set, a credential scope naming another region is refused, as AWS does. */
  expectedRegion?: string;
  /** Allowed clock skew for header-signed requests. AWS uses 5 minutes. */
  maxSkewMs?: number;
  /** Largest X-Amz-Expires accepted on a presigned URL. AWS: one week; AgentCore: 300 s. */
  maxPresignExpiresSeconds?: number;
  /**
   * For services that ignore X-Amz-Expires (every one but S3, per the AWS SDK for Go's Presign
   * docs, aws/aws-sdk-go#2224: "a fixed request signature expiration of about 15 minutes"): a
   * presigned URL is then valid this many seconds after X-Amz-Date, with or without X-Amz-Expires.
   */
  fixedPresignLifetimeSeconds?: number;
  /** Accept `x-amz-content-sha256: UNSIGNED-PAYLOAD` (S3 does; the JSON services do not). */
  allowUnsignedPayload?: boolean;
}

export type SignatureMode = "header" | "query";

export interface VerifyOk {
  ok: true;
  accessKeyId: string;
  region: string;
  service: string;
  signedHeaders: string[];
  mode: SignatureMode;
  /** The X-Amz-Date the client signed with, as a Date. */
  signedAt: Date;
  sessionToken?: string;
}

export interface VerifyFailure {
  ok: false;
  code: SigV4ErrorCode;
  /** AWS's wording where known (see errors.ts); safe to show. */
  message: string;
  /** The HTTP status AWS most commonly uses for this failure. */
  status: number;
  /** A plain-words explanation with the values compared, for the dashboard. */
  detail?: string;
  /** The key id, when the request got far enough to name one. */
  accessKeyId?: string;
}

export type VerifyResult = VerifyOk | VerifyFailure;
