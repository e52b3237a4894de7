/**
 * Shapes for signing and presigning. Plain objects, so the dashboard can render them.
 */
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
