/**
 * The one place a SignatureV4 instance is built. Signing and verification both come through here,
 * so both use @smithy/signature-v4 with @aws-crypto/sha256-js (pure JS: same bytes in the browser,
 * in Node and in tests) and the two can never drift apart.
 */
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentials } from "./types";
import type { UrlParts } from "./url";

/** Services whose SigV4 includes x-amz-content-sha256 and an unescaped path (S3 family). */
const S3_LIKE = new Set(["s3", "s3-object-lambda", "s3-outposts", "s3express", "glacier"]);

export function isS3Like(service: string): boolean {
  return S3_LIKE.has(service);
}

export function createSigner(options: {
  credentials: AwsCredentials;
  region: string;
  service: string;
  applyChecksum: boolean;
}): SignatureV4 {
  return new SignatureV4({
    credentials: {
      accessKeyId: options.credentials.accessKeyId,
      secretAccessKey: options.credentials.secretAccessKey,
      ...(options.credentials.sessionToken ? { sessionToken: options.credentials.sessionToken } : {}),
    },
    region: options.region,
    service: options.service,
    sha256: Sha256,
    applyChecksum: options.applyChecksum,
    // Every service except S3 double-encodes the path in the canonical request.
    uriEscapePath: !isS3Like(options.service),
  });
}

export function toHttpRequest(
  method: string,
  target: Pick<UrlParts, "protocol" | "hostname" | "port" | "path" | "query">,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
): HttpRequest {
  return new HttpRequest({
    method,
    protocol: target.protocol,
    hostname: target.hostname,
    ...(target.port !== undefined ? { port: target.port } : {}),
    path: target.path,
    query: { ...target.query },
    headers: { ...headers },
    ...(body !== undefined ? { body } : {}),
  });
}
