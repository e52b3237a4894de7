import { asStringList, show, showAllowed } from "../checks";
import { issuerMismatchHint } from "../issuer";
import { APPSYNC } from "./appsync-responses";
import { clientClaimOf, expRule, schemeRule, type AuthorizerInput } from "./common";
import { poolIssuerRule } from "./pool-issuer";
import { compileRegex, result, rule, type AuthorizerResult, type Rule, type AwsPrediction } from "./result";
import { signatureRule } from "./signature-rule";

/**
 * AppSync's AMAZON_COGNITO_USER_POOLS mode. AppSync takes the raw JWT in Authorization (no
 * "Bearer") and accepts ID and access tokens alike; Amplify v6 sends the access token and the
 * AppSync console the ID token, a classic "works in the console, fails in the app".
 */

export interface AppSyncUserPoolConfig {
  readonly userPoolId: string;
  /** Matched against the app client id: aud in ID tokens, client_id in access tokens. Unset: no filtering. */
  readonly appIdClientRegex?: string;
  readonly defaultAction?: "ALLOW" | "DENY";
  /**
   * The cognito_groups of the @aws_auth / @aws_cognito_user_pools directive on the field being
   * called; [] for a field without one. Leave unset when unknown.
   */
  readonly fieldGroups?: readonly string[];
  readonly field?: { readonly typeName: string; readonly fieldName: string };
  /** Stands in for https://cognito-idp.{region}.amazonaws.com, e.g. the local sandbox (UPDATED issuers: {endpoint}/issuer-cognito-idp/{pool}). */
  readonly userPoolEndpoint?: string;
}

export function checkAppSyncUserPool(input: AuthorizerInput, config: AppSyncUserPoolConfig): AuthorizerResult {
  const rules: Rule[] = [
    rawSchemeRule(input),
    ...signatureRule(input.signature, APPSYNC.badSignature),
    // AppSync's userPoolConfig names the pool (userPoolId, awsRegion), not an issuer URL; none
    // given, the issuer is not checked.
    poolIssuerRule(input.token.issuer, [config.userPoolId.trim()].filter(Boolean), config.userPoolEndpoint, "AppSync", APPSYNC.noValidHeader),
    tokenKindRule(input),
    expRule(input, APPSYNC.expired),
    clientRegexRule(input, config.appIdClientRegex, "appIdClientRegex"),
    groupsRule(input, config),
  ];
  return result("appsync-userpool", rules);
}

export function rawSchemeRule(input: AuthorizerInput): Rule {
  return schemeRule(input, "raw",
    "AppSync wants the bare JWT in Authorization, without \"Bearer \" (AWS troubleshooting guide). Amplify does this for you; hand-written fetch/curl calls often don't.",
    APPSYNC.unparsable);
}

export function issuerRule(iss: string | null, expected: string, response: AwsPrediction): Rule {
  if (expected.trim() === "") return rule("iss", "n/a", iss, null, "No issuer given: the issuer is not checked.");
  return iss === expected
    ? rule("iss", "pass", iss, expected, "From the user pool this API trusts.")
    : rule("iss", "fail", iss ?? "(absent)", expected, issuerMismatchHint(iss, expected), response);
}

function tokenKindRule(input: AuthorizerInput): Rule {
  const use = input.token.tokenUse;
  if (use === "unknown") {
    return rule("token_use", "fail", show(input.token.claims["token_use"]), "id or access",
      "Not a Cognito ID or access token.", APPSYNC.noValidHeader);
  }
  const note = use === "id"
    ? "AppSync accepts ID tokens (the console sends these); resolvers see its user attributes such as email."
    : "AppSync accepts access tokens (Amplify v6 sends these); resolvers see no email or custom:* attributes, which are only in ID tokens.";
  return rule("token_use", "pass", use, "id or access", note);
}

/** appIdClientRegex (user pools) or clientId (OIDC), matched against the app client claim. */
export function clientRegexRule(input: AuthorizerInput, pattern: string | undefined, setting: string): Rule {
  const { claim, value } = clientClaimOf(input.token);
  const actual = value === null ? null : `${claim}: ${value}`;
  if (pattern === undefined || pattern === "") return rule("client", "n/a", actual, null, `${setting} not set: no client filtering.`);
  const regex = compileRegex(pattern);
  if (typeof regex === "string") {
    return rule(`config.${setting}`, "fail", pattern, "a valid regular expression", `Not a valid regular expression: ${regex}`, {
      status: null, message: "The API configuration is invalid.", confirmed: false, source: "Local regex check",
    });
  }
  if (value !== null && regex.test(value)) return rule("client", "pass", actual, `/${pattern}/ (whole value)`, `The app client matches ${setting} (read from ${claim}).`);
  const why = value === null
    ? `The token has no ${claim} claim.`
    : `The app client id (read from ${claim}) does not match ${setting}: the app signs in with an app client the API doesn't list. ` +
      "Matched against the whole value (our assumption of AppSync's regex semantics).";
  return rule("client", "fail", actual ?? `${claim}: (absent)`, `/${pattern}/ (whole value)`, why, APPSYNC.noValidHeader);
}

function groupsRule(input: AuthorizerInput, config: AppSyncUserPoolConfig): Rule {
  const action = config.defaultAction ?? "ALLOW";
  const groups = asStringList(input.token.claims["cognito:groups"]);
  const actual = groups.length ? groups.join(", ") : "(no groups)";
  const fieldGroups = config.fieldGroups;
  const type = config.field?.typeName ?? "Query";
  const field = config.field?.fieldName ?? "the field";
  if (fieldGroups === undefined) {
    const meaning = action === "ALLOW"
      ? "fields without @aws_auth are open to every signed-in user"
      : "fields are denied unless their @aws_auth(cognito_groups) lists one of the user's groups";
    return rule("groups", "n/a", actual, null, `Field directives not given. defaultAction ${action}: ${meaning}.`);
  }
  if (fieldGroups.length === 0) {
    return action === "ALLOW"
      ? rule("groups", "pass", actual, "(any signed-in user)", "No group directive on the field, and defaultAction is ALLOW.")
      : rule("groups", "fail", actual, "(a group directive)",
          "defaultAction is DENY and the field has no @aws_auth(cognito_groups): nobody from this pool may call it.",
          APPSYNC.fieldDenied(field, type));
  }
  const hit = groups.find((g) => fieldGroups.includes(g));
  return hit
    ? rule("groups", "pass", actual, showAllowed(fieldGroups), `Member of ${hit}.`)
    : rule("groups", "fail", actual, showAllowed(fieldGroups),
        groups.length === 0
          ? "The user is in no group (the token has no cognito:groups). Add the user to a listed group and sign in again: groups are read from the token, so a new token is needed."
          : "The user is in none of the field's groups. Group changes take effect only in tokens issued after them.",
        APPSYNC.fieldDenied(field, type));
}
