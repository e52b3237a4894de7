import type { TokenUse } from "./decode";
import { parseCognitoIssuer } from "./issuer";

/**
 * What each claim means in a Cognito token, in one line, and a note when a claim sits in a token
 * kind that normally lacks it: that mismatch is usually the whole story behind an Unauthorized.
 */

type Where = "id" | "access" | "both";

interface Entry {
  readonly meaning: string;
  readonly in: Where;
}

const CLAIMS: Readonly<Record<string, Entry>> = {
  // Two forms, by the pool's IssuerConfiguration (Cognito API reference, IssuerConfigurationType).
  iss: { in: "both", meaning: "Issuer: the user pool's URL, https://cognito-idp.{region}.amazonaws.com/{userPoolId} (ORIGINAL issuer) or https://issuer-cognito-idp.{region}.amazonaws.com/{userPoolId} (UPDATED issuer, region the pool's primary Region); JWKS at iss + /.well-known/jwks.json." },
  sub: { in: "both", meaning: "The user's stable, unique id in the pool (a UUID); the same in ID and access tokens." },
  aud: { in: "id", meaning: "Audience: the app client id. Only in ID tokens; access tokens carry client_id instead." },
  client_id: { in: "access", meaning: "The app client id. Only in access tokens; ID tokens carry it as aud." },
  token_use: { in: "both", meaning: '"id" or "access": which of the two Cognito tokens this is.' },
  scope: { in: "access", meaning: "OAuth scopes granted, space-separated (e.g. aws.cognito.signin.user.admin, openid, custom resource-server scopes). Only in access tokens." },
  "cognito:groups": { in: "both", meaning: "The user pool groups the user belongs to (absent when none); AppSync and API rules can allow by group." },
  "cognito:username": { in: "id", meaning: "The user's username (ID token); access tokens call it username." },
  username: { in: "access", meaning: "The user's username (access token); ID tokens call it cognito:username." },
  origin_jti: { in: "both", meaning: "Id of the sign-in session; shared by every token refreshed from it, and what token revocation keys on." },
  event_id: { in: "both", meaning: "Id of the authentication event that issued the token; ID and access tokens from one sign-in or refresh share it." },
  auth_time: { in: "both", meaning: "When the user last authenticated (seconds since the epoch); unchanged by refreshes." },
  exp: { in: "both", meaning: "Expires at (seconds since the epoch); 5 min to 1 day after iat, per the app client's token validity." },
  iat: { in: "both", meaning: "Issued at (seconds since the epoch), by the issuer's clock." },
  nbf: { in: "both", meaning: "Not valid before (seconds since the epoch). Cognito does not normally set it." },
  jti: { in: "both", meaning: "Unique id of this one token." },
  email: { in: "id", meaning: "The user's email attribute (ID token; needs the email scope on hosted-UI sign-ins)." },
  email_verified: { in: "id", meaning: "Whether the email was verified (a boolean in the token)." },
  phone_number: { in: "id", meaning: "The user's phone number attribute (ID token)." },
  phone_number_verified: { in: "id", meaning: "Whether the phone number was verified." },
  "cognito:roles": { in: "id", meaning: "IAM role ARNs of the user's groups, for an identity pool's role-from-token rules." },
  "cognito:preferred_role": { in: "id", meaning: "The IAM role of the user's highest-precedence group, used by an identity pool when it chooses the role from the token." },
  identities: { in: "id", meaning: "Federated sign-in details (provider name and type, e.g. Google or SAML) when the user came through an external IdP." },
  version: { in: "access", meaning: "Access-token format version (2 when the pool customises access tokens)." },
  at_hash: { in: "id", meaning: "Hash of the access token issued alongside (hosted-UI/OAuth sign-ins): binds the two together." },
  nonce: { in: "id", meaning: "Echo of the nonce the app sent to /oauth2/authorize, against replay." },
  name: { in: "id", meaning: "The user's name attribute." },
  given_name: { in: "id", meaning: "The user's given_name attribute." },
  family_name: { in: "id", meaning: "The user's family_name attribute." },
  azp: { in: "both", meaning: "Authorized party: the client the token was issued to (set by some OIDC issuers, not Cognito)." },
  scp: { in: "access", meaning: "Scopes as a list (Okta and others); Cognito uses scope." },
};

const HEADER: Readonly<Record<string, string>> = {
  alg: "Signing algorithm. Cognito signs with RS256 only.",
  kid: "Which key of the pool's JWKS signed the token. Cognito signs ID and access tokens with different keys, so their kids differ.",
  typ: "Media type of the token. Cognito omits it; other issuers write JWT or at+jwt.",
  cty: "Content type; JWT inside an encrypted JWE (Cognito refresh tokens).",
  enc: "Encryption algorithm: this is an encrypted JWE, not a signed JWT.",
};

const label = (use: Exclude<TokenUse, "unknown">) => (use === "id" ? "ID" : "access");

/** What this iss says: which user pool, which issuer form, and where its keys are. */
function explainIssuer(iss: string): string | null {
  const parsed = parseCognitoIssuer(iss);
  if (!parsed) return null;
  const where = parsed.aws ? "" : " A local sandbox or endpoint override stands in for AWS's host.";
  const form = parsed.form === "UPDATED"
    ? "The UPDATED issuer (issuer-cognito-idp), written while the pool's IssuerConfiguration is UPDATED (recommended for every pool and for multi-Region replication); the region is the pool's primary Region."
    : "The ORIGINAL issuer (cognito-idp), written while the pool's IssuerConfiguration is ORIGINAL.";
  return `Issuer: user pool ${parsed.userPoolId} in ${parsed.region}. ${form} Relying parties configured with an issuer URL (AgentCore discoveryUrl, OIDC authorizers) must use this exact form. JWKS at iss + /.well-known/jwks.json.${where}`;
}

/** Whether Cognito itself writes this claim (as opposed to a user attribute or a trigger's claim). */
export function isCognitoClaim(name: string): boolean {
  return Object.hasOwn(CLAIMS, name) && !["email", "email_verified", "phone_number", "phone_number_verified", "name", "given_name", "family_name", "scp"].includes(name);
}

/** One line on the claim, plus a note when it is out of place in this kind of token; `value` lets iss say which issuer form it is. */
export function explainClaim(name: string, tokenUse: TokenUse, value?: unknown): string {
  if (name === "iss" && typeof value === "string") {
    const issuer = explainIssuer(value);
    if (issuer) return issuer;
  }
  if (name.startsWith("custom:")) {
    return "A custom user attribute defined on the pool; appears in ID tokens when the app client may read it.";
  }
  if (name.startsWith("dev:")) return "A developer-only custom attribute: never in tokens, so seeing it means another issuer.";
  const entry = CLAIMS[name];
  if (!entry) return "Not a standard Cognito claim: added by a pre-token-generation trigger, or the token is from another issuer.";
  if (entry.in === "both" || tokenUse === "unknown" || entry.in === tokenUse) return entry.meaning;
  return `${entry.meaning} Unusual in an ${label(tokenUse)} token: added by a pre-token-generation trigger, or the token is not from Cognito.`;
}

export function explainHeader(name: string): string {
  return HEADER[name] ?? "A header parameter Cognito does not set.";
}

/** Claims Cognito always puts in this kind of token, for "what's missing" displays. */
export function expectedClaims(tokenUse: Exclude<TokenUse, "unknown">): string[] {
  const always = ["sub", "iss", "token_use", "auth_time", "exp", "iat", "jti", "origin_jti", "event_id"];
  return tokenUse === "id" ? [...always, "aud", "cognito:username"] : [...always, "client_id", "scope", "username"];
}
