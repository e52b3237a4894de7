/**
 * Issuer URLs: Cognito's, the sandbox's, and the OIDC discovery/JWKS documents hanging off them.
 * Cognito: `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`; the sandbox (or any
 * `userPoolEndpoint` override) keeps the pool id as the last path segment, e.g.
 * `http://127.0.0.1:4577/ap-northeast-1_XXXX`.
 */

export const DISCOVERY_SUFFIX = "/.well-known/openid-configuration";
export const JWKS_SUFFIX = "/.well-known/jwks.json";

/** `us-east-1_AbC123`: region, underscore, id. */
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;
const AWS_HOST = /^cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

export interface CognitoIssuer {
  readonly region: string;
  readonly userPoolId: string;
  /** True for AWS's own host; false for the sandbox or another endpoint override. */
  readonly aws: boolean;
}

export function regionOfUserPoolId(userPoolId: string): string | null {
  return USER_POOL_ID.exec(userPoolId)?.[1] ?? null;
}

export function isUserPoolId(value: string): boolean {
  return USER_POOL_ID.test(value);
}

/** Reads a Cognito issuer (AWS or sandbox-shaped); null for anything else. */
export function parseCognitoIssuer(iss: string): CognitoIssuer | null {
  let url: URL;
  try {
    url = new URL(iss);
  } catch {
    return null;
  }
  const parts = url.pathname.split("/").filter(Boolean);
  const userPoolId = parts.at(-1);
  // Cognito issuers end in the pool id with no trailing slash; anything else is another IdP.
  if (!userPoolId || iss.endsWith("/") || url.search || url.hash) return null;
  const region = regionOfUserPoolId(userPoolId);
  if (!region) return null;
  const hostRegion = AWS_HOST.exec(url.hostname)?.[1];
  if (hostRegion !== undefined) {
    return parts.length === 1 && hostRegion === region ? { region, userPoolId, aws: true } : null;
  }
  return { region, userPoolId, aws: false };
}

/** The issuer Cognito puts in tokens of a pool; `endpoint` stands in for AWS (the sandbox). */
export function cognitoIssuer(userPoolId: string, endpoint?: string): string {
  const base = endpoint
    ? endpoint.replace(/\/+$/, "")
    : `https://cognito-idp.${regionOfUserPoolId(userPoolId) ?? "unknown-region"}.amazonaws.com`;
  return `${base}/${userPoolId}`;
}

/** Where a pool publishes its signing keys (Cognito: issuer + /.well-known/jwks.json). */
export function jwksUrlFor(issuer: string): string {
  return issuer.replace(/\/+$/, "") + JWKS_SUFFIX;
}

export function discoveryUrlFor(issuer: string): string {
  return issuer.replace(/\/+$/, "") + DISCOVERY_SUFFIX;
}

/** The issuer a discovery URL stands for, or null when the URL lacks the well-known suffix. */
export function issuerFromDiscoveryUrl(discoveryUrl: string): string | null {
  return discoveryUrl.endsWith(DISCOVERY_SUFFIX) && discoveryUrl.length > DISCOVERY_SUFFIX.length
    ? discoveryUrl.slice(0, -DISCOVERY_SUFFIX.length)
    : null;
}

/** Why two issuers differ, in terms of pools and environments where we can tell. */
export function issuerMismatchHint(actual: string | null, expected: string): string {
  if (actual === null) return "The token has no iss claim.";
  if (actual.replace(/\/+$/, "") === expected.replace(/\/+$/, "")) {
    return "The issuers differ only by a trailing slash, and issuers are compared character for character.";
  }
  const a = parseCognitoIssuer(actual);
  const e = parseCognitoIssuer(expected);
  if (a && e) {
    if (a.userPoolId !== e.userPoolId) {
      return `Issued by user pool ${a.userPoolId}, expected ${e.userPoolId}: the app signed in to a different pool (another environment or region?).`;
    }
    return a.aws === e.aws
      ? "Same user pool id, different host."
      : "Same user pool id, but one issuer is AWS's and the other a local sandbox or endpoint override.";
  }
  return "Issued by a different issuer than expected.";
}
