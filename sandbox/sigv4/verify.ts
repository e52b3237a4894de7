/**
 * Server side of SigV4, as the sandbox runs it for every IAM-authorised call: parse the
 * Authorization header or presigned query, run AWS's pre-checks in AWS's order of concern, then
 * recompute the signature with @smithy/signature-v4 and compare in constant time.
 */
import { checkClock, checkCredentials, checkDeclaredPayloadHash, checkScope, unknownAccessKey } from "./checks";
import { constantTimeEqual } from "./constant-time";
import { fail, MSG_SIGNATURE_MISMATCH } from "./refusals";
import { parseAuth } from "./parse-auth";
import { recomputeSignature } from "./recompute";
import type { IncomingRequest, VerifyOptions, VerifyResult } from "./types";
import { lowerCaseHeaders, parseUrl } from "../../lib/sigv4/url";

export async function verifySignature(request: IncomingRequest, options: VerifyOptions): Promise<VerifyResult> {
  const now = options.now ?? new Date();
  const headers = lowerCaseHeaders(request.headers);
  const target = parseUrl(request.url);

  const auth = parseAuth(headers, target.query);
  if ("ok" in auth) return auth;
  const accessKeyId = auth.scope.accessKeyId;

  const early = checkScope(auth, options) ?? checkClock(auth, now, options);
  if (early) return early;

  const known = await options.lookupCredentials(accessKeyId);
  if (known === undefined) return unknownAccessKey(accessKeyId);
  const credentialProblem = checkCredentials(auth, known, now);
  if (credentialProblem) return credentialProblem;

  if (auth.mode === "header") {
    const payloadProblem = await checkDeclaredPayloadHash(headers, request.body, options);
    if (payloadProblem) return { ...payloadProblem, accessKeyId };
  }

  const expected = await recomputeSignature(auth, known, { method: request.method, target, headers, body: request.body });
  if (expected === undefined || !constantTimeEqual(expected, auth.signature.toLowerCase())) {
    return fail("SignatureDoesNotMatch", MSG_SIGNATURE_MISMATCH, {
      accessKeyId,
      detail:
        "Recomputed over the same method, path, query, signed headers, body and date with the secret for " +
        `${accessKeyId}; the signatures differ. A wrong secret, or a request changed after signing.`,
    });
  }
  return {
    ok: true,
    accessKeyId,
    region: auth.scope.region,
    service: auth.scope.service,
    signedHeaders: auth.signedHeaders,
    mode: auth.mode,
    signedAt: auth.signedAt,
    ...(auth.sessionToken !== undefined ? { sessionToken: auth.sessionToken } : {}),
  };
}
