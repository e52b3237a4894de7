import { asStringList, scopesOf, show, showAllowed } from "../checks";
import { DISCOVERY_SUFFIX, discoveryUrlFor, issuerFromDiscoveryUrl, issuerMismatchHint, parseCognitoIssuer } from "../issuer";
import { customClaimRules, type ClaimHolder, type CustomClaimValidation } from "./agentcore-claims";
import {
  gatewayRefusal,
  MIN_REMAINING_SECONDS,
  RUNTIME_EXPIRED,
  RUNTIME_INEFFECTUAL,
  runtimeClaimMismatch,
  unconfirmed,
  type AgentCoreTarget,
} from "./agentcore-responses";
import { expRule, nowOf, schemeRule, type AuthorizerInput } from "./common";
import { result, rule, type AuthorizerResult, type Rule, type AwsPrediction } from "./result";
import { signatureRule } from "./signature-rule";

export type { AgentCoreTarget } from "./agentcore-responses";

/**
 * AgentCore Runtime / Gateway inbound `CUSTOM_JWT` authorizer (customJWTAuthorizer). Every list
 * that is set is enforced, independently: a token must satisfy allowedClients AND allowedAudience
 * when both are configured (observed: adding allowedAudience next to allowedClients made Cognito
 * access tokens fail with "Claim 'aud' value mismatch with configuration.").
 */

export interface AgentCoreJwtConfig {
  readonly discoveryUrl: string;
  readonly allowedClients?: readonly string[];
  readonly allowedAudience?: readonly string[];
  readonly allowedScopes?: readonly string[];
  readonly customClaims?: readonly CustomClaimValidation[];
  /** customClaims text that could not be read (agentcore-claims-input.ts): the verdict must not pass without them. */
  readonly customClaimsError?: string;
}

const PATTERN = "^.+/\\.well-known/openid-configuration$";

export function checkAgentCore(
  input: AuthorizerInput,
  config: AgentCoreJwtConfig,
  target: AgentCoreTarget = "runtime",
): AuthorizerResult {
  const { token } = input;
  // A runtime names the claim; a gateway answers "Invalid Bearer token" for any claim mismatch.
  const claimResponse = (claim: string, confirmed: boolean): AwsPrediction =>
    target === "runtime" ? runtimeClaimMismatch(claim, confirmed) : gatewayRefusal(confirmed);

  const rules: Rule[] = [
    discoveryRule(config.discoveryUrl),
    schemeRule(input, "bearer", "AgentCore reads only `Authorization: Bearer <token>`; a raw JWT (the AppSync form) is treated as no token.", {
      status: 401,
      message: 'Unauthorized, with WWW-Authenticate: Bearer resource_metadata="…/.well-known/oauth-protected-resource…" (the answer to a missing token)',
      confirmed: false,
      source: "AgentCore devguide runtime-oauth describes this for a missing token; not confirmed for a token without Bearer",
    }),
    // Unconfirmed: no public capture shows AgentCore's answer to a token whose signature does not verify.
    ...signatureRule(input.signature, target === "runtime" ? unconfirmed(target, "the signature does not verify against the discovery URL's keys") : gatewayRefusal(false)),
    issuerRule(token.issuer, config.discoveryUrl, (iss, expected) => unconfirmed(target, `iss ${iss ?? "(absent)"} does not match the discovery URL's issuer ${expected}`)),
    expRule(input, target === "runtime" ? RUNTIME_EXPIRED : unconfirmed(target, "the token has expired")),
    remainingLifetimeRule(input, target),
    clientsRule(input, config.allowedClients, claimResponse("client_id", true)),
    audienceRule(input, config, claimResponse("aud", true)),
    scopesRule(input, config.allowedScopes, claimResponse("scope", false)),
    // The runtime's wording for a customClaims refusal is not captured: "Claim '{name}' value
    // mismatch with configuration." by analogy with client_id / aud, marked not confirmed.
    ...customClaimRules(token.claims, config.customClaims ?? [], (claim) => claimResponse(claim, false), claimHolder(input)),
    ...(config.customClaimsError ? [unreadableClaimsRule(config.customClaimsError)] : []),
  ];
  return result("agentcore", rules);
}

function claimHolder(input: AuthorizerInput): ClaimHolder {
  if (input.token.tokenUse === "id") return "id";
  if (input.token.tokenUse !== "access") return "unknown";
  return isClientCredentialsToken(input.token.claims) ? "client-credentials" : "access";
}

