import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import aws4 from "aws4";
import type { SignSpec } from "./schema";
import type { Credentials } from "./scenario-context";

/**
 * SigV4 by clients we did not write: @smithy/signature-v4 (what every SDK v3 client signs with)
 * or aws4 (the community signer behind many CLIs; it leaves X-Amz-Expires out of presigned URLs
 * for services other than S3). The dashboard's own signing code is deliberately not used here.
 */

export interface PlainRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export async function signPlain(request: PlainRequest, spec: SignSpec, region: string, credentials: Credentials): Promise<PlainRequest> {
  const url = new URL(request.url);
  if (spec.signer === "aws4") return signWithAws4(request, url, spec, region, credentials);
  const signer = new SignatureV4({ service: spec.service, region, credentials, sha256: Sha256 });
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const http = new HttpRequest({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    // SigV4 signs the path as sent; the SDK signs it URI-encoded once more for non-S3 services.
    path: url.pathname,
    query,
    headers: { ...request.headers, host: url.host },
    body: request.body,
  });
  if (spec.mode === "query") {
    const presigned = await signer.presign(http, spec.expiresIn ? { expiresIn: spec.expiresIn } : {});
    const signedUrl = new URL(request.url);
    signedUrl.search = new URLSearchParams(presigned.query as Record<string, string>).toString();
    return { ...request, url: signedUrl.href };
  }
  const signed = await signer.sign(http);
  return { ...request, headers: signed.headers as Record<string, string> };
}

function signWithAws4(request: PlainRequest, url: URL, spec: SignSpec, region: string, credentials: Credentials): PlainRequest {
  const options: aws4.Request & { signQuery?: boolean } = {
    host: url.host,
    path: url.pathname + url.search,
    method: request.method,
    service: spec.service,
    region,
    headers: { ...request.headers },
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(spec.mode === "query" ? { signQuery: true } : {}),
  };
  if (spec.mode === "query" && spec.expiresIn) (options.headers as Record<string, string>)["X-Amz-Expires"] = String(spec.expiresIn);
  const signed = aws4.sign(options, credentials);
  const signedUrl = `${url.protocol}//${url.host}${signed.path}`;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers ?? {})) headers[k] = String(v);
  return spec.mode === "query" ? { ...request, url: signedUrl } : { ...request, url: signedUrl, headers };
}
