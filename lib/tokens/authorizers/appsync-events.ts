import { rawSchemeRule, clientRegexRule } from "./appsync";
import { APPSYNC } from "./appsync-responses";
import { expRule, type AuthorizerInput } from "./common";
import { poolIssuerRule } from "./pool-issuer";
import { result, rule, type AuthorizerResult, type AwsPrediction, type Rule } from "./result";
import { signatureRule } from "./signature-rule";

/**
 * An AppSync Event API's AMAZON_COGNITO_USER_POOLS mode, for one operation (connect, publish or
 * subscribe) on one channel namespace. Event APIs take the auth modes per operation: the API's
 * connectionAuthModes for the WebSocket connect, and each namespace's publishAuthModes /
 * subscribeAuthModes (else the API's defaults) — AWS AppSync API reference, EventConfig and
 * ChannelNamespace (https://docs.aws.amazon.com/appsync/latest/APIReference/API_ChannelNamespace.html).
 * A token can be perfectly good and still be refused because the namespace does not list user
 * pools for that operation — the typical Event API "Unauthorized".
 *
 * Which token: aws-amplify's Events client sends the access token in `Authorization`
 * (amplify-js packages/api-graphql/src/Providers/AWSWebSocketProvider/authHeaders.ts, userPool →
 * `session.tokens.accessToken`), so access tokens are accepted in practice. unconfirmed: whether
 * Event APIs also accept ID tokens, as the GraphQL side does — no AWS page or capture says; the
 * row says so. Every answer below is the GraphQL API's wording: no public capture shows the Event
 * API's own, so each is marked not confirmed.
 */

export type EventOperation = "connect" | "publish" | "subscribe";

export interface AppSyncEventsConfig {
  readonly userPoolId: string;
  readonly appIdClientRegex?: string;
  readonly operation: EventOperation;
  /**
   * The auth types the operation allows on the namespace (e.g. from
   * `aws appsync get-channel-namespace` / `get-api`): API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS,
   * OPENID_CONNECT, AWS_LAMBDA. Unset: not checked.
   */
  readonly allowedModes?: readonly string[];
  readonly namespace?: string;
  readonly userPoolEndpoint?: string;
}

const notConfirmed = (answer: AwsPrediction, why: string): AwsPrediction => ({
  ...answer,
  confirmed: false,
  source: `${why} unconfirmed for Event APIs: the GraphQL API's answer is shown (${answer.source})`,
});

/** unconfirmed: AppSync Events' answer to a mode the operation does not allow (the sandbox gives the same, marked). */
const MODE_REFUSED: AwsPrediction = {
  status: 401,
  message: JSON.stringify({ errors: [{ errorType: "UnauthorizedException", message: "You are not authorized to make this call." }] }),
  error: { errorType: "UnauthorizedException", message: "You are not authorized to make this call." },
  confirmed: false,
  source: "AppSync's generic refusal on the GraphQL side; no public capture shows what an Event API answers for a mode the namespace does not allow",
};

const MODE = "AMAZON_COGNITO_USER_POOLS";

function modeRule(config: AppSyncEventsConfig): Rule {
  const where = config.operation === "connect" ? "the API's connectionAuthModes" : `${config.namespace ? `namespace ${config.namespace}'s` : "the namespace's"} ${config.operation}AuthModes (or the API's default${config.operation === "publish" ? "Publish" : "Subscribe"}AuthModes)`;
  const modes = (config.allowedModes ?? []).map((m) => m.trim().toUpperCase()).filter(Boolean);
  if (modes.length === 0) return rule("auth mode", "n/a", MODE, null, `Modes not given: whether ${where} allow user pools is not checked.`);
  return modes.includes(MODE)
    ? rule("auth mode", "pass", MODE, modes.join(", "), `${where} allow user-pool tokens for ${config.operation}.`)
    : rule("auth mode", "fail", MODE, modes.join(", "),
        `${where} do not list ${MODE}: any user-pool token is refused for ${config.operation}, however valid. Send the credential the list names, or add ${MODE} to it.`,
        MODE_REFUSED);
}

function tokenKindRule(input: AuthorizerInput): Rule {
  const use = input.token.tokenUse;
  if (use === "access") return rule("token_use", "pass", use, "access (id not confirmed)", "aws-amplify's Events client sends the access token: accepted in practice.");
  if (use === "id") {
    return rule("token_use", "pass", use, "access (id not confirmed)",
      "Not confirmed: the GraphQL side accepts ID tokens, but no AWS source says an Event API does. If this token is refused, send the access token as aws-amplify does.");
  }
  return rule("token_use", "fail", use, "access", "Not a Cognito ID or access token.", notConfirmed(APPSYNC.noValidHeader, "The answer to a token that is not Cognito's is"));
}

export function checkAppSyncEvents(input: AuthorizerInput, config: AppSyncEventsConfig): AuthorizerResult {
  const rules: Rule[] = [
    modeRule(config),
    rawSchemeRule(input),
    ...signatureRule(input.signature, notConfirmed(APPSYNC.badSignature, "The answer to a bad signature is")),
    poolIssuerRule(input.token.issuer, [config.userPoolId.trim()].filter(Boolean), config.userPoolEndpoint, "AppSync Events", notConfirmed(APPSYNC.noValidHeader, "The answer to another pool's token is")),
    tokenKindRule(input),
    expRule(input, notConfirmed(APPSYNC.expired, "The answer to an expired token is")),
    clientRegexRule(input, config.appIdClientRegex, "appIdClientRegex"),
  ];
  return result("appsync-events", rules);
}
