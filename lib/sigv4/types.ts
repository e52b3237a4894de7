/**
 * Shapes shared by signing and verification. Plain objects only, so the dashboard can render them
 * and the sandbox can build them from a raw Node request without adapters.
 */
import type { SigV4ErrorCode } from "./errors";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (STS, Cognito identity pools). */
  sessionToken?: string;
}

/** A request as the caller has it before signing. The URL may carry a query string. */
export interface RequestToSign {
  method: string;
  url: string;
  /** Any case; `host` is derived from the URL unless given (AppSync-style host override). */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface SigningOptions {
  credentials: AwsCredentials;
  region: string;
  /** Signing name, e.g. `appsync`, `sts`, `bedrock-agentcore`. */
  service: string;
  /** Defaults to now. Tests and the dashboard's "replay at time T" pass a fixed date. */
  signingDate?: Date;
  /**
   * Add `x-amz-content-sha256`. Defaults to true only for services that require it (S3 family);
   * AppSync and the JSON services do not, and adding it changes nothing but the header list.
   */
  includeContentSha256?: boolean;
}

/** The exact request to send: every header name is lower-case, as it went into the signature. */
export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface PresignOptions extends SigningOptions {
  /** Seconds the URL stays valid (X-Amz-Expires). */
  expiresIn: number;
}

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