function unreadableClaimsRule(error: string): Rule {
  return rule("config.customClaims", "fail", null, "a list of CustomClaimValidationType", error, {
    status: null,
    message: `Not checked: ${error}`,
    confirmed: false,
    source: "The setting as typed could not be read; nothing was asked of AgentCore",
  });
}

/**
 * A runtime refuses a token that is still valid but expires within the next minute (captured
 * 403, see RUNTIME_INEFFECTUAL). Whether a gateway does the same is not known, so there the row
 * only informs.
 */
function remainingLifetimeRule(input: AuthorizerInput, target: AgentCoreTarget): Rule {
  const exp = input.token.claims.exp;
  if (typeof exp !== "number") return rule("exp margin", "n/a", null, null, "No numeric exp (see the exp row).");
  const left = exp - nowOf(input) / 1000;
  const expected = `at least ${MIN_REMAINING_SECONDS} s left`;
  const actual = `${Math.floor(left)} s left`;
  if (left <= 0) return rule("exp margin", "n/a", actual, expected, "Already expired (see the exp row).");
  if (left >= MIN_REMAINING_SECONDS) return rule("exp margin", "pass", actual, expected, "Far enough from expiry.");
  if (target === "gateway") {
    return rule("exp margin", "n/a", actual, expected,
      `Expires within a minute: a runtime refuses such tokens ("Ineffectual token"); whether a gateway does is not confirmed. Refresh before calling.`);
  }
  return rule("exp margin", "fail", actual, expected,
    "AgentCore Runtime refuses a token that expires within the next minute, even though it is still valid. Refresh the session before calling (fetchAuthSession refreshes only expired tokens; ask for a refresh a few minutes early).",
    RUNTIME_INEFFECTUAL);
}

/** An empty discoveryUrl is a setting nobody gave, not a bare issuer: nothing to check against. */
const NOT_GIVEN = "discoveryUrl not given";

function discoveryRule(url: string): Rule {
  if (url.trim() === "") return rule("config.discoveryUrl", "n/a", null, `matches ${PATTERN}`, `${NOT_GIVEN}: not checked.`);
  if (issuerFromDiscoveryUrl(url)) return rule("config.discoveryUrl", "pass", url, `matches ${PATTERN}`, "A well-formed OIDC discovery URL.");
  return rule("config.discoveryUrl", "fail", url, `matches ${PATTERN}`,
    `The discovery URL must end in ${DISCOVERY_SUFFIX}, not be the bare issuer. ` +
      `CloudFormation refuses it with "Properties validation failed for resource ... DiscoveryUrl: string [${url}] does not match pattern ${PATTERN}". ` +
      `Fix: use ${url.replace(/\/+$/, "")}${DISCOVERY_SUFFIX}`,
    {
      // A deploy-time refusal (stack event / ValidationException), not an HTTP answer to a call.
      status: null,
      message: `Properties validation failed for resource ... DiscoveryUrl: string [${url}] does not match pattern ${PATTERN}`,
      confirmed: true,
      source: "CloudFormation deploy error quoted in seed 000; pattern from the AgentCore CustomJWTAuthorizerConfiguration API reference",
    });
}

/**
 * The discovery document's issuer must equal iss. We compare with the URL the document is read
 * from: OpenID Connect Discovery 1.0 section 4.3 requires a document's issuer to be exactly the
 * URL it is published under, so a Cognito pool's ORIGINAL-form discovery URL names the ORIGINAL
 * issuer and its UPDATED-form one the UPDATED issuer (inferred; which issuer the ORIGINAL document
 * of a pool switched to UPDATED names is not confirmed from AWS sources).
 */
function issuerRule(iss: string | null, discoveryUrl: string, response: (iss: string | null, expected: string) => AwsPrediction): Rule {
  if (discoveryUrl.trim() === "") return rule("iss", "n/a", iss, null, `${NOT_GIVEN}: the issuer is not checked.`);
  // Without the suffix the deployment fails anyway; compare with what was evidently meant.
  const expected = issuerFromDiscoveryUrl(discoveryUrl) ?? discoveryUrl.replace(/\/+$/, "");
  if (iss === expected) return rule("iss", "pass", iss, expected, "The token's issuer is the discovery URL's issuer.");
  const a = iss === null ? null : parseCognitoIssuer(iss);
  const e = parseCognitoIssuer(expected);
  const fix = a && e && a.userPoolId === e.userPoolId && a.aws === e.aws && a.form !== e.form
    ? ` The discoveryUrl for these tokens is ${discoveryUrlFor(iss ?? "")}.`
    : "";
  return rule("iss", "fail", iss ?? "(absent)", expected,
    `The discovery URL's issuer must equal the token's iss exactly. ${issuerMismatchHint(iss, expected)}${fix}`, response(iss, expected));
}

