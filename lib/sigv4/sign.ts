/**
 * Header-signed requests (AppSync IAM, the AppSync realtime `/graphql/connect` handshake,
 * AgentCore HTTP). Returns the request exactly as it must be sent, so the dashboard can show it.
 */
import { SigV4InputError } from "./errors";
import { createSigner, isS3Like, toHttpRequest } from "./signer";
import type { AwsCredentials, RequestToSign, SignedRequest, SigningOptions } from "./types";
import { lowerCaseHeaders, parseUrl } from "./url";

/** Headers the signer writes itself; stale copies from an earlier signing must not leak in. */
const GENERATED = ["authorization", "x-amz-date", "x-amz-security-token", "date"];

export async function signRequest(request: RequestToSign, options: SigningOptions): Promise<SignedRequest> {
  assertCredentials(options.credentials);
  const target = parseUrl(request.url);
  const headers = lowerCaseHeaders(request.headers ?? {});
  for (const name of GENERATED) delete headers[name];
  // The host header is signed; an explicit one wins (a request built for a real AppSync host but
  // sent to the local sandbox keeps the host it was signed for).
  headers["host"] ??= target.host;
  const method = request.method.toUpperCase();

  const signer = createSigner({
    credentials: options.credentials,
    region: options.region,
    service: options.service,
    applyChecksum: options.includeContentSha256 ?? isS3Like(options.service),
  });
  const signed = await signer.sign(toHttpRequest(method, target, headers, request.body), {
    signingDate: options.signingDate ?? new Date(),
  });
  return {
    method,
    url: request.url,
    headers: lowerCaseHeaders(signed.headers),
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

export function assertCredentials(credentials: AwsCredentials): void {
  if (!credentials.accessKeyId || !credentials.secretAccessKey) {
    throw new SigV4InputError("invalid:sigv4:credentials", "Signing needs an access key id and a secret access key.");
  }
}
