/**
 * Reads the SigV4 material out of a request — the Authorization header or the X-Amz-* query
 * parameters — and refuses malformed material with AWS's IncompleteSignature wording. Nothing here
 * touches keys or hashes; verify.ts does that.
 */
import { fail, MSG_MISSING_AUTH, msgAuthHeaderRequires, msgMissingEqualSign, msgQueryRequires, msgSignatureMismatchBoth, msgSignedHeaderMissing } from "./refusals";
import { redactAuthorization } from "../../lib/sigv4/redact";
import type { SignatureMode, VerifyFailure } from "./types";
import { single, type QueryMap } from "../../lib/sigv4/url";

const ALGORITHM = "AWS4-HMAC-SHA256";

export interface CredentialScope {
  accessKeyId: string;
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
  terminator: string;
}

export interface ParsedAuth {
  mode: SignatureMode;
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
  /** X-Amz-Date exactly as sent. */
  amzDate: string;
  signedAt: Date;
  /** X-Amz-Expires (query mode). */
  expiresSeconds?: number;
  sessionToken?: string;
}

export function parseAuth(headers: Record<string, string>, query: QueryMap): ParsedAuth | VerifyFailure {
  const authorization = headers["authorization"];
  const queryAlgorithm = query["X-Amz-Algorithm"];
  if (authorization !== undefined && queryAlgorithm !== undefined) {
    return fail("SignatureDoesNotMatch", msgSignatureMismatchBoth);
  }
  if (queryAlgorithm !== undefined) return parseQueryAuth(headers, query);
  if (authorization === undefined || authorization.trim() === "") return fail("MissingAuthenticationToken", MSG_MISSING_AUTH);
  return parseHeaderAuth(headers, authorization.trim());
}

function parseHeaderAuth(headers: Record<string, string>, authorization: string): ParsedAuth | VerifyFailure {
  const shown = redactAuthorization(authorization);
  const algorithm = authorization.split(/\s/, 1)[0] ?? "";
  const hasDate = headers["x-amz-date"] !== undefined || headers["date"] !== undefined;
  if (algorithm !== ALGORITHM) {
    if (/^AWS4-/i.test(algorithm)) {
      // SigV4a (AWS4-ECDSA-P256-SHA256) and friends: well-formed, just not what we recompute.
      return fail("UnsupportedSignature", `Unsupported AWS 'algorithm': '${algorithm}'.`, {
        detail: "This verifier recomputes AWS4-HMAC-SHA256 (SigV4) only.",
      });
    }
    // A JWT or API key in the Authorization header of an IAM-authorised API: AWS answers with the
    // list of SigV4 parts it could not find (aws/chalice #828).
    const missing = ["Credential", "Signature", "SignedHeaders", ...(hasDate ? [] : ["date"])];
    return fail("IncompleteSignature", msgAuthHeaderRequires(missing, shown), {
      detail: "The Authorization header is not AWS SigV4; this endpoint expects IAM (SigV4) authorization.",
    });
  }

  const fields = new Map<string, string>();
  // AWS splits on commas and whitespace alike, which is how a stray space inside the key id
  // becomes "'/20150620/…' not a valid key=value pair" (aws/aws-sdk-go #289).
  for (const part of authorization.slice(ALGORITHM.length).split(/[\s,]+/)) {
    const item = part.trim();
    if (item === "") continue;
    const eq = item.indexOf("=");
    if (eq === -1) return fail("IncompleteSignature", msgMissingEqualSign(item, shown));
    fields.set(item.slice(0, eq).trim(), item.slice(eq + 1).trim());
  }
  const missing = ["Credential", "Signature", "SignedHeaders"].filter((k) => !fields.get(k));
  if (!hasDate) missing.push("date");
  if (missing.length > 0) return fail("IncompleteSignature", msgAuthHeaderRequires(missing, shown));

  const amzDate = headers["x-amz-date"];
  if (amzDate === undefined) {
    return fail("UnsupportedSignature", "This verifier needs an X-Amz-Date header; the request carries only Date.", {
      detail: "AWS also accepts a Date header, but AWS SDKs always send X-Amz-Date.",
    });
  }
  return finish("header", fields.get("Credential")!, fields.get("SignedHeaders")!, fields.get("Signature")!, amzDate, headers, {
    sessionToken: headers["x-amz-security-token"],
  });
}

function parseQueryAuth(headers: Record<string, string>, query: QueryMap): ParsedAuth | VerifyFailure {
  const names = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"];
  const missing = names.filter((name) => !single(query, name));
  if (missing.length > 0) return fail("IncompleteSignature", msgQueryRequires(missing));
  const algorithm = single(query, "X-Amz-Algorithm")!;
  if (algorithm !== ALGORITHM) return fail("UnsupportedSignature", `Unsupported AWS 'algorithm': '${algorithm}'.`);

  // Absent X-Amz-Expires is judged by checkClock, which knows whether the service needs it.
  const expiresText = single(query, "X-Amz-Expires");
  if (expiresText !== undefined && !/^\d+$/.test(expiresText)) {
    return fail("InvalidExpires", `X-Amz-Expires must be a whole number of seconds; got '${expiresText}'.`);
  }
  return finish(
    "query",
    single(query, "X-Amz-Credential")!,
    single(query, "X-Amz-SignedHeaders")!,
    single(query, "X-Amz-Signature")!,
    single(query, "X-Amz-Date")!,
    headers,
    { ...(expiresText !== undefined ? { expiresSeconds: Number(expiresText) } : {}), sessionToken: single(query, "X-Amz-Security-Token") },
  );
}

function finish(
  mode: SignatureMode,
  credential: string,
  signedHeaderList: string,
  signature: string,
  amzDate: string,
  headers: Record<string, string>,
  extra: { expiresSeconds?: number; sessionToken?: string | undefined },
): ParsedAuth | VerifyFailure {
  const parts = credential.split("/");
  const [accessKeyId, date, region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !date || !region || !service || !terminator) {
    // Wording as emulators mirror it; not seen on an AWS page.
    return fail(
      "IncompleteSignature",
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    // Wording from memory of AWS's reply; unconfirmed.
    return fail("IncompleteSignature", `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`, {
      accessKeyId,
    });
  }
  const signedHeaders = signedHeaderList.split(";").filter((h) => h !== "");
  if (!signedHeaders.includes("host") && !signedHeaders.includes(":authority")) {
    return fail("IncompleteSignature", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", {
      accessKeyId,
    });
  }
  const absent = signedHeaders.find((name) => headers[name] === undefined);
  if (absent !== undefined) return fail("IncompleteSignature", msgSignedHeaderMissing(absent), { accessKeyId });

  return {
    mode,
    scope: { accessKeyId, date, region, service, terminator },
    signedHeaders,
    signature,
    amzDate,
    signedAt,
    ...(extra.expiresSeconds !== undefined ? { expiresSeconds: extra.expiresSeconds } : {}),
    ...(extra.sessionToken !== undefined ? { sessionToken: extra.sessionToken } : {}),
  };
}

/** `20240102T030405Z` → Date, or undefined for anything else (including 20241345T…). */
export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatAmzDate(date) === text ? date : undefined;
}

export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}
