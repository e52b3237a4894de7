/**
 * Issuer URLs: Cognito's, the sandbox's, and the OIDC discovery/JWKS documents hanging off them.
 *
 * A user pool writes one of two issuer forms into `iss`, chosen by its IssuerConfiguration
 * (CreateUserPool / UpdateUserPool / DescribeUserPool field `IssuerConfiguration.Type`, values
 * ORIGINAL | UPDATED — botocore cognito-idp 2016-04-18 service-2.json, shapes
 * IssuerConfigurationType and IssuerType;
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_IssuerConfigurationType.html):
 *   ORIGINAL `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`
 *   UPDATED  `https://issuer-cognito-idp.{region}.amazonaws.com/{userPoolId}`, region being the
 *            pool's primary Region; recommended for every pool and for multi-Region replication.
 * Both publish their keys at issuer + `/.well-known/jwks.json`: aws-jwt-verify 5.2 (awslabs/aws-jwt-verify#239;
 * npm aws-jwt-verify 5.2.1 dist/esm/cognito-verifier.js) registers both issuers for a pool id,
 * region taken from the id, each with that JWKS URL.
 *
 * The sandbox (or any `userPoolEndpoint` override) keeps the pool id as the last path segment:
 * `http://127.0.0.1:4577/ap-northeast-1_XXXX` stands for the ORIGINAL form and
 * `http://127.0.0.1:4577/issuer-cognito-idp/ap-northeast-1_XXXX` for the UPDATED one.
 */

export const DISCOVERY_SUFFIX = "/.well-known/openid-configuration";
export const JWKS_SUFFIX = "/.well-known/jwks.json";

/** AWS's names for the two forms (IssuerType in the cognito-idp service model). */
export const ISSUER_FORMS = ["ORIGINAL", "UPDATED"] as const;
export type IssuerForm = (typeof ISSUER_FORMS)[number];

/** On an endpoint override (the sandbox), the path segment that stands for the UPDATED issuer's host. */
const UPDATED_ISSUER_SEGMENT = "issuer-cognito-idp";

/** `us-east-1_AbC123`: region, underscore, id. */
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;
const AWS_HOST = /^(issuer-)?cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

interface CognitoIssuer {
  readonly region: string;
  readonly userPoolId: string;
  /** True for AWS's own hosts; false for the sandbox or another endpoint override. */
  readonly aws: boolean;
  readonly form: IssuerForm;
}

function regionOfUserPoolId(userPoolId: string): string | null {
  return USER_POOL_ID.exec(userPoolId)?.[1] ?? null;
}

export function isUserPoolId(value: string): boolean {
  return USER_POOL_ID.test(value);
}

export const otherForm = (form: IssuerForm): IssuerForm => (form === "ORIGINAL" ? "UPDATED" : "ORIGINAL");

/** Reads a Cognito issuer (AWS or sandbox-shaped, either form); null for anything else. */
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
  const host = AWS_HOST.exec(url.hostname);
  if (host) {
    // Both forms name the pool's own (primary) Region, which is the one in its id. A replica in
    // another Region issues the primary Region's ORIGINAL issuer too (captured in
    // awslabs/aws-jwt-verify#282, after an early period of Region-specific iss values).
    const form: IssuerForm = host[1] ? "UPDATED" : "ORIGINAL";
    return parts.length === 1 && host[2] === region ? { region, userPoolId, aws: true, form } : null;
  }
  const form: IssuerForm = parts.at(-2) === UPDATED_ISSUER_SEGMENT ? "UPDATED" : "ORIGINAL";
  return { region, userPoolId, aws: false, form };
}

/**
 * The issuer Cognito puts in tokens of a pool, in the given form (ORIGINAL when not said);
 * `endpoint` stands in for https://cognito-idp.{region}.amazonaws.com (the sandbox).
 */
export function cognitoIssuer(userPoolId: string, endpoint?: string, form: IssuerForm = "ORIGINAL"): string {
  const region = regionOfUserPoolId(userPoolId) ?? "unknown-region";
  if (endpoint) {
    const base = endpoint.replace(/\/+$/, "");
    return form === "UPDATED" ? `${base}/${UPDATED_ISSUER_SEGMENT}/${userPoolId}` : `${base}/${userPoolId}`;
  }
  return `https://${form === "UPDATED" ? "issuer-" : ""}cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/**
 * Both issuers a pool may sign with, the expected form first (ORIGINAL when the form is not
 * known): what aws-jwt-verify accepts for a pool id, and what a verifier configured by pool id
 * rather than by issuer URL is asked to accept.
 */
export function poolIssuers(userPoolId: string, options: { endpoint?: string; form?: IssuerForm } = {}): [string, string] {
  const first = options.form ?? "ORIGINAL";
  return [cognitoIssuer(userPoolId, options.endpoint, first), cognitoIssuer(userPoolId, options.endpoint, otherForm(first))];
}

/** What an environment says about its pool (lib/config/environment.ts), structurally. */
interface PoolEnvironment {
  readonly userPoolId: string;
  readonly endpoints: { readonly cognitoIdp?: string | undefined };
  readonly issuerConfiguration?: IssuerForm | undefined;
}

/**
 * The issuers an environment's tokens may carry: the pool's declared form first (ORIGINAL when
 * the environment does not say), then the other. The Cognito endpoint override (the sandbox)
 * stands in for both AWS hosts: `{endpoint}/{pool}` and `{endpoint}/issuer-cognito-idp/{pool}`.
 */
export function environmentIssuers(environment: PoolEnvironment): [string, string] {
  return poolIssuers(environment.userPoolId, {
    ...(environment.endpoints.cognitoIdp ? { endpoint: environment.endpoints.cognitoIdp } : {}),
    ...(environment.issuerConfiguration ? { form: environment.issuerConfiguration } : {}),
  });
}

/** The issuer an environment expects in iss: its declared form's, else the ORIGINAL one. */
export const environmentIssuer = (environment: PoolEnvironment): string => environmentIssuers(environment)[0];

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

/** "the UPDATED issuer of user pool X" for explanations; null when the URL is not a Cognito issuer. */
export function describeIssuer(iss: string): string | null {
  const parsed = parseCognitoIssuer(iss);
  if (!parsed) return null;
  const where = parsed.aws ? "" : " (on a local sandbox or endpoint override)";
  return `the ${parsed.form} issuer of user pool ${parsed.userPoolId}${where}`;
}

/**
 * Same pool, the other issuer form: the pool's IssuerConfiguration decides which form goes into
 * iss, and a relying party configured with one URL accepts only that one.
 */
function issuerFormMismatchHint(actual: CognitoIssuer, expected: CognitoIssuer, actualIss: string): string {
  return (
    `Same user pool ${actual.userPoolId}, other issuer form: the token carries the ${actual.form} issuer and the ${expected.form} one is configured here. ` +
    "A pool's IssuerConfiguration (ORIGINAL: https://cognito-idp.{region}.amazonaws.com/{pool}, UPDATED: https://issuer-cognito-idp.{region}.amazonaws.com/{pool}) " +
    `decides which form Cognito writes into iss, and issuers are compared character for character. Configure ${actualIss} here, or set the pool's issuer configuration back to ${expected.form} and sign in again.`
  );
}

/** Why two issuers differ, in terms of pools, issuer forms and environments where we can tell. */
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
    if (a.aws !== e.aws) return "Same user pool id, but one issuer is AWS's and the other a local sandbox or endpoint override.";
    if (a.form !== e.form) return issuerFormMismatchHint(a, e, actual);
    return "Same user pool id, different host.";
  }
  return "Issued by a different issuer than expected.";
}
