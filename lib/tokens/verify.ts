import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from "jose";
import { allPass, asStringList, check, show, showAllowed, type Check } from "./checks";
import { decodeToken, type DecodedToken } from "./decode";
import { CheckConfigError } from "./errors";
import { describeIssuer, issuerMismatchHint, jwksUrlFor, parseCognitoIssuer } from "./issuer";
import type { JwksGetter } from "./jwks-cache";
import { expCheck, iatCheck, nbfCheck, tokenAgeSeconds } from "./time-checks";

/**
 * Verifies a token the way aws-jwt-verify would, except that it runs every check and reports
 * each one instead of stopping at the first failure: a support engineer needs the whole list
 * ("expired AND wrong client") to explain an Unauthorized.
 */

export interface VerifyExpectations {
  /**
   * The pool's issuer, or the issuers it may sign with (both forms of one pool: `poolIssuers`),
   * as aws-jwt-verify accepts for a pool id. `null`: take keys from the token's own iss and don't check it.
   */
  readonly issuer: string | readonly string[] | null;
  /** App client id(s), read from `aud` (ID token) or `client_id` (access token). `null`: don't check. */
  readonly clientId: string | readonly string[] | null;
  /** `null`: accept either kind. */
  readonly tokenUse: "id" | "access" | null;
}

export interface VerifyOptions {
  /** Usually `jwksCache.getJwks`; the browser passes one that falls back to a server proxy. */
  readonly getJwks: JwksGetter;
  /** Milliseconds since the epoch; defaults to this computer's clock. */
  readonly now?: number;
  readonly clockToleranceSeconds?: number;
  /** Defaults to Cognito's only algorithm. */
  readonly algorithms?: readonly string[];
}

export interface VerifyResult {
  readonly token: DecodedToken;
  readonly checks: readonly Check[];
  readonly ok: boolean;
  /** now − iat by this clock; negative means this clock is behind the issuer's. */
  readonly tokenAgeSeconds: number | null;
}

export async function verifyToken(
  input: string | DecodedToken,
  expectations: VerifyExpectations,
  options: VerifyOptions,
): Promise<VerifyResult> {
  assertExpectations(expectations, options);
  const token = typeof input === "string" ? decodeToken(input) : input;
  const nowMs = options.now ?? Date.now();
  const clock = { nowMs, toleranceSeconds: options.clockToleranceSeconds ?? 0 };
  const algorithms = options.algorithms ?? ["RS256"];
  const kid = typeof token.header.kid === "string" ? token.header.kid : undefined;
  const keyIssuer = keyIssuerFor(token, expectations.issuer);

  const keys = await loadKeys(options.getJwks, keyIssuer, kid);
  const checks: Check[] = [
    await signatureCheck(token, keys),
    algCheck(token, algorithms),
    kidCheck(kid, keyIssuer, keys),
    issuerCheck(token, expectations.issuer),
    tokenUseCheck(token, expectations.tokenUse),
    clientCheck(token, expectations.clientId),
    expCheck(token.claims, clock),
    nbfCheck(token.claims, clock),
    iatCheck(token.claims, clock),
  ];
  return { token, checks, ok: allPass(checks), tokenAgeSeconds: tokenAgeSeconds(token.claims, nowMs) };
}

/**
 * Whose JWKS the keys come from: the token's own iss when it is one of the expected issuers (as
 * aws-jwt-verify picks the issuer config by iss), else the first expected one, so a token from
 * another pool is judged against the expected pool's keys, never its own.
 */
export function keyIssuerFor(token: DecodedToken, expected: VerifyExpectations["issuer"]): string | null {
  if (expected === null) return token.issuer;
  const list = typeof expected === "string" ? [expected] : expected;
  return token.issuer !== null && list.includes(token.issuer) ? token.issuer : (list[0] ?? null);
}

function assertExpectations(expectations: VerifyExpectations | undefined, options: VerifyOptions | undefined) {
  const missing = (["issuer", "clientId", "tokenUse"] as const).filter((key) => expectations?.[key] === undefined);
  if (missing.length > 0) {
    throw new CheckConfigError(
      "invalid:token-check:expectation-missing",
      `Say what to check: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} required (null opts out explicitly).`,
    );
  }
  if (typeof options?.getJwks !== "function") {
    throw new CheckConfigError("invalid:token-check:expectation-missing", "A getJwks function is required to check the signature.");
  }
}

type Keys = { jwks: JSONWebKeySet; url: string } | { problem: string };

