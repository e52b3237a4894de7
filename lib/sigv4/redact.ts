/**
 * Make a signed request safe to display while keeping what a person debugging needs: which key id,
 * which credential scope (day/region/service), which headers were signed, whether a session token
 * was sent. Only the signature and the session token are replaced.
 */

export const REDACTED = "…redacted…";

const SECRET_QUERY_KEYS = new Set(["x-amz-signature", "x-amz-security-token"]);

/** `…&X-Amz-Signature=abc…&X-Amz-Security-Token=IQo…` → both values replaced, all else untouched. */
export function redactSignedUrl(url: string): string {
  const hashAt = url.indexOf("#");
  const withoutFragment = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : url.slice(hashAt);
  const queryAt = withoutFragment.indexOf("?");
  if (queryAt === -1) return url;
  const pairs = withoutFragment.slice(queryAt + 1).split("&");
  const redacted = pairs.map((pair) => {
    const eq = pair.indexOf("=");
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    return SECRET_QUERY_KEYS.has(safeDecode(rawKey).toLowerCase()) ? `${rawKey}=${REDACTED}` : pair;
  });
  return `${withoutFragment.slice(0, queryAt + 1)}${redacted.join("&")}${fragment}`;
}

/**
 * `AWS4-HMAC-SHA256 Credential=AKIA…/20240101/us-east-1/appsync/aws4_request, SignedHeaders=…,
 * Signature=abc` keeps everything but the signature. Anything that is not SigV4 (a Bearer JWT, an
 * API key pasted into the wrong header) keeps only its scheme word, since it is all secret.
 */
export function redactAuthorization(headerValue: string): string {
  const trimmed = headerValue.trim();
  if (/^AWS4-/i.test(trimmed)) {
    return trimmed.replace(/(Signature\s*=\s*)[^,\s]*/i, `$1${REDACTED}`);
  }
  const scheme = /^(Bearer|Basic|Digest)\s+/i.exec(trimmed);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

/** Header map with `authorization` and `x-amz-security-token` redacted (names compared any case). */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    out[name] =
      lower === "authorization" ? redactAuthorization(value) : lower === "x-amz-security-token" ? REDACTED : value;
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
