import { asStringList, scopesOf, show, showAllowed } from "../checks";
import { DISCOVERY_SUFFIX, discoveryUrlFor, issuerFromDiscoveryUrl, issuerMismatchHint, parseCognitoIssuer } from "../issuer";
import { expRule, schemeRule, type AuthorizerInput } from "./common";
import { customClaimRules, type CustomClaimValidation } from "./agentcore-claims";
import { result, rule, type AuthorizerResult, type Rule, type ServiceResponse } from "./result";

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
}

export type AgentCoreTarget = "runtime" | "gateway";

const PATTERN = "^.+/\\.well-known/openid-configuration$";

export function checkAgentCore(
  input: AuthorizerInput,
  config: AgentCoreJwtConfig,
  target: AgentCoreTarget = "runtime",
): AuthorizerResult {
  const { token } = input;
  const claimResponse = (claim: string, confirmed: boolean): ServiceResponse =>
    target === "runtime"
      ? {
          status: 401,
          message: `Claim '${claim}' value mismatch with configuration.`,
          confirmed,
          source: confirmed
            ? "Observed from AgentCore Runtime (seed 000; public reports)"
            : "By analogy with the observed client_id/aud wording; not confirmed for this claim",
        }
      : {
          status: 403,
          message: "Request denied by the gateway's JWT authorizer (the gateway does not name the claim).",
          confirmed: false,
          source: "One public report: 403 at a gateway where a runtime answers 401; another saw 401 with JSON-RPC error -32001 \"Invalid Bearer token\"",
        };
  const unconfirmed = (what: string): ServiceResponse => ({
    status: target === "runtime" ? 401 : null,
    message: `Token rejected: ${what}. (AgentCore's exact wording for this case is not confirmed.)`,
    confirmed: false,
    source: "No observed AgentCore response for this case",
  });

  const rules: Rule[] = [
    discoveryRule(config.discoveryUrl),
    schemeRule(input, "bearer", "AgentCore reads only `Authorization: Bearer <token>`; a raw JWT (the AppSync form) is treated as no token.", {
      status: 401,
      message: 'Unauthorized, with WWW-Authenticate: Bearer resource_metadata="…/.well-known/oauth-protected-resource…" (the answer to a missing token)',
      confirmed: false,
      source: "AgentCore devguide runtime-oauth describes this for a missing token; not confirmed for a token without Bearer",
    }),
    issuerRule(token.issuer, config.discoveryUrl, (iss, expected) => unconfirmed(`iss ${iss ?? "(absent)"} does not match the discovery URL's issuer ${expected}`)),
    expRule(input, unconfirmed("the token has expired")),
    clientsRule(input, config.allowedClients, claimResponse("client_id", target === "runtime")),
    audienceRule(input, config, claimResponse("aud", target === "runtime")),
    scopesRule(input, config.allowedScopes, claimResponse("scope", false)),
    ...customClaimRules(token.claims, config.customClaims ?? [], (claim) => claimResponse(claim, false)),
  ];
  return result("agentcore", rules);
}

function discoveryRule(url: string): Rule {
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
function issuerRule(iss: string | null, discoveryUrl: string, response: (iss: string | null, expected: string) => ServiceResponse): Rule {
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

function clientsRule(input: AuthorizerInput, allowed: readonly string[] | undefined, response: ServiceResponse): Rule {
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

function audienceRule(input: AuthorizerInput, config: AgentCoreJwtConfig, response: ServiceResponse): Rule {
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

function scopesRule(input: AuthorizerInput, allowed: readonly string[] | undefined, response: ServiceResponse): Rule {
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
      : "None of the token's scopes is allowed: request one of them when getting the token.";
  return rule("scope", "fail", actual ?? "(absent)", showAllowed(allowed), why, response);
}
