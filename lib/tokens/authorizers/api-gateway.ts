import { scopesOf, showAllowed } from "../checks";
import { clientClaimOf, expRule, type AuthorizerInput } from "./common";
import { poolIssuerRule, type UpdatedIssuerRefusal } from "./pool-issuer";
import { result, rule, type AuthorizerResult, type Rule, type AwsPrediction } from "./result";
import { signatureRule } from "./signature-rule";

/**
 * API Gateway REST API `COGNITO_USER_POOLS` authorizer. Without OAuth scopes on the method it
 * reads the token as an ID token; with scopes it wants an access token holding one of them
 * (Cognito developer guide; AWS re:Post). It never checks the app client.
 */

export interface ApiGatewayCognitoConfig {
  /** The authorizer's provider user pools (providerARNs). */
  readonly userPoolIds: readonly string[];
  /** The method's authorizationScopes; empty or unset means "ID token". */
  readonly scopes?: readonly string[];
  readonly userPoolEndpoint?: string;
}

const UNAUTHORIZED: AwsPrediction = {
  status: 401,
  message: '{"message":"Unauthorized"}',
  confirmed: true,
  source: "API Gateway's 401 body for a rejected Cognito token (public reports; amplify-js #4209)",
};
/** Unconfirmed: the same 401 is likely, but no public capture shows it for a bad signature. */
const BAD_SIGNATURE: AwsPrediction = {
  ...UNAUTHORIZED,
  confirmed: false,
  source: "API Gateway's 401 body for a rejected Cognito token (public reports; amplify-js #4209); not confirmed for a token whose signature does not verify",
};
const EXPIRED: AwsPrediction = {
  status: 401,
  message: '{"message":"The incoming token has expired"}',
  confirmed: true,
  source: "API Gateway's 401 body for an expired Cognito token, matched verbatim by many public clients",
};

/**
 * Documented: REST API Cognito authorizers do not take the UPDATED issuer. Amazon Cognito Developer
 * Guide, "Amazon Cognito user pools as an OIDC issuer"
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html#user-pool-oidc-issuer):
 * "The updated issuer type is not currently compatible with Application Load Balancer
 * authentication with Amazon Cognito (…) or Amazon API Gateway Amazon Cognito authorizers (Control
 * access to REST APIs using Amazon Cognito user pools as authorizer)."
 * Unconfirmed: what API Gateway answers for such a token (status and body); no public source shows it.
 */
const UPDATED_ISSUER_DOC = "https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html#user-pool-oidc-issuer";

const UPDATED_ISSUER: UpdatedIssuerRefusal = {
  documented:
    "AWS documents that the UPDATED issuer type is not compatible with API Gateway's Amazon Cognito authorizers " +
    `(Amazon Cognito Developer Guide, "Amazon Cognito user pools as an OIDC issuer"), so this authorizer refuses the token however its pool id is configured.`,
  fix: (iss, original) =>
    `Keep the pool on the ORIGINAL issuer (${original}) while REST APIs authorize with it, or put an authorizer configured with the issuer URL in front ` +
    `(a Lambda authorizer that verifies the token, e.g. with aws-jwt-verify, which accepts both forms; an HTTP API JWT authorizer with issuer ${iss}).`,
  response: (iss) => ({
    status: null,
    message:
      `Token refused: API Gateway's Cognito authorizer does not accept the UPDATED issuer ${iss}. AWS: "The updated issuer type is not currently ` +
      `compatible with … Amazon API Gateway Amazon Cognito authorizers." (API Gateway's exact answer for this case is not confirmed.)`,
    confirmed: false,
    source:
      `That API Gateway refuses it is documented (${UPDATED_ISSUER_DOC}); what it answers is not: no public source shows the status or the body.`,
  }),
};

export function checkApiGateway(input: AuthorizerInput, config: ApiGatewayCognitoConfig): AuthorizerResult {
  const scopes = config.scopes ?? [];
  const rules: Rule[] = [
    ...signatureRule(input.signature, BAD_SIGNATURE),
    // providerARNs name user pools, not issuer URLs; of a pool's two issuer forms only the
    // ORIGINAL one is accepted (UPDATED_ISSUER above).
    poolIssuerRule(input.token.issuer, config.userPoolIds, config.userPoolEndpoint, "API Gateway", UNAUTHORIZED, UPDATED_ISSUER),
    expRule(input, EXPIRED),
    scopes.length === 0 ? idTokenRule(input) : accessTokenRule(input),
    scopesRule(input, scopes),
    clientRule(input),
  ];
  return result("api-gateway", rules);
}

function idTokenRule(input: AuthorizerInput): Rule {
  const use = input.token.tokenUse;
  return use === "id"
    ? rule("token_use", "pass", use, "id", "No OAuth scopes on the method, so API Gateway wants the ID token; this is one.")
    : rule("token_use", "fail", use, "id",
        use === "access"
          ? "The method has no OAuth scopes, so API Gateway reads the token as an ID token and rejects this access token. " +
            "Send the ID token, or add authorization scopes to the method to accept access tokens."
          : "Not a Cognito ID token.",
        UNAUTHORIZED);
}

function accessTokenRule(input: AuthorizerInput): Rule {
  const use = input.token.tokenUse;
  return use === "access"
    ? rule("token_use", "pass", use, "access", "The method has OAuth scopes, so API Gateway wants an access token; this is one.")
    : rule("token_use", "fail", use, "access",
        use === "id"
          ? "The method has OAuth scopes, so API Gateway wants an access token; ID tokens carry no scope. Send the access token."
          : "Not a Cognito access token.",
        UNAUTHORIZED);
}

function scopesRule(input: AuthorizerInput, scopes: readonly string[]): Rule {
  const have = scopesOf(input.token.claims);
  const actual = have.length ? have.join(" ") : null;
  if (scopes.length === 0) return rule("scope", "n/a", actual, null, "No OAuth scopes on the method.");
  const hit = have.find((s) => scopes.includes(s));
  return hit
    ? rule("scope", "pass", actual, showAllowed(scopes), `Holds ${hit}.`)
    : rule("scope", "fail", actual ?? "(absent)", showAllowed(scopes),
        "The token holds none of the method's scopes. Custom scopes come from the OAuth flows (hosted UI, client credentials), not from SRP/password sign-in.",
        UNAUTHORIZED);
}

function clientRule(input: AuthorizerInput): Rule {
  const { claim, value } = clientClaimOf(input.token);
  return rule("client", "n/a", value === null ? null : `${claim}: ${value}`, null,
    "Not checked: API Gateway's Cognito authorizer accepts tokens from any app client of the pool.");
}