function clientsRule(input: AuthorizerInput, allowed: readonly string[] | undefined, response: AwsPrediction): Rule {
  const value = input.token.claims["client_id"];
  const actual = value === undefined ? null : show(value);
  if (!allowed || allowed.length === 0) return rule("client_id", "n/a", actual, null, "allowedClients not set: client_id is not checked.");
  if (typeof value === "string" && allowed.includes(value)) return rule("client_id", "pass", actual, showAllowed(allowed), "client_id is an allowed client.");
  const why = input.token.tokenUse === "id"
    ? "This is an ID token: Cognito puts the app client id in aud, and ID tokens have no client_id. Send the access token (session.tokens.accessToken), not the ID token."
    : value === undefined
      ? "The token has no client_id claim."
      : "Issued to an app client that is not in allowedClients: the caller signs in with another app client than the one configured.";
  return rule("client_id", "fail", actual ?? "(absent)", showAllowed(allowed), `${response.message} ${why}`, response);
}

function audienceRule(input: AuthorizerInput, config: AgentCoreJwtConfig, response: AwsPrediction): Rule {
  const allowed = config.allowedAudience;
  const value = input.token.claims.aud;
  const actual = value === undefined ? null : show(value);
  if (!allowed || allowed.length === 0) return rule("aud", "n/a", actual, null, "allowedAudience not set: aud is not checked.");
  if (asStringList(value).some((a) => allowed.includes(a))) return rule("aud", "pass", actual, showAllowed(allowed), "aud holds an allowed audience.");
  let why = "aud holds none of the allowed audiences.";
  if (value === undefined && input.token.tokenUse === "access") {
    why = "Cognito access tokens have no aud claim, so allowedAudience can never pass for them. Remove allowedAudience and put the app client id in allowedClients.";
    if (config.allowedClients?.length) why += " Both lists are enforced when both are set, so matching allowedClients is not enough.";
  } else if (value === undefined) {
    why = "The token has no aud claim.";
  }
  return rule("aud", "fail", actual ?? "(absent)", showAllowed(allowed), `${response.message} ${why}`, response);
}

function scopesRule(input: AuthorizerInput, allowed: readonly string[] | undefined, response: AwsPrediction): Rule {
  const scopes = scopesOf(input.token.claims);
  const actual = scopes.length ? scopes.join(" ") : null;
  if (!allowed || allowed.length === 0) return rule("scope", "n/a", actual, null, "allowedScopes not set: scopes are not checked.");
  // Any one allowed scope is enough (observed: any-of, not all-of).
  const hit = scopes.find((s) => allowed.includes(s));
  if (hit) return rule("scope", "pass", actual, showAllowed(allowed), `Holds the allowed scope ${hit}.`);
  const why = input.token.tokenUse === "id"
    ? "ID tokens carry no scope: send the access token."
    : scopes.length === 1 && scopes[0] === "aws.cognito.signin.user.admin"
      ? "Tokens from InitiateAuth/SRP sign-in carry only aws.cognito.signin.user.admin; custom scopes come only from the OAuth flows (hosted UI, client credentials)."
      : isClientCredentialsToken(input.token.claims)
        ? "A client credentials (M2M) token carries only the scopes it asked for, or all its app client's custom scopes when it asked for none: ask for an allowed one, after adding it to the client's AllowedOAuthScopes (else the token endpoint answers invalid_scope)."
        : "None of the token's scopes is allowed: request one of them when getting the token.";
  return rule("scope", "fail", actual ?? "(absent)", showAllowed(allowed), why, response);
}

/**
 * An access token of the client credentials grant: no user, so Cognito names the app client as
 * its subject (sub equal to client_id) and adds no username (inferred from the token endpoint's
 * M2M tokens; see sandbox/cognito-idp/oauth2-token.ts).
 */
function isClientCredentialsToken(claims: Record<string, unknown>): boolean {
  return typeof claims["client_id"] === "string" && claims["sub"] === claims["client_id"] && claims["username"] === undefined;
}
