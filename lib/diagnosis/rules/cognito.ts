import { authorizer, code, concept, msg, phrase, status, tokenUse, variant, W } from "../signals";
import type { Rule } from "../types";
import { tokenExpiredRule } from "./token-expired";
import { AUDIENCE_CHECKS, ISSUER_CHECKS } from "./verifier-signals";

/** Cognito user-pool tokens refused for what they are: the wrong kind, the wrong pool, expired. */

const SESSION_TOKENS = `const session = await fetchAuthSession();
// client_id (and scope) live in the access token; aud (and user attributes) in the ID token.
const accessToken = session.tokens?.accessToken?.toString();
const idToken = session.tokens?.idToken?.toString();`;

export const cognitoRules: readonly Rule[] = [
  {
    id: "cognito-client-id-mismatch",
    title: "ID token sent where the access token's client_id is checked (or the reverse, aud)",
    services: ["cognito", "agentcore", "agentcore-gateway", "api-gateway", "appsync", "lambda"],
    signals: [
      concept("トークン", String.raw`(?:id|アクセス)\s*トークン`, "the ID or access token (Japanese)"),
      concept("client", String.raw`\bclient[ _]?id\b`, "the client id"),
      concept("aud", String.raw`\baud(?:ience)?\b`, "the audience (aud)"),
      concept("allowed", String.raw`\ballowed ?(?:clients|audience)\b`, "allowedClients / allowedAudience"),
      concept("token", String.raw`\b(?:id|access)[ _]?token\b`, "the ID or access token"),
      phrase("Claim 'client_id' value mismatch with configuration", W.verbatim, "AgentCore's allowedClients check"),
      phrase("Claim 'aud' value mismatch with configuration", W.verbatim, "AgentCore's allowedAudience check"),
      msg("token use not allowed", String.raw`token use not allowed: (?:id|access)\. expected: (?:access|id)`, 9, "aws-jwt-verify tokenUse check"),
      code("CognitoJwtInvalidTokenUseError", W.strong, "aws-jwt-verify token_use error"),
      code("CognitoJwtInvalidClientIdError", W.strong, "aws-jwt-verify client id error"),
      msg("not allowed: ", String.raw`client id(?: \("audience"\))? not allowed: \S+\. expected`, W.strong, "aws-jwt-verify client id check"),
      msg("audience", String.raw`\baudience\b[^.\n]{0,40}\b(?:check|validation|mismatch)\b`, W.context, "an audience check failed"),
      // People's words for the same finding: Cognito access tokens carry no aud claim.
      msg("aud", String.raw`\b(?:no|without|missing|(?:don'?t|doesn'?t|do not|does not) (?:contain|have|include))\W{1,3}(?:an? )?\W?aud\b`, W.specific, "the token has no aud claim"),
      // An HTTP API JWT authorizer whose audience list lacks the token's aud / client_id answers 401 with
      // www-authenticate: Bearer … error_description="the token does not have a valid audience"
      // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html).
      phrase("the token does not have a valid audience", 9, "API Gateway HTTP API JWT authorizer's audience check"),
      // Other verifiers' audience checks, in their own words (verifier-signals.ts).
      ...AUDIENCE_CHECKS,
      code("JwtInvalidClaimError", W.hint, "aws-jwt-verify claim error"),
      msg("client_id", String.raw`client_id\s*クレーム`, W.hint, "Japanese note on the client_id claim"),
      msg("トークン", String.raw`id ?トークン.{0,40}アクセストークン`, W.hint, "ID token vs access token (Japanese)"),
      authorizer("allowed-clients-with-id-token", 6, "allowedClients is set and an ID token was sent (ID tokens carry aud, not client_id)"),
      authorizer("allowed-audience-with-access-token", 6, "allowedAudience is set and an access token was sent (Cognito access tokens carry no aud)"),
      // A gateway's generic refusal of an ID token: with allowedClients set (Cognito's usual setup) the ID token
      // has no client_id to match, while the gateway does not say which check failed (gateway-inbound-auth).
      phrase("Invalid Bearer token", W.context, "an AgentCore gateway refused the token without saying why"),
      variant(["id-token"], W.weak, "an ID token was sent"),
      tokenUse(["id"], 1, "ID token"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "Cognito puts the app client id in different claims: `client_id` in the access token, `aud` in the ID token. An authorizer checking " +
      "allowedClients (AgentCore CUSTOM_JWT, aws-jwt-verify with tokenUse \"access\") refuses ID tokens, which have no client_id; one " +
      "checking allowedAudience refuses Cognito access tokens, which have no aud. Both lists are enforced when both are set.",
    fix: [
      { text: "Send the access token, not the ID token, to an API that checks allowedClients.", snippet: { lang: "ts", code: SESSION_TOKENS } },
      { text: "Or configure the authorizer for the token you send: allowedClients for access tokens, allowedAudience only for tokens that carry aud.", snippet: { lang: "json", code: `"customJWTAuthorizer": {\n  "discoveryUrl": "https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/openid-configuration",\n  "allowedClients": ["<app client id>"]\n}` } },
      { text: "Check which claims the token really has: `auth-flow-debugger check <token> --authorizer agentcore --discovery-url … --allowed-clients …`." },
    ],
    source: [
      { kind: "seed", ref: "000", note: "Cognito認証: client_id mismatch" },
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html" },
      { kind: "issue", url: "https://github.com/awslabs/aws-jwt-verify", note: "tokenUse / clientId checks and their error classes" },
    ],
  },
  {
    id: "cognito-issuer-mismatch",
    title: "Token issued by another user pool or region than the one the API trusts",
    services: ["cognito", "appsync", "agentcore", "agentcore-gateway", "api-gateway", "lambda"],
    signals: [
      concept("iss", String.raw`\biss(?:uer)?\b`, "the issuer"),
      concept("jwks", String.raw`\bjwks\b`, "the JWKS"),
      concept("kid", String.raw`\bkid\b`, "the key id (kid)"),
      concept("pool", String.raw`\b(?:another|different|wrong|other|old)\b[^.\n]{0,20}\bpool\b`, "another user pool or region"),
      msg("issuer not allowed", String.raw`issuer not allowed: \S+\. expected`, 9, "aws-jwt-verify issuer check"),
      code("KidNotFoundInJwksError", W.strong, "aws-jwt-verify: signing key not in this pool's JWKS"),
      msg("not found in the jwks", String.raw`jwk for kid \S+ not found in the jwks`, W.strong, "signing key not in the JWKS"),
      // The same finding from other verifiers (verifier-signals.ts), and in people's words: the token's kid is not among the pool's keys.
      ...ISSUER_CHECKS,
      // API Gateway's JWT authorizer says "Invalid issuer" when it cannot fetch the issuer's discovery
      // document: the document is unreachable, not the token's issuer wrong (aws/aws-cdk#28061).
      msg("discovery endpoint", String.raw`valid discovery endpoint`, -8, "the discovery document could not be fetched"),
      msg("when connecting to", String.raw`when connecting to \S+/\.well-known/openid-configuration`, -8, "the discovery document could not be fetched"),
      msg("kid", String.raw`\bkids?\b[^.\n]{0,120}\b(?:does not|doesn't|do not|don't|did not|didn't) match`, W.specific, "the token's kid matches no key of the JWKS"),
      code("JwtInvalidIssuerError", W.strong, "aws-jwt-verify issuer error"),
      msg("iss", String.raw`\biss(?:uer)?\b.{0,40}(?:does not match|mismatch|不一致)`, W.hint, "issuer mismatch"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "The token's `iss` is not the issuer the API is configured for: the app signs in to another user pool (a copy in another " +
      "account or stage, another region), or the API points at an old pool. The JWKS of the configured pool then has no key with the token's `kid`.",
    fix: [
      { text: "Compare the token's iss with the API's configuration (AppSync userPoolConfig, AgentCore discoveryUrl, API Gateway providerARNs).", snippet: { lang: "sh", code: "auth-flow-debugger decode <token>   # shows iss and kid" } },
      { text: "Point the app and the API at the same pool; after a migration update amplify_outputs.json / the authorizer, then sign in again so new tokens are issued." },
    ],
    source: [{ kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html" }],
  },
  {
    id: "cognito-issuer-form-mismatch",
    title: "Same user pool, other issuer form: ORIGINAL (cognito-idp) vs UPDATED (issuer-cognito-idp)",
    services: ["cognito", "appsync", "agentcore", "agentcore-gateway", "api-gateway", "lambda"],
    signals: [
      // aws-jwt-verify's issuer check ("Issuer not allowed: {iss}. Expected: {issuer}" or "Expected one of: …",
      // npm aws-jwt-verify 5.2.1 dist/esm/assert.js) with one form found and the other expected.
      msg("issuer-cognito-idp", String.raw`issuer not allowed: https://issuer-cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/([a-z0-9-]+_[0-9a-z]+)\. expected(?: one of)?: (?:[^\n]{0,200}?, )?https://cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/\1(?![0-9a-z])`, W.verbatim,
        "aws-jwt-verify: the UPDATED issuer where only the ORIGINAL one is allowed"),
      msg("issuer-cognito-idp", String.raw`issuer not allowed: https://cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/([a-z0-9-]+_[0-9a-z]+)\. expected(?: one of)?: (?:[^\n]{0,200}?, )?https://issuer-cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/\1(?![0-9a-z])`, W.verbatim,
        "aws-jwt-verify: the ORIGINAL issuer where only the UPDATED one is allowed"),
      // Both forms of one pool named together (an iss and a discovery URL or configured issuer).
      msg("issuer-cognito-idp", String.raw`issuer-cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/([a-z0-9-]+_[0-9a-z]+)(?![0-9a-z])[\s\S]{0,300}?(?<![\w-])cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/\1(?![0-9a-z])`, W.strong,
        "both issuer forms of one user pool: UPDATED, then ORIGINAL"),
      msg("issuer-cognito-idp", String.raw`(?<![\w-])cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/([a-z0-9-]+_[0-9a-z]+)(?![0-9a-z])[\s\S]{0,300}?issuer-cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/\1(?![0-9a-z])`, W.strong,
        "both issuer forms of one user pool: ORIGINAL, then UPDATED"),
      // The local sandbox's stand-ins: {sandbox}/issuer-cognito-idp/{pool} and {sandbox}/{pool}.
      msg("/issuer-cognito-idp/", String.raw`https?://([a-z0-9.:-]+)/issuer-cognito-idp/([a-z0-9-]+_[0-9a-z]+)(?![0-9a-z])[\s\S]{0,300}?https?://\1/\2(?![0-9a-z])`, W.strong,
        "both issuer forms of one sandbox user pool"),
      msg("/issuer-cognito-idp/", String.raw`https?://([a-z0-9.:-]+)/([a-z0-9-]+_[0-9a-z]+)(?![0-9a-z])[\s\S]{0,300}?https?://\1/issuer-cognito-idp/\2(?![0-9a-z])`, W.strong,
        "both issuer forms of one sandbox user pool"),
      code("JwtInvalidIssuerError", W.hint, "aws-jwt-verify issuer error"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "A user pool writes one of two issuers into `iss`, chosen by its IssuerConfiguration: ORIGINAL " +
      "`https://cognito-idp.{region}.amazonaws.com/{poolId}` or UPDATED `https://issuer-cognito-idp.{region}.amazonaws.com/{poolId}` " +
      "(region: the pool's primary Region; recommended for every pool and for multi-Region replication). The token comes from the right pool, " +
      "but the API is configured with the other form — typically an AgentCore discoveryUrl, an API Gateway JWT authorizer issuer or an " +
      "aws-jwt-verify JwtRsaVerifier issuer written before the pool was switched to UPDATED — and issuers are compared character for character. " +
      "Tokens keep the issuer they were issued with, so tokens from before a switch still carry the old form until they expire.",
    fix: [
      { text: "See which form the pool uses now, and which one the token carries.", snippet: { lang: "sh", code: "aws cognito-idp describe-user-pool --user-pool-id <poolId> --query UserPool.IssuerConfiguration\nauth-flow-debugger decode <token>   # iss" } },
      { text: "Configure relying parties with the issuer the tokens carry; for UPDATED pools the discovery URL is under issuer-cognito-idp.", snippet: { lang: "json", code: `"customJWTAuthorizer": {\n  "discoveryUrl": "https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/openid-configuration",\n  "allowedClients": ["<app client id>"]\n}` } },
      { text: "Verify by pool id where you can: aws-jwt-verify 5.2 and later accepts both forms for a user pool id.", snippet: { lang: "ts", code: `const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: "access", clientId });` } },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_IssuerConfigurationType.html", note: "ORIGINAL and UPDATED issuer formats" },
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html", note: "the UPDATED issuer recommended for multi-Region replication" },
      { kind: "issue", url: "https://github.com/awslabs/aws-jwt-verify/pull/239", note: "aws-jwt-verify accepts both issuer forms of a pool id" },
    ],
  },
  {
    id: "cognito-updated-issuer-unsupported",
    title: "UPDATED issuer (issuer-cognito-idp) where AWS documents it is not supported: API Gateway Cognito authorizers, ALB Cognito authentication",
    services: ["api-gateway", "cognito"],
    signals: [
      // Amazon Cognito Developer Guide, "Amazon Cognito user pools as an OIDC issuer".
      phrase("updated issuer type is not currently compatible", W.verbatim, "AWS's documented incompatibility of the UPDATED issuer"),
      // The dashboard's API Gateway prediction (lib/tokens/authorizers/api-gateway.ts).
      phrase("Cognito authorizer does not accept the UPDATED issuer", W.verbatim, "the dashboard's prediction for API Gateway's Cognito authorizer"),
      // An UPDATED issuer named together with a REST Cognito authorizer or ALB's authenticate-cognito action.
      msg("issuer-cognito-idp", String.raw`(?:cognito_user_pools|cognito authorizer|authenticate-cognito|authenticatecognito)[\s\S]{0,300}?issuer-cognito-idp`, W.strong,
        "the UPDATED issuer with an API Gateway Cognito authorizer or ALB Cognito authentication"),
      msg("issuer-cognito-idp", String.raw`issuer-cognito-idp[\s\S]{0,300}?(?:cognito_user_pools|cognito authorizer|authenticate-cognito|authenticatecognito)`, W.strong,
        "the UPDATED issuer with an API Gateway Cognito authorizer or ALB Cognito authentication"),
      msg("issuer-cognito-idp", String.raw`issuer-cognito-idp`, W.context, "a token or pool with the UPDATED issuer"),
      authorizer("api-gateway-cognito", W.context, "API Gateway COGNITO_USER_POOLS authorizer"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "AWS documents that a user pool's UPDATED issuer (IssuerConfiguration UPDATED: `https://issuer-cognito-idp.{region}.amazonaws.com/{poolId}`, " +
      "recommended for multi-Region replication) is not currently compatible with API Gateway's Amazon Cognito authorizers (REST API " +
      "COGNITO_USER_POOLS) or with Application Load Balancer authentication with Amazon Cognito. Both are configured with the pool rather than " +
      "an issuer URL, so nothing on their side can be pointed at the new issuer: once the pool signs with the UPDATED issuer they cannot use its " +
      "tokens, whichever token is sent. AWS does not document what API Gateway answers for such a token.",
    fix: [
      { text: "See which issuer the pool uses now, and which one the token carries.", snippet: { lang: "sh", code: "aws cognito-idp describe-user-pool --user-pool-id <poolId> --query UserPool.IssuerConfiguration\nauth-flow-debugger decode <token>   # iss" } },
      { text: "While REST APIs (Cognito authorizer) or ALB listeners (authenticate-cognito) rely on the pool, keep it on the ORIGINAL issuer `https://cognito-idp.{region}.amazonaws.com/{poolId}`; tokens carry the issuer they were issued with." },
      { text: "Or authorize with something configured by issuer URL or that verifies both forms: a Lambda authorizer using aws-jwt-verify (5.2 and later accepts both issuer forms for a pool id), or an HTTP API JWT authorizer whose issuer is the UPDATED URL.", snippet: { lang: "ts", code: `// Lambda authorizer\nconst verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: "id", clientId });\nconst payload = await verifier.verify(token);` } },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html#user-pool-oidc-issuer", note: "\"The updated issuer type is not currently compatible with Application Load Balancer authentication with Amazon Cognito … or Amazon API Gateway Amazon Cognito authorizers\"" },
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_IssuerConfigurationType.html", note: "ORIGINAL and UPDATED issuer formats" },
      { kind: "issue", url: "https://github.com/awslabs/aws-jwt-verify/pull/239", note: "aws-jwt-verify accepts both issuer forms of a pool id" },
    ],
  },
  tokenExpiredRule,
  {
    id: "apigateway-cognito-token-use",
    title: "API Gateway Cognito authorizer given the other kind of token",
    services: ["api-gateway"],
    signals: [
      concept("オーソライザー", String.raw`オーソライザー`, "the authorizer (Japanese)"),
      concept("トークン", String.raw`(?:id|アクセス)\s*トークン`, "the ID or access token (Japanese)"),
      concept("gateway", String.raw`\bapi ?gateway\b`, "API Gateway"),
      concept("api gw", String.raw`\bapi gw\b`, "API Gateway"),
      concept("authori", String.raw`\bauthori[sz]er\b`, "the authorizer"),
      concept("authori", String.raw`\bcognito (?:user ?pools? )?authori[sz]er\b`, "a Cognito authorizer"),
      concept("token", String.raw`\bid[ _]?token\b`, "the ID token"),
      concept("token", String.raw`\baccess[ _]?token\b`, "the access token"),
      concept("scope", String.raw`\b(?:oauth )?scopes?\b`, "OAuth scopes"),
      concept("pool", String.raw`\buser ?pool\b`, "the user pool"),
      msg("unauthorized", String.raw`\{\s*"message"\s*:\s*"unauthorized"\s*\}`, W.context, "API Gateway's 401 body"),
      // Described rather than pasted: a token sent through API Gateway and answered 401.
      msg("api", String.raw`\bapi ?g(?:ate)?w(?:ay)?\b[\s\S]{0,160}\b401\b`, W.context, "API Gateway answered 401"),
      msg("token", String.raw`\bauthori[sz]\w*\b[^.\n]{0,40}\b(?:access|id)[ _]?token\b`, W.context, "the Authorization header carries an access or ID token"),
      msg("401", String.raw`\b(?:access|id)[ _]?token\b[^.\n]{0,100}\b401\b`, W.weak, "a token answered 401"),
      msg("api", String.raw`\btoken\b[^.\n]{0,60}\bapi ?g(?:ate)?w(?:ay)?\b`, W.weak, "a token sent to API Gateway"),
      // The two token kinds contrasted ("the access token fails, the ID token works"): the authorizer wants the other kind.
      msg("token", String.raw`\b(?:access|id) ?token\b[^.\n]{0,80}\b(?:access|id) ?token\b`, W.weak, "the ID and access tokens compared"),
      authorizer("api-gateway-cognito", W.weak, "COGNITO_USER_POOLS authorizer"),
      variant(["access-token"], W.context, "an access token was sent (without method scopes API Gateway reads it as an ID token)"),
      variant(["id-token"], W.weak, "an ID token was sent (methods with OAuth scopes want an access token)"),
      variant(["lambda", "iam"], -6, "no Cognito token was sent: a Lambda authorizer's token or SigV4"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "A REST API's COGNITO_USER_POOLS authorizer reads the token as an ID token when the method has no OAuth scopes, and wants an access token " +
      "holding one of the scopes when it has some. Sending the other kind answers 401 {\"message\":\"Unauthorized\"} with no further detail.",
    fix: [
      { text: "Without authorizationScopes on the method, send the ID token in Authorization." },
      { text: "To accept access tokens, add authorizationScopes to the method and request those scopes (hosted UI / client credentials).", snippet: { lang: "ts", code: "api.root.addMethod('GET', integration, {\n  authorizer,\n  authorizationScopes: ['myapi/read'],\n});" } },
    ],
    source: [{ kind: "doc", url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html" }, { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/4209" }],
  },
  {
    id: "cognito-refresh-token-rejected",
    title: "The refresh token is refused: expired, revoked, or from another app client",
    services: ["cognito"],
    signals: [
      concept("refresh", String.raw`\brefresh[ _]?tokens?\b`, "the refresh token"),
      concept("revok", String.raw`\brevok(?:ed|e)\b`, "revocation"),
      concept("refresh_token_auth", String.raw`\brefresh_token_auth\b`, "the REFRESH_TOKEN_AUTH flow"),
      concept("renew", String.raw`\brenew\w*`, "renewing tokens"),
      concept("sign", String.raw`\bsign(?:ed)?[ -]?out\b`, "sign-out"),
      phrase("Refresh Token has expired", W.verbatim, "the refresh token's lifetime is over"),
      phrase("Refresh Token has been revoked", W.verbatim, "RevokeToken or a global sign-out revoked it"),
      msg("invalid refresh token", String.raw`\binvalid refresh token\b`, W.verbatim, "a refresh token this app client did not issue"),
      // The same finding in words: the refresh token is invalid, expired, revoked or refused (English, Japanese).
      msg("refresh", String.raw`\brefresh[ _]?tokens?\b[^.\n]{0,30}\b(?:is |was |are |were |has |had |gets? |got )?(?:invalid|expired|revoked|rejected|refused|no longer valid|not (?:valid|accepted))\b`, 6, "the refresh token is refused"),
      msg("トークン", String.raw`(?:リフレッシュ|更新)トークン(?:が|は)?(?:無効|期限切れ|切れ|失効)`, 6, "the refresh token is refused (Japanese)"),
      // The Amplify libraries turn a refresh refused with NotAuthorizedException into "session expired":
      // aws-amplify/amplify-swift AmplifyPlugins/Auth/Sources/AWSCognitoAuthPlugin/Actions/FetchAuthorizationSession/InformSessionError.swift
      // with the texts of Support/Constants/AuthPluginErrorConstants.swift (recovery "Invoke Auth.signIn to re-authenticate the user");
      msg("session expired could not fetch", String.raw`session expired could not fetch (?:cognito tokens|aws credentials|identity id|user sub)`, W.strong, "amplify-swift AuthError.sessionExpired: the refresh was refused"),
      // aws-amplify/amplify-flutter packages/auth/amplify_auth_cognito_dart/lib/src/state/machines/fetch_auth_session_state_machine.dart
      // (toSessionExpired: "all AuthNotAuthorizedExceptions are mapped to SessionExpiredExceptions");
      phrase("The tokens could not be refreshed", W.strong, "amplify-flutter SessionExpiredException: the refresh was refused"),
      msg("to re-authenticate the user", String.raw`invoke (?:amplify\.)?auth\.signin to re-authenticate the user`, W.hint, "amplify-swift / amplify-flutter recovery suggestion for an expired session"),
      // aws-amplify/amplify-android aws-auth-cognito/src/main/java/com/amplifyframework/auth/cognito/actions/FetchAuthSessionCognitoActions.kt
      // (NotAuthorizedException on refresh → SessionExpiredException "Your session has expired.").
      code("SessionExpiredException", W.specific, "Amplify SessionExpiredException: the refresh was refused"),
      code("NotAuthorizedException", W.generic, "NotAuthorizedException"),
      status([400], W.generic, "refused"),
    ],
    cause:
      "Cognito would not refresh the session (InitiateAuth REFRESH_TOKEN_AUTH, or GetTokensFromRefreshToken that aws-amplify v6 uses). " +
      "\"Refresh Token has expired\": its lifetime (30 days by default, set per app client) is over. \"Refresh Token has been revoked\": " +
      "RevokeToken, GlobalSignOut or AdminUserGlobalSignOut revoked it. \"Invalid Refresh Token.\": the token was issued to another app " +
      "client (a different ClientId than at sign-in), or, with device tracking on, the device key is missing or the device unconfirmed.",
    fix: [
      { text: "Sign the user in again: no refresh can recover an expired or revoked refresh token." },
      {
        text: "Refresh with the same app client id the user signed in with (check amplify_outputs.json / userPoolClientId across apps and stages).",
        snippet: { lang: "sh", code: "aws cognito-idp initiate-auth --client-id <client id used at sign-in> \\\n  --auth-flow REFRESH_TOKEN_AUTH --auth-parameters REFRESH_TOKEN=<refresh token>" },
      },
      { text: "With device tracking on, pass DEVICE_KEY in the refresh and confirm the device (ConfirmDevice) after sign-in." },
    ],
    source: [
      { kind: "doc", url: "https://repost.aws/knowledge-center/cognito-invalid-refresh-token-error" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-cpp/issues/1789", note: "body {\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid Refresh Token.\"}" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-swift/issues/3344", note: "Refresh Token has been revoked" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-swift/issues/3496", note: "Refresh Token has expired" },
    ],
  },
  {
    id: "cognito-auth-flow-not-enabled",
    title: "The app client does not allow the sign-in flow the app uses (SRP or password)",
    services: ["cognito", "amplify"],
    signals: [
      concept("_auth", String.raw`\b(?:user_password|user_srp|custom|admin_user_password|admin_no_srp)_auth\b`, "the auth flow"),
      concept("flow", String.raw`\b(?:explicit)?auth ?flows?\b`, "auth flows"),
      concept("app client", String.raw`\bapp client\b`, "the app client"),
      concept("enable", String.raw`\benabled?\b`, "enabling"),
      msg("flow not enabled for this client", String.raw`\b[a-z_]+_auth flow not enabled for this client`, W.verbatim, "InitiateAuth refused the flow"),
      msg("is not enabled for the client", String.raw`\b[a-z_]+_auth is not enabled for the client`, W.verbatim, "the flow the app uses (SRP is Amplify's default) is off for this client"),
      code("InvalidParameterException", W.generic, "InvalidParameterException"),
      status([400], W.generic, "refused"),
    ],
    cause:
      "Each app client lists the auth flows it accepts (ExplicitAuthFlows). aws-amplify signs in with USER_SRP_AUTH unless told otherwise; " +
      "scripts and the CLI often use USER_PASSWORD_AUTH. A flow missing from the client's list is refused before the password is checked.",
    fix: [
      {
        text: "Enable the flow on the app client, keeping the ones it already has (update-user-pool-client replaces the list).",
        snippet: { lang: "sh", code: "aws cognito-idp update-user-pool-client --user-pool-id <pool> --client-id <client> \\\n  --explicit-auth-flows ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH ALLOW_USER_PASSWORD_AUTH" },
      },
      { text: "Or make the app use a flow the client allows (Amplify: signIn({ options: { authFlowType: 'USER_PASSWORD_AUTH' } }))." },
    ],
    source: [
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-swift/issues/3537", note: "USER_SRP_AUTH is not enabled for the client." },
      { kind: "issue", url: "https://github.com/aws-samples/aws-serverless-workshops/issues/277" },
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html" },
    ],
  },
];
