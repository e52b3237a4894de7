/**
 * Recomputes the signature a client should have sent, by signing the received request again with
 * @smithy/signature-v4 over exactly the headers the client named and at the date it signed.
 * Never a hand-rolled canonical request: the same library that signs must verify.
 */
import type { ParsedAuth } from "./parse-auth";
import { createSigner, toHttpRequest } from "../../lib/sigv4/signer";
import type { KnownCredentials } from "./types";
import type { UrlParts } from "../../lib/sigv4/url";

export async function recomputeSignature(
  auth: ParsedAuth,
  known: KnownCredentials,
  request: { method: string; target: UrlParts; headers: Record<string, string>; body: string | Uint8Array },
): Promise<string | undefined> {
  const signer = createSigner({
    credentials: {
      accessKeyId: auth.scope.accessKeyId,
      secretAccessKey: known.secretAccessKey,
      ...(auth.sessionToken !== undefined ? { sessionToken: auth.sessionToken } : {}),
    },
    region: auth.scope.region,
    service: auth.scope.service,
    // Never add x-amz-content-sha256 ourselves: only what the client sent may be signed.
    applyChecksum: false,
  });

  const headers = { ...request.headers };
  delete headers["authorization"];
  const signed = new Set(auth.signedHeaders);
  // Everything the client did not name stays out of the canonical request (user-agent, the
  // AgentCore session-id header added after signing, proxies' additions...).
  const unsigned = new Set(Object.keys(headers).filter((name) => !signed.has(name)));
  // smithy writes these two itself from the signing date and credentials; keep them out when
  // the client left them unsigned, so the header list matches what the client signed.
  if (!signed.has("x-amz-security-token")) unsigned.add("x-amz-security-token");
  if (auth.mode === "header") unsigned.delete("x-amz-date");

  if (auth.mode === "header") {
    const http = toHttpRequest(request.method, request.target, headers, request.body);
    const out = await signer.sign(http, {
      signingDate: auth.signedAt,
      signableHeaders: signed,
      unsignableHeaders: unsigned,
    });
    return /Signature=([0-9a-f]+)/.exec(out.headers["authorization"] ?? "")?.[1];
  }

  const query = { ...request.target.query };
  delete query["X-Amz-Signature"];
  if (auth.expiresSeconds === undefined) {
    // A presigned URL without X-Amz-Expires (aws4 leaves it out for services other than S3).
    // smithy's presign always adds it, but a presigned signature is the header-mode signature over
    // a canonical request whose query already holds the X-Amz-* values and whose only headers are
    // the signed ones; so sign that, keeping the date and token smithy would add as headers out.
    unsigned.add("x-amz-date");
    unsigned.add("x-amz-security-token");
    const http = toHttpRequest(request.method, { ...request.target, query }, headers, request.body);
    const out = await signer.sign(http, { signingDate: auth.signedAt, signableHeaders: signed, unsignableHeaders: unsigned });
    return /Signature=([0-9a-f]+)/.exec(out.headers["authorization"] ?? "")?.[1];
  }
  const http = toHttpRequest(request.method, { ...request.target, query }, headers, request.body);
  const out = await signer.presign(http, {
    signingDate: auth.signedAt,
    expiresIn: auth.expiresSeconds ?? 0,
    signableHeaders: signed,
    unsignableHeaders: unsigned,
    // Headers arrive as headers; hoisting x-amz-* ones into the query would change what we sign.
    unhoistableHeaders: new Set(Object.keys(headers)),
  });
  const signature = out.query?.["X-Amz-Signature"];
  return typeof signature === "string" ? signature : undefined;
}