async function loadKeys(getJwks: JwksGetter, issuer: string | null, kid: string | undefined): Promise<Keys> {
  if (!issuer) return { problem: "The token has no iss and no issuer was given, so there is no JWKS to fetch." };
  try {
    return { jwks: await getJwks(issuer, kid), url: jwksUrlFor(issuer) };
  } catch (error) {
    // The getter is the caller's and may throw anything; it becomes a failed row, never a crash.
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

async function signatureCheck(token: DecodedToken, keys: Keys): Promise<Check> {
  const alg = show(token.header.alg);
  if ("problem" in keys) return check("signature", "fail", null, "valid", `Not checked: ${keys.problem}`);
  const expected = `valid under ${keys.url}`;
  try {
    await compactVerify(token.raw, createLocalJWKSet(keys.jwks));
    return check("signature", "pass", "valid", expected, `Verified with key ${show(token.header.kid)} (${alg}).`);
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return check("signature", "fail", "invalid", expected,
        "The signature does not match: the header or payload was changed after signing, or another key with this kid signed it.");
    }
    if (/^HS/.test(alg)) {
      return check("signature", "fail", "not verifiable", expected,
        `${alg} is a shared-secret algorithm and a JWKS holds public keys only: a token like this was not issued by Cognito (alg-confusion forgery).`);
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return check("signature", "fail", "no matching key", expected,
        `No key in the JWKS matches kid ${show(token.header.kid)} with alg ${alg}, so the signature cannot be checked.`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return check("signature", "fail", "not verifiable", expected, `Could not verify: ${reason}`);
  }
}

function algCheck(token: DecodedToken, algorithms: readonly string[]): Check {
  const alg = token.header.alg;
  return typeof alg === "string" && algorithms.includes(alg)
    ? check("alg", "pass", alg, showAllowed(algorithms), `${alg} is allowed.`)
    : check("alg", "fail", show(alg), showAllowed(algorithms),
        `${show(alg)} is not allowed: Cognito signs only with RS256, so a token with another alg was not issued by a user pool.`);
}

function kidCheck(kid: string | undefined, issuer: string | null, keys: Keys): Check {
  if (kid === undefined) return check("kid", "fail", null, "a kid from the JWKS", "The header has no kid; Cognito always sets one.");
  if ("problem" in keys) return check("kid", "fail", kid, "a kid from the JWKS", `Not checked: ${keys.problem}`);
  const kids = keys.jwks.keys.map((key) => key.kid).filter((k): k is string => typeof k === "string");
  if (kids.includes(kid)) return check("kid", "pass", kid, `one of ${kids.length} keys at ${keys.url}`, "The key is in the pool's JWKS.");
  return check("kid", "fail", kid, `one of: ${kids.join(", ") || "(no keys)"}`,
    `This kid is not in the JWKS of ${issuer ?? "the issuer"}: the token was signed by another user pool (another environment?) or by a key that is no longer published.`);
}

function issuerCheck(token: DecodedToken, expected: VerifyExpectations["issuer"]): Check {
  const actual = token.issuer;
  if (expected === null) {
    return check("iss", "n/a", actual, null,
      "Not checked (issuer: null). The keys came from this same iss, so a valid signature only proves that whoever runs that issuer signed the token: give the expected issuer to check it.");
  }
  const list = typeof expected === "string" ? [expected] : [...expected];
  if (actual !== null && list.includes(actual)) {
    const which = describeIssuer(actual);
    const pool = parseCognitoIssuer(actual)?.userPoolId;
    // Both forms of one pool listed: say so, since a relying party pinned to one URL accepts only that one.
    const both = pool && list.length > 1 && list.every((i) => parseCognitoIssuer(i)?.userPoolId === pool)
      ? " Either issuer form of the pool is accepted here, as aws-jwt-verify (5.2 and later) accepts both; an authorizer configured with one issuer URL accepts only that one."
      : "";
    return check("iss", "pass", actual, showAllowed(list), `Issued by the expected user pool${which ? `: ${which}` : ""}.${both}`);
  }
  // Explain against the expected issuer of the same pool when there is one (the other form).
  const actualPool = actual === null ? undefined : parseCognitoIssuer(actual)?.userPoolId;
  const samePool = (actualPool && list.find((i) => parseCognitoIssuer(i)?.userPoolId === actualPool)) || (list[0] ?? "");
  return check("iss", "fail", actual ?? "(absent)", showAllowed(list), issuerMismatchHint(actual, samePool));
}

function tokenUseCheck(token: DecodedToken, expected: "id" | "access" | null): Check {
  const actual = show(token.claims["token_use"]);
  if (expected === null) return check("token_use", "n/a", actual, null, "Either token kind accepted (tokenUse: null).");
  if (token.tokenUse === expected) return check("token_use", "pass", actual, expected, `An ${expected === "id" ? "ID" : "access"} token, as expected.`);
  const message = token.tokenUse === "unknown"
    ? "No Cognito token_use claim: this is not a Cognito ID or access token."
    : `This is ${token.tokenUse === "id" ? "an ID" : "an access"} token; ${expected === "id" ? "an ID" : "an access"} token is expected. Send session.tokens.${expected === "id" ? "idToken" : "accessToken"} instead.`;
  return check("token_use", "fail", actual, expected, message);
}

function clientCheck(token: DecodedToken, expected: string | readonly string[] | null): Check {
  // Cognito puts the app client id in aud for ID tokens and in client_id for access tokens.
  const claim = token.tokenUse === "id" || (token.tokenUse === "unknown" && token.claims.aud !== undefined) ? "aud" : "client_id";
  const value = token.claims[claim];
  const actual = value === undefined ? null : `${claim}: ${show(value)}`;
  if (expected === null) return check("client", "n/a", actual, null, "App client not checked (clientId: null).");
  const allowed = typeof expected === "string" ? [expected] : [...expected];
  const found = asStringList(value).find((v) => allowed.includes(v));
  if (found) return check("client", "pass", actual, showAllowed(allowed), `Issued to app client ${found} (read from ${claim}).`);
  const why = value === undefined
    ? `The token has no ${claim} claim.`
    : `Issued to another app client (read from ${claim}): the app and the API are configured with different client ids.`;
  return check("client", "fail", actual ?? `${claim}: (absent)`, showAllowed(allowed), why);
}
