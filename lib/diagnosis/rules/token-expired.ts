import { code, concept, msg, phrase, status, W } from "../signals";
import type { Rule } from "../types";
import { EXPIRY_CHECKS } from "./verifier-signals";

/** Expired JWTs and expired temporary AWS credentials, in every wording the services, SDKs and verifiers use. */
export const tokenExpiredRule: Rule = {
    id: "token-expired",
    title: "The JWT or the temporary AWS credentials have expired",
    services: ["cognito", "identity-pool", "sts", "appsync", "api-gateway", "agentcore", "agentcore-gateway", "bedrock", "lambda", "aws-sdk", "iam"],
    signals: [
      concept("切れ", String.raw`(?:有効)?期限(?:が)?切れ`, "expiry (Japanese)"),
      concept("トークン", String.raw`トークン`, "a token (Japanese)"),
      concept("expir", String.raw`\bexpir(?:ed|es|y|ation)\b`, "expiry"),
      // A failure that starts a while after sign-in: "after an hour", "after ~15-30 minutes", "within the hour", "1時間後".
      concept("hour", String.raw`\b(?:after|every|within|for)\s+(?:about |around |roughly |approximately |more than |over |~\s?)?(?:an|one|1|a few|\d{1,2}\s?[-–~]\s?\d{1,2}) ?hours?\b`, "a failure that comes a while after sign-in"),
      concept("min", String.raw`\b(?:after|every|within|for)\s+(?:about |around |roughly |approximately |more than |over |~\s?)?(?:\d{1,3}|a few|\d{1,2}\s?[-–~]\s?\d{1,2}) ?min(?:ute)?s?\b`, "a failure that comes some minutes after sign-in"),
      concept("時間", String.raw`(?:1|一)\s?時間(?:後|経つと|ほど|程度|くらい|で)`, "a failure that comes an hour after sign-in (Japanese)"),
      concept("分後", String.raw`(?:\d{1,2}|数十)\s?分後`, "a failure that comes some minutes after sign-in (Japanese)"),
      // Idle for a while, then the next call fails: the token (or session) outlived its lifetime in between.
      concept("inactiv", String.raw`\binactiv(?:e|ity)\b`, "a period of inactivity"),
      concept("idle", String.raw`\b(?:sitting |been |being |left |stays? |was |is )idle\b`, "a period of inactivity"),
      concept("放置", String.raw`放置(?:する|した|して|すると)`, "a period of inactivity (Japanese)"),
      concept("期限", String.raw`期限`, "expiry (Japanese)"),
      concept("token", String.raw`\b(?:id|access|jwt|bearer|session)[ _]?token\b`, "a token"),
      concept("refresh", String.raw`\b(?:not|never|without|n't|no longer)\s+(?:being\s+|getting\s+)?refresh(?:ing|ed)?\b`, "tokens that are not refreshed"),
      phrase("The incoming token has expired", 9, "API Gateway's expired-token answer"),
      phrase("Ineffectual token, will expire within the next minute", W.verbatim, "AgentCore Runtime refuses tokens with less than a minute left"),
      phrase("Access Token has expired", 9, "Cognito user-pool API"),
      phrase("The security token included in the request is expired", 9, "STS/SigV4: temporary credentials expired"),
      // S3's ExpiredToken (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html; aws/aws-sdk-cpp#1569).
      phrase("The provided token has expired", 9, "S3/STS: temporary credentials expired"),
      // STS AssumeRoleWithWebIdentity ExpiredTokenException for an expired web identity token (aws/aws-sdk-java-v2#5709).
      msg("must be before the expiration date/time", String.raw`token expired: current date/time \d*\s*must be before the expiration date/time`, 9, "STS: the web identity token expired"),
      // aws/aws-sdk-js-v3 packages/token-providers fromSso: "Token is expired. To refresh this SSO session run 'aws sso login' …".
      msg("to refresh this sso session", String.raw`token is expired\. to refresh this sso session`, 9, "the SSO session's token expired"),
      msg("token has expired", String.raw`token has expired`, 7, "expired token"),
      msg("expiredtoken", String.raw`\bexpiredtoken(?:exception)?\b`, 7, "ExpiredToken error code"),
      code("JwtExpiredError", W.strong, "aws-jwt-verify"),
      msg("token expired at", String.raw`token expired at \d{4}-\d\d-\d\d`, 7, "aws-jwt-verify"),
      msg("invalid login token", String.raw`invalid login token\. token (?:is )?expired`, W.strong, "identity pool: expired ID token in Logins"),
      // Other verifiers' lifetime checks, in their own words (verifier-signals.ts).
      ...EXPIRY_CHECKS,
      msg("token is expired", String.raw`\btoken is expired\b`, W.hint, "expired token"),
      // "Token expired" as a bare statement (not a refresh token's: that one is cognito-refresh-token-rejected).
      msg("expired", String.raw`(?<!refresh[ _])\btokens? expired\b(?! at \d)`, W.specific, "the token expired"),
      msg("トークン", String.raw`(?:id|アクセス|jwt)?\s?トークン(?:の)?(?:有効)?期限(?:が)?切れ`, W.specific, "the token expired (Japanese)"),
      msg("expired", String.raw`\btokens?\b[^.\n]{0,40}\b(?:got|gets|had|was|were|becomes?|became) expired\b`, W.specific, "a token that expired"),
      // Expired AWS sign-in sessions: IAM Identity Center (SSO) and `aws login` (botocore LoginRefreshRequired).
      msg("expired ", String.raw`\bexpired (?:jwt |id |access |bearer |auth |session )?tokens?\b`, W.specific, "an expired token"),
      // The verifier itself crashed (a library API misused), so the token never got judged.
      msg("error", String.raw`\b(?:attribute|import|modulenotfound|name)error\b`, -4, "a programming error in the verifying code, not the token"),
      msg("credentials", String.raw`\bexpired (?:or invalid )?(?:aws |temporary |sso )?credentials\b`, W.specific, "expired AWS credentials"),
      // aws/aws-sdk-net RefreshingAWSCredentials: "The retrieved credentials have already expired".
      msg("credentials", String.raw`\bcredentials (?:have|has) (?:already )?expired\b`, W.specific, "the credentials expired"),
      msg("within the next minute", String.raw`\bexpires? within the next minute\b`, W.specific, "AgentCore refuses tokens with less than a minute left"),
      msg("sso session", String.raw`\bsso session\b[^.\n]{0,60}\bhas expired\b`, W.strong, "the SSO session expired"),
      msg("session has expired or credentials have changed", String.raw`session has expired or credentials have changed`, W.strong, "the aws login session expired"),
      msg("切れ", String.raw`(?:トークン|token|認証情報|credentials?).{0,12}(?:有効期限|期限)(?:が)?切れ`, 6, "expired (Japanese)"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "Services enforce `exp` without leeway. Cognito ID and access tokens live 5 minutes to 1 day (1 hour by default); identity-pool and " +
      "STS credentials 15 minutes to 12 hours. A long-lived page, a cached token, a wrong clock, or a refresh that silently failed sends an expired one. " +
      "AgentCore Runtime goes further: it refuses a token that expires within the next minute (403 \"Ineffectual token\"), which a refresh-on-expiry never renews in time.",
    fix: [
      { text: "Fetch the session right before each call and let Amplify refresh it; do not cache tokens or credentials yourself.", snippet: { lang: "ts", code: "const { tokens, credentials } = await fetchAuthSession(); // refreshes when expired\n// forceRefresh: true after changing groups or attributes" } },
      { text: "If the refresh itself fails, the refresh token has expired or was revoked: sign in again." },
      { text: "For AgentCore Runtime, refresh when less than a few minutes remain, not only once the token has expired.", snippet: { lang: "ts", code: "const { tokens } = await fetchAuthSession();\nconst left = (tokens?.accessToken.payload.exp ?? 0) - Date.now() / 1000;\nconst fresh = left < 300 ? await fetchAuthSession({ forceRefresh: true }) : { tokens };" } },
      { text: "For CLI/SDK credentials, renew them (aws sso login, aws login, a new AssumeRole) and check the machine's clock." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-go/pull/253", note: "ExpiredTokenException / ExpiredToken / RequestExpired" },
      { kind: "issue", url: "https://github.com/nestymook/mbti-travel-assistant-v2/blob/main/mbti-travel-planner-agent/JWT_CIRCUIT_BREAKER_FIX_SUMMARY.md", note: "403 OAuth authorization failed: Ineffectual token, will expire within the next minute" },
    ],
  };
