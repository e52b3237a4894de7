/**
 * The checks AWS makes before it compares signatures: credential scope, clock, key id, session
 * token, credential expiry, declared payload hash. Each returns a refusal or undefined.
 */
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { getPayloadHash } from "@smithy/signature-v4";
import { constantTimeEqual } from "./constant-time";
import { fail, MSG_EXPIRED_TOKEN, MSG_INVALID_TOKEN, MSG_REQUEST_EXPIRED, msgNotYetCurrent, msgScopeDate, msgScopeRegion, msgScopeService, msgScopeTerminator, msgSignatureExpired } from "./refusals";
import { formatAmzDate, type ParsedAuth } from "./parse-auth";
import type { KnownCredentials, VerifyFailure, VerifyOptions } from "./types";

const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;

export function checkScope(auth: ParsedAuth, options: VerifyOptions): VerifyFailure | undefined {
  const { scope } = auth;
  let message = "";
  if (options.expectedRegion !== undefined && scope.region !== options.expectedRegion) message += msgScopeRegion(scope.region);
  if (options.expectedService !== undefined && scope.service !== options.expectedService) {
    message += msgScopeService(options.expectedService);
  }
  if (scope.terminator !== "aws4_request") message += msgScopeTerminator(scope.terminator);
  if (scope.date !== auth.amzDate.slice(0, 8)) message += msgScopeDate(scope.date, auth.amzDate);
  if (message === "") return undefined;
  return fail("CredentialScopeMismatch", message.trim(), {
    accessKeyId: scope.accessKeyId,
    detail: `Scope ${scope.date}/${scope.region}/${scope.service}/${scope.terminator}; expected region ${
      options.expectedRegion ?? "(any)"
    }, service ${options.expectedService ?? "(any)"}.`,
  });
}

/**
 * Header-signed requests must be dated within the skew of now, either way. Presigned URLs are
 * valid from X-Amz-Date (minus the skew, for a fast client clock) to X-Amz-Date + X-Amz-Expires.
 */
export function checkClock(auth: ParsedAuth, now: Date, options: VerifyOptions): VerifyFailure | undefined {
  const skew = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const minutes = Math.round(skew / 60_000);
  const signed = auth.signedAt.getTime();
  const accessKeyId = auth.scope.accessKeyId;
  if (signed > now.getTime() + skew) {
    const limit = formatAmzDate(new Date(now.getTime() + skew));
    return fail("SignatureNotYetCurrent", msgNotYetCurrent(auth.amzDate, limit, formatAmzDate(now), minutes), {
      accessKeyId,
      detail: `Signed ${Math.round((signed - now.getTime()) / 1000)} s in the future; check the client's clock.`,
    });
  }
  if (auth.mode === "header") {
    if (signed < now.getTime() - skew) {
      const limit = formatAmzDate(new Date(now.getTime() - skew));
      return fail("SignatureExpired", msgSignatureExpired(auth.amzDate, limit, formatAmzDate(now), minutes), {
        accessKeyId,
        detail: `Signed ${Math.round((now.getTime() - signed) / 1000)} s ago; AWS allows ${minutes} min.`,
      });
    }
    return undefined;
  }
  // A service with a fixed lifetime ignores X-Amz-Expires, present or not (aws/aws-sdk-go#2224).
  const fixed = options.fixedPresignLifetimeSeconds;
  if (fixed === undefined && auth.expiresSeconds === undefined) {
    return fail("UnsupportedSignature", "This verifier needs X-Amz-Expires on presigned URLs.", {
      accessKeyId,
      detail: "AWS SDK presigners always add X-Amz-Expires.",
    });
  }
  const expiresSeconds = fixed ?? auth.expiresSeconds ?? 0;
  const max = options.maxPresignExpiresSeconds ?? 604_800;
  if (fixed === undefined && (expiresSeconds < 1 || expiresSeconds > max)) {
    return fail("InvalidExpires", `X-Amz-Expires must be from 1 to ${max} seconds; got ${expiresSeconds}.`, { accessKeyId });
  }
  const expiresAt = new Date(signed + expiresSeconds * 1000);
  if (now.getTime() > expiresAt.getTime()) {
    const rule = fixed === undefined ? `X-Amz-Expires ${expiresSeconds} s` : `the service's fixed ${expiresSeconds} s`;
    return fail("RequestExpired", MSG_REQUEST_EXPIRED, {
      accessKeyId,
      detail: `X-Amz-Date ${auth.amzDate} + ${rule} = ${formatAmzDate(expiresAt)}, now ${formatAmzDate(now)}.`,
    });
  }
  return undefined;
}

/**
 * AWS answers InvalidClientTokenId both for an unknown key and for a session token that is missing,
 * unexpected, or not the one issued with the key; ExpiredToken once the credentials lapse.
 */
export function unknownAccessKey(accessKeyId: string): VerifyFailure {
  return fail("InvalidClientTokenId", MSG_INVALID_TOKEN, { accessKeyId, detail: `Access key id ${accessKeyId} is not known here.` });
}

export function checkCredentials(auth: ParsedAuth, known: KnownCredentials, now: Date): VerifyFailure | undefined {
  const accessKeyId = auth.scope.accessKeyId;
  if (known.sessionToken !== undefined || auth.sessionToken !== undefined) {
    const detail =
      auth.sessionToken === undefined
        ? `${accessKeyId} is a temporary key; the request carries no X-Amz-Security-Token.`
        : known.sessionToken === undefined
          ? `${accessKeyId} is a long-term key; the request carries a session token it was not issued with.`
          : "The session token is not the one issued with this access key id.";
    if (known.sessionToken === undefined || auth.sessionToken === undefined) {
      return fail("InvalidClientTokenId", MSG_INVALID_TOKEN, { accessKeyId, detail });
    }
    if (!constantTimeEqual(known.sessionToken, auth.sessionToken)) {
      return fail("InvalidClientTokenId", MSG_INVALID_TOKEN, { accessKeyId, detail });
    }
  }
  if (known.expiration !== undefined && now.getTime() >= known.expiration.getTime()) {
    return fail("ExpiredToken", MSG_EXPIRED_TOKEN, {
      accessKeyId,
      detail: `The credentials expired at ${known.expiration.toISOString()}.`,
    });
  }
  return undefined;
}

/**
 * smithy trusts a declared x-amz-content-sha256 as the payload hash, so a body swapped under an
 * honest-looking header would verify. Compare the declaration with the body actually received.
 */
export async function checkDeclaredPayloadHash(
  headers: Record<string, string>,
  body: string | Uint8Array,
  options: VerifyOptions,
): Promise<VerifyFailure | undefined> {
  const declared = headers["x-amz-content-sha256"];
  if (declared === undefined) return undefined;
  if (declared === "UNSIGNED-PAYLOAD") {
    return options.allowUnsignedPayload
      ? undefined
      : fail("ContentSha256Mismatch", "x-amz-content-sha256: UNSIGNED-PAYLOAD is not accepted by this service.");
  }
  if (declared.startsWith("STREAMING-")) {
    return fail("UnsupportedSignature", `Streaming payload signing (${declared}) is not supported by this verifier.`);
  }
  const actual = await getPayloadHash(new HttpRequest({ body }), Sha256);
  if (declared.toLowerCase() === actual) return undefined;
  // S3's wording for its XAmzContentSHA256Mismatch, from memory; unconfirmed.
  return fail("ContentSha256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", {
    detail: `Declared ${declared}, body hashes to ${actual}.`,
  });
}
