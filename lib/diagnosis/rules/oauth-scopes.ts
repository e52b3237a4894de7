import { concept, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * OAuth scopes and machine-to-machine tokens: the user pool domain's token endpoint refusing a
 * client credentials grant, and authorizers (AgentCore allowedScopes, API Gateway scopes) refusing
 * a token that lacks the custom scope they want.
 */

const TOKEN_REQUEST = `curl -s -X POST https://<domain>.auth.<region>.amazoncognito.com/oauth2/token \\
  -H 'Content-Type: application/x-www-form-urlencoded' \\
  -u "$CLIENT_ID:$CLIENT_SECRET" \\
  -d 'grant_type=client_credentials&scope=<resource server identifier>/<scope>'`;

const ENABLE_OAUTH = `aws cognito-idp update-user-pool-client --user-pool-id <pool> --client-id <client> \\
  --allowed-o-auth-flows client_credentials --allowed-o-auth-flows-user-pool-client \\
  --allowed-o-auth-scopes '<resource server identifier>/<scope>'`;

export const oauthScopeRules: readonly Rule[] = [
  {
    id: "cognito-client-credentials-refused",
    title: "The token endpoint refuses the client credentials grant (invalid_grant, invalid_scope, invalid_client)",
    services: ["cognito"],
    signals: [
      concept("credential", String.raw`\bclient[_ ]credentials?\b`, "the client credentials grant"),
      concept("oauth2/token", String.raw`/oauth2/token\b`, "the user pool domain's token endpoint"),
      concept("amazoncognito.com", String.raw`\.auth\.[a-z0-9-]+\.amazoncognito\.com\b`, "a Cognito domain"),
      concept("client", String.raw`\bapp ?client\b`, "the app client"),
      concept("m2m", String.raw`\bm2m\b`, "machine-to-machine"),
      concept("machine", String.raw`\bmachine[- ]to[- ]machine\b`, "machine-to-machine"),
      concept("create", String.raw`\bcreate_?user_?pool_?client\b`, "a client created by the API"),
      msg("error", String.raw`"error"\s*:\s*"invalid_grant"`, W.specific, "Cognito's invalid_grant"),
      msg("error", String.raw`"error"\s*:\s*"invalid_scope"`, W.specific, "Cognito's invalid_scope"),
      msg("error", String.raw`"error"\s*:\s*"unauthorized_client"`, W.hint, "Cognito's unauthorized_client"),
      msg("error", String.raw`"error"\s*:\s*"invalid_client"`, W.hint, "Cognito's invalid_client"),
      msg("invalid_grant", String.raw`\binvalid_grant\b`, W.context, "invalid_grant"),
      msg("invalid_scope", String.raw`\binvalid_scope\b`, W.context, "invalid_scope"),
      phrase("AllowedOAuthFlowsUserPoolClient", W.hint, "the switch that lets the client use OAuth"),
      msg("allowed_oauth_flows_user_pool_client", String.raw`allowed_oauth_flows_user_pool_client`, W.hint, "the switch that lets the client use OAuth (Terraform)"),
      msg("until ", String.raw`\buntil (?:i|you) (?:edit|save)\b`, W.weak, "works after saving the client in the console"),
      msg("manually ", String.raw`\bmanually (?:edit|select|save)`, W.weak, "works after saving the client in the console"),
      status([400], W.generic, "refused"),
    ],
    cause:
      "Cognito's token endpoint answers HTTP 400 with a bare {\"error\": …}. For grant_type=client_credentials: invalid_client — the client id and " +
      "secret do not authenticate (wrong secret, a client without a secret, or a client of another pool); invalid_grant — the client lists " +
      "client_credentials in AllowedOAuthFlows but AllowedOAuthFlowsUserPoolClient is false, which is what CreateUserPoolClient leaves unless told " +
      "(saving the client once in the console sets it); invalid_scope — a requested scope is not one of the client's AllowedOAuthScopes (custom " +
      "scopes are requested as {resource server identifier}/{scope}); unauthorized_client — client_credentials is not an allowed OAuth flow of the client.",
    fix: [
      { text: "Enable OAuth on the client with the grant and the custom scopes it should get (update-user-pool-client replaces the lists).", snippet: { lang: "sh", code: ENABLE_OAUTH } },
      { text: "Request only scopes the client allows, or none to get all its custom scopes; authenticate with Basic (client_secret_basic) or client_id and client_secret in the body (client_secret_post).", snippet: { lang: "sh", code: TOKEN_REQUEST } },
      { text: "Check it from the command line: `npx auth-flow-debugger m2m-token --token-endpoint https://<domain>.auth.<region>.amazoncognito.com/oauth2/token --client-id … --scope …` (the secret from $CLIENT_SECRET)." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html", note: "client_secret_basic and client_secret_post; HTTP 400 {\"error\":\"invalid_request|invalid_client|invalid_grant|unauthorized_client|unsupported_grant_type\"}" },
      { kind: "issue", url: "https://github.com/boto/boto3/issues/3916", note: "Error: invalid_grant after creating the app client using boto3 create_user_pool_client" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-js-v3/issues/7158", note: "invalid_grant until the client is edited in the console" },
      { kind: "issue", url: "https://github.com/hashicorp/terraform-provider-aws/issues/34945", note: "AllowedOAuthFlowsUserPoolClient false on the failing client" },
      { kind: "doc", url: "https://repost.aws/questions/QUnhrxb08MRJaH7hIRtUnCKA/oauth-password-grant-type-with-cognito", note: "{\"error\":\"invalid_scope\"} from a client credentials request" },
    ],
  },
  {
    id: "oauth-token-lacks-scope",
    title: "The token lacks the custom scope the authorizer wants: user sign-in tokens carry only aws.cognito.signin.user.admin",
    services: ["cognito", "agentcore", "agentcore-gateway", "api-gateway"],
    signals: [
      concept("aws.cognito.signin.user.admin", String.raw`aws\.cognito\.signin\.user\.admin`, "the only scope of SDK/SRP sign-in tokens"),
      concept("scope", String.raw`\b(?:custom |oauth ?2?\.?0? )?scopes?\b`, "scopes"),
      concept("allowed", String.raw`\ballowed_?scopes\b`, "AgentCore's allowedScopes"),
      concept("initiate", String.raw`\binitiate[-_ ]?auth\b`, "InitiateAuth sign-in"),
      concept("credentials", String.raw`\bclient[_ ]credentials\b`, "the client credentials grant"),
      phrase("Claim 'scope' value mismatch with configuration", W.verbatim, "a runtime's allowedScopes check (wording not confirmed)"),
      msg("aws.cognito.signin.user.admin", String.raw`(?:only|default|always|returning|contains?)\b[^.\n]{0,60}aws\.cognito\.signin\.user\.admin`, W.strong, "the token holds only Cognito's own scope"),
      msg("aws.cognito.signin.user.admin", String.raw`aws\.cognito\.signin\.user\.admin\b[^.\n]{0,80}\b(?:instead|not|only|custom)`, W.specific, "Cognito's own scope instead of the one wanted"),
      msg("scope", String.raw`\b(?:missing|insufficient|required|lacks?|without)\b[^.\n]{0,30}\bscopes?\b`, W.hint, "a scope is missing"),
      msg("allowed", String.raw`\ballowed_?scopes\b`, W.hint, "an allowedScopes setting"),
      variant(["m2m-token"], W.weak, "an M2M token was sent"),
      // A scope missing from the *Cognito API's* own check is another story.
      phrase("Access Token does not have required scopes", -W.specific, "GetUser/UpdateUserAttributes wanting aws.cognito.signin.user.admin"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "Authorizers that check scopes (AgentCore CUSTOM_JWT allowedScopes on a runtime or gateway, API Gateway authorizationScopes) need an access token whose " +
      "scope claim holds one of the configured scopes. Tokens from InitiateAuth / SRP sign-in (aws-amplify, the SDK, the CLI) always carry only " +
      "aws.cognito.signin.user.admin; custom scopes ({resource server identifier}/{scope}) come only from the OAuth endpoints — the hosted UI's authorization " +
      "code grant, or the client credentials grant of an app client with a secret. A client credentials token gets only the scopes it asked for (or all its " +
      "client's custom scopes when it asked for none).",
    fix: [
      { text: "For a machine caller, get the token with the client credentials grant and request the scope the authorizer lists.", snippet: { lang: "sh", code: TOKEN_REQUEST } },
      { text: "Allow the scope on that app client (AllowedOAuthScopes), or add the token's scope to allowedScopes if it should be enough." },
      { text: "For a signed-in user, sign in through the hosted UI (authorization code grant) with the custom scope, or drop allowedScopes and rely on allowedClients." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html", note: "custom scopes are requested as resourceServerIdentifier/scopeName in the OAuth flows" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk/issues/178", note: "initiate-auth tokens get the default scope aws.cognito.signin.user.admin" },
      { kind: "issue", url: "https://github.com/awslabs/aws-amplify-identity-broker/issues/376", note: "Access Token returning incorrect scope(aws.cognito.signin.user.admin)" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CustomJWTAuthorizerConfiguration.html", note: "allowedScopes" },
    ],
  },
];
