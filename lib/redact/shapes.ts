/**
 * What secrets look like, as regular-expression sources shared by the text scanner and the
 * value-level rules. Kept apart so each rule can be read (and tested) against its one shape.
 */

/** Case-insensitive spelling of a word without the `i` flag (the access-key shape must stay case-sensitive). */
function ci(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

const SEP = "[_-]?";
const B64U = "[A-Za-z0-9_-]";

/**
 * A JOSE header is base64url JSON that starts with `{`, so its text starts with `ey` (`{"`, `{ `)
 * or `ew` (`{` and a line break). The payload may also be `{}` (`e30`).
 */
const JOSE_HEADER = `e[wy]${B64U}{4,}`;
export const JWE_SOURCE = `${JOSE_HEADER}\\.${B64U}*\\.${B64U}+\\.${B64U}+\\.${B64U}+`;
export const JWT_SOURCE = `${JOSE_HEADER}\\.e[wy3]${B64U}*\\.${B64U}+`;

/** Long-term (AKIA) and temporary (ASIA) access key ids. Not secret alone, but shortened. */
export const ACCESS_KEY_ID_SOURCE = "(?:AKIA|ASIA)[A-Z0-9]{16}";

/** AppSync API keys: `da2-` and 26 lower-case letters and digits. */
// Not inside a longer word: a UUID such as "…-ada2-3f0c…" holds "da2-" too.
export const APPSYNC_API_KEY_SOURCE = "(?<![A-Za-z0-9])da2-[A-Za-z0-9]{8,}";

/**
 * STS / Cognito identity session tokens start with a fixed protobuf-ish preamble in base64
 * (`IQoJb3JpZ2lu…` = "\x21\n\torigin…"; older ones `FwoGZXIvYXdz…`), also seen URL-encoded.
 */
export const SESSION_TOKEN_SOURCE =
  "(?:IQoJb3JpZ2lu|AgoJb3JpZ2lu|IgoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)(?:[A-Za-z0-9/+=]|%[0-9A-Fa-f]{2})+";

/**
 * A bare secret access key: exactly 40 base64 characters standing alone. Validated further by
 * `looksLikeSecretAccessKey` (mixed case, not a hex digest) to keep SHA-1s and words out.
 */
export const BARE_SECRET_KEY_SOURCE = "(?<![A-Za-z0-9/+_-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])";

/**
 * Names whose value is secret wherever they appear (JSON keys, headers, query and form
 * parameters, ini/env lines, XML elements). Any identifier ending in one of these counts, so
 * `aws_secret_access_key`, `NEW_PASSWORD`, `X-Amz-Security-Token`, `refresh_token` all match.
 * Deliberately not here: `USERNAME`, SRP values, `Credential` (the access key id is shortened
 * instead), `x-amz-date`.
 */
const SECRET_NAME_ENDINGS = [
  `${ci("password")}`,
  `${ci("passwd")}`,
  `${ci("secret")}(?:${SEP}${ci("access")})?(?:${SEP}${ci("key")})?`,
  `${ci("secret")}${SEP}${ci("hash")}`,
  `${ci("token")}`,
  `${ci("api")}${SEP}${ci("key")}`,
  `${ci("signature")}`,
  `${ci("cookie")}`,
];
export const SECRET_NAME_SOURCE = `[A-Za-z0-9_-]*?(?:${SECRET_NAME_ENDINGS.join("|")})`;
export const AUTHORIZATION_NAME_SOURCE = `[A-Za-z0-9_-]*?${ci("authorization")}`;

const SECRET_NAME = new RegExp(`^${SECRET_NAME_SOURCE}$`);
const AUTHORIZATION_NAME = new RegExp(`^${AUTHORIZATION_NAME_SOURCE}$`);

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);
export const isAuthorizationName = (name: string): boolean => AUTHORIZATION_NAME.test(name);

export const JWT_EXACT = new RegExp(`^${JWT_SOURCE}$`);
export const JWE_EXACT = new RegExp(`^${JWE_SOURCE}$`);
/** A JWT this module already redacted: `header.payload.…redacted…`. */
export const REDACTED_JWT_SOURCE = `${JOSE_HEADER}\\.e[wy3]${B64U}*\\.…redacted…`;
export const REDACTED_JWT_EXACT = new RegExp(`^${REDACTED_JWT_SOURCE}$`);
