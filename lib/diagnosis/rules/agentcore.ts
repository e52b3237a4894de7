import { authorizer, code, concept, header, msg, phrase, status, tokenUse, variant, W } from "../signals";
import type { Rule } from "../types";

/** AgentCore Runtime and Gateway inbound auth: how the call must be made, and what it is told. */

const INVOKE_URL = `const arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/my_agent-AbCdEf1234";
const url = \`https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/\${encodeURIComponent(arn)}/invocations?qualifier=DEFAULT\`;
await fetch(url, {
  method: "POST",
  headers: {
    Authorization: \`Bearer \${accessToken}\`,            // CUSTOM_JWT runtime; SigV4 for an AWS_IAM one
    "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": sessionId, // 33+ characters
    "Content-Type": "application/json",
  },
  body: JSON.stringify({ prompt: "Hello" }),
});`;

export const agentcoreRules: readonly Rule[] = [
  {
    id: "agentcore-discovery-url",
    title: "CUSTOM_JWT discoveryUrl is the bare issuer, without /.well-known/openid-configuration",
    services: ["agentcore", "agentcore-gateway", "cdk"],
    signals: [
      concept("discovery", String.raw`\bdiscovery ?url\b`, "the discovery URL"),
      concept("well-known", String.raw`well-known`, "/.well-known/"),
      concept("openid-configuration", String.raw`openid-configuration`, "openid-configuration"),
      msg("does not match pattern", String.raw`does not match pattern \^?\.\+/\\?\.well-known/openid-configuration`, 9, "CloudFormation validation of DiscoveryUrl"),
      msg("must satisfy regular expression pattern", String.raw`must satisfy regular expression pattern:? \^?\.\+/\\?\.well-known/openid-configuration`, 9, "API validation of discoveryUrl"),
      msg("discoveryurl", String.raw`discoveryurl'? failed to satisfy constraint`, W.strong, "API validation of discoveryUrl"),
      msg("discoveryurl", String.raw`discoveryurl\s*(?::|バリデーションエラー)`, 5, "a DiscoveryUrl validation error"),
      phrase("Properties validation failed for resource", W.weak, "CloudFormation property validation"),
      authorizer("discovery-url-without-well-known", W.strong, "the configured discoveryUrl does not end in /.well-known/openid-configuration"),
    ],
    cause:
      "AgentCore's customJWTAuthorizer wants the OIDC discovery document's URL, which must match ^.+/\\.well-known/openid-configuration$. Passing the issuer " +
      "(https://cognito-idp.<region>.amazonaws.com/<poolId>) fails validation when the stack deploys; the issuer inside the document must then equal the token's iss " +
      "(for a pool with the UPDATED issuer configuration, https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>).",
    fix: [
      { text: "Append /.well-known/openid-configuration to the issuer.", snippet: { lang: "ts", code: "RuntimeAuthorizerConfiguration.usingJWT(\n  `https://cognito-idp.${region}.amazonaws.com/${userPool.userPoolId}/.well-known/openid-configuration`,\n  [userPoolClient.userPoolClientId],\n);" } },
    ],
    source: [
      { kind: "seed", ref: "000", note: "AgentCore JWT: DiscoveryUrl バリデーションエラー" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CustomJWTAuthorizerConfiguration.html" },
    ],
  },
  {
    id: "agentcore-auth-method-mismatch",
    title: "JWT sent to an IAM runtime, or SigV4 to a JWT runtime",
    services: ["agentcore", "agentcore-gateway"],
    signals: [
      concept("agentcore", String.raw`agentcore`, "AgentCore"),
      concept("sig", String.raw`\bsig ?v4\b`, "SigV4"),
      concept("jwt", String.raw`\bcustom_?jwt\b`, "a CUSTOM_JWT authorizer"),
      concept("bearer", String.raw`\bbearer\b`, "a bearer token"),
      phrase("Authorization method mismatch", W.verbatim, "AgentCore's answer to the wrong kind of credentials"),
      phrase("configured for a different authorization method", W.strong, "AgentCore's answer to the wrong kind of credentials"),
      msg("認証方式", String.raw`認証方式(?:が)?不一致`, 6, "authorization method mismatch (Japanese)"),
      authorizer("custom-jwt-called-with-sigv4", 6, "the runtime is CUSTOM_JWT and the call was SigV4-signed"),
      authorizer("aws-iam-called-with-jwt", 6, "the runtime is AWS_IAM and the call carried a bearer token"),
      // The other two refusals of the wrong kind of credential, from a gateway: a bearer token where SigV4 is
      // expected gets AWS's IncompleteSignatureException ("Authorization header requires 'Credential' parameter.
      // … Authorization=<the token>", captured in syl20lego/insomnia-plugin-aws-cognito-token#3), and a SigV4
      // signature where a JWT is expected gets the JWT authorizer's refusal. Which one applies is the cell's
      // own context: the credential variant it sent.
      code("IncompleteSignatureException", W.hint, "an AWS_IAM endpoint found no SigV4 signature"),
      phrase("Invalid Bearer token", W.hint, "a JWT authorizer's refusal"),
      variant(["jwt"], W.weak, "sent a bearer token"),
      variant(["iam"], W.weak, "signed with SigV4"),
      code("AccessDeniedException", W.generic, "AccessDeniedException"),
      status([403], W.generic, "refused"),
    ],
    cause:
      "A runtime (and a gateway) accepts one kind of inbound auth: SigV4 (AWS_IAM, the default) or a bearer JWT (CUSTOM_JWT). The AWS CLI/SDK InvokeAgentRuntime signs " +
      "with SigV4, so it is refused by a JWT runtime; a bearer token is refused by an IAM runtime. The refusal proves the authorizer is configured, not broken.",
    fix: [
      { text: "For a CUSTOM_JWT runtime call the HTTPS endpoint yourself with Authorization: Bearer <access token> (the SDK cannot send bearer tokens).", snippet: { lang: "ts", code: INVOKE_URL } },
      { text: "For an AWS_IAM runtime sign with SigV4 (service bedrock-agentcore) and allow bedrock-agentcore:InvokeAgentRuntime; drop the Authorization bearer header." },
    ],
    source: [
      { kind: "seed", ref: "003", note: "JWT runtime called with the AWS CLI (SigV4)" },
      { kind: "issue", url: "https://github.com/aws/agentcore-cli/issues/714" },
      { kind: "issue", url: "https://github.com/aws/agentcore-cli/pull/1647" },
    ],
  },
  {
    id: "agentcore-missing-bearer",
    title: "No usable bearer token reached a CUSTOM_JWT runtime (missing, or not a JWT)",
    services: ["agentcore"],
    signals: [
      concept("bearer", String.raw`\bbearer\b`, "a bearer token"),
      concept("authorization", String.raw`\bauthorization header\b`, "the Authorization header"),
      concept("agentcore", String.raw`agentcore`, "AgentCore"),
      concept("oauth", String.raw`\boauth\b`, "OAuth"),
      phrase("Failed to parse token", W.verbatim, "AgentCore's 403 for a bearer value that is not a JWT"),
      header("www-authenticate", "resource_metadata", String.raw`bearer\s+resource_metadata=`, 7, "401 with WWW-Authenticate Bearer resource_metadata"),
      msg("oauth-protected-resource", String.raw`\.well-known/oauth-protected-resource`, W.hint, "the runtime's protected-resource metadata URL"),
      msg("bearer ", String.raw`bearer (?:undefined|null)\b`, 6, "the header literally says Bearer undefined/null"),
      // The no-route answer says the same words with 403; a 401 saying them is the missing token.
      msg("missing authentication token", String.raw`\b401\b[\s\S]{0,80}missing authentication token`, W.specific, "a 401 saying Missing Authentication Token"),
      variant(["jwt"], W.generic, "a bearer variant"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "A CUSTOM_JWT runtime answers 401 with WWW-Authenticate: Bearer resource_metadata=… when no Authorization header arrives, and 403 " +
      "\"OAuth authorization failed: Failed to parse token\" when the bearer value is not a JWT at all: an unset variable (Bearer undefined), an empty " +
      "Bearer, an opaque token such as an AgentCore workload access token, or another service's token.",
    fix: [
      { text: "Send `Authorization: Bearer <access token>` with a real Cognito (or your IdP's) JWT; log its first characters (eyJ…) before the call.", snippet: { lang: "ts", code: "if (!accessToken) throw new Error(\"not signed in\");\nheaders.Authorization = `Bearer ${accessToken}`;" } },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-oauth.html" },
      { kind: "issue", url: "https://github.com/CopilotKit/CopilotKit/pull/6920" },
      { kind: "issue", url: "https://github.com/TerrifiedBug/mcp-remote/blob/main/FORK.md", note: "an empty Bearer answered 403 OAuth authorization failed: Failed to parse token" },
    ],
  },
  {
    id: "agentcore-runtime-404",
    title: "Wrong AgentCore invoke URL (ARN not encoded, no /invocations, region, qualifier)",
    services: ["agentcore"],
    signals: [
      concept("invocations", String.raw`invocations`, "/invocations"),
      concept("agentcore", String.raw`agentcore`, "AgentCore"),
      phrase("Missing Authentication Token", W.hint, "AWS's answer for a path that matches no route"),
      phrase("accountID required", W.strong, "the runtime named by its id without ?accountId="),
      msg("/runtimes/arn:", String.raw`/runtimes/arn:aws[a-z-]*:bedrock-agentcore:`, 7, "the ARN is in the path unencoded (its / splits the path)"),
      msg("/runtimes/", String.raw`bedrock-agentcore\.[a-z0-9-]+\.amazonaws\.com/runtimes/[^/\s"'?]+/?(?:[?\s"'<>]|$)`, 5, "the URL stops after the runtime: no /invocations"),
      msg("提供しない", String.raw`エンドポイント(?:を)?提供しない`, 5, "the (mistaken) conclusion that there is no REST endpoint"),
      phrase("エンドポイント不存在", 5, "the (mistaken) conclusion that the endpoint does not exist"),
      code("ResourceNotFoundException", W.weak, "ResourceNotFoundException"),
      msg("failed dependency", "failed dependency", -5, "424: the URL reached a runtime"),
      // API Gateway says "Missing Authentication Token" for its own unmatched routes: not AgentCore.
      msg("x-amz-apigw-id", "x-amz-apigw-id", -4, "API Gateway answered, not AgentCore"),
      msg("execute-api", String.raw`\.execute-api\.`, -4, "an API Gateway URL, not AgentCore"),
      status([404], W.hint, "HTTP 404"),
      status([403], W.generic, "HTTP 403"),
    ],
    cause:
      "The runtime does have an HTTPS endpoint: POST https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<URL-encoded ARN>/invocations?qualifier=DEFAULT. " +
      "An ARN pasted unencoded turns its / into a path separator; a URL without /invocations matches no route (AWS says \"Missing Authentication Token\"); " +
      "another region or an unknown qualifier finds no runtime; the runtime's id instead of its ARN needs ?accountId=<account> (400 \"accountID required\" without it). " +
      "A 404 here is a URL problem, not a missing feature.",
    fix: [
      { text: "Build the URL from the ARN with encodeURIComponent and end it in /invocations.", snippet: { lang: "ts", code: INVOKE_URL } },
      { text: "Use the runtime's own region (it is in the ARN) and an existing endpoint name as qualifier (DEFAULT unless you created others)." },
    ],
    source: [
      { kind: "seed", ref: "003", note: "wrongly concluded that the runtime has no REST endpoint" },
      { kind: "issue", url: "https://github.com/aws/agentcore-cli/issues/716" },
      { kind: "issue", url: "https://github.com/CopilotKit/CopilotKit/pull/6920" },
      { kind: "issue", url: "https://github.com/minorun365/marp-agent/blob/main/docs/knowledge/features.md", note: "/runtimes/{runtimeId}/invocations → 400 (accountID required)" },
    ],
  },
  {
    id: "agentcore-session-id-length",
    title: "AgentCore runtime session id shorter than 33 (or longer than 256) characters",
    services: ["agentcore"],
    signals: [
      concept("session", String.raw`\b(?:runtime ?)?session ?id\b`, "the session id"),
      concept("33", String.raw`\b33\b`, "33 characters"),
      concept("agentcore", String.raw`agentcore`, "AgentCore"),
      msg("runtimesessionid", String.raw`'runtimesessionid' failed to satisfy constraint`, W.strong, "InvokeAgentRuntime's length check on the session id"),
      phrase("Member must have length greater than or equal to 33", W.strong, "the session id's minimum length"),
      // The Python SDK checks the model's length constraint before sending: botocore's
      // ParamValidationError, "Invalid length for parameter <name>, value: <n>, valid min length: <m>"
      // (botocore/validate.py; the same wording is quoted for other parameters in public reports).
      msg("runtimesessionid", String.raw`invalid length for parameter runtimesessionid`, W.strong, "the SDK's own length check on the session id"),
      code("ValidationException", W.generic, "ValidationException"),
      status([400], W.generic, "rejected"),
    ],
    cause:
      "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id (runtimeSessionId) must be 33 to 256 characters. Natural ids (a user id, \"default-session\", " +
      "a date) are usually shorter, and the call is refused with 400 ValidationException before the agent runs. Leaving it out is fine: AgentCore then starts a new session.",
    fix: [
      { text: "Use a UUID (36 characters) or pad your own id, and keep it for the conversation.", snippet: { lang: "ts", code: "const sessionId = `session-${crypto.randomUUID()}`; // 44 characters\nheaders[\"X-Amzn-Bedrock-AgentCore-Runtime-Session-Id\"] = sessionId;" } },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore/latest/APIReference/API_InvokeAgentRuntime.html" },
      { kind: "issue", url: "https://github.com/naopandao/omikuji_agent/blob/main/README.md", note: "ValidationException: Value at 'runtimeSessionId' failed to satisfy constraint: Member must have length greater than or equal to 33" },
    ],
  },
  {
    id: "agentcore-gateway-jwt-rejected",
    title: "AgentCore Gateway's JWT authorizer refused the token",
    services: ["agentcore-gateway", "agentcore"],
    signals: [
      concept("gateway", String.raw`\bgateway\b`, "the gateway"),
      concept("bearer", String.raw`\bbearer\b`, "a bearer token"),
      phrase("Invalid Bearer token", 6, "the gateway's JSON-RPC refusal"),
      msg("-32001", String.raw`"code"\s*:\s*-32001`, W.hint, "JSON-RPC error -32001"),
      msg(".gateway.bedrock-agentcore.", String.raw`\.gateway\.bedrock-agentcore\.[a-z0-9-]+\.amazonaws\.com`, W.weak, "a gateway URL"),
      variant(["jwt"], W.generic, "a bearer variant"),
      // Near misses: the JWT checks never ran, or the generic refusal hides the one that fails for ID tokens.
      variant(["iam"], -W.strong, "SigV4-signed: the gateway wants a bearer token (agentcore-auth-method-mismatch)"),
      code("IncompleteSignatureException", -W.strong, "the gateway is AWS_IAM: no JWT check ran (agentcore-auth-method-mismatch)"),
      tokenUse(["id"], -W.specific, "an ID token: allowedClients checks client_id, which ID tokens lack (cognito-client-id-mismatch)"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "A gateway applies the same CUSTOM_JWT checks as a runtime (issuer from discoveryUrl, allowedClients vs client_id, allowedAudience vs aud, " +
      "allowedScopes, expiry) but does not say which one failed.",
    fix: [
      { text: "Run every check locally to see which claim fails.", snippet: { lang: "sh", code: "auth-flow-debugger check <token> --authorizer agentcore --target gateway --config \"$(aws bedrock-agentcore-control get-gateway --gateway-identifier <id> --query authorizerConfiguration.customJWTAuthorizer)\"" } },
      { text: "With allowedScopes set, the token needs one of those scopes: sign-in tokens carry only aws.cognito.signin.user.admin, so machine callers need a client credentials token (see /diagnose#oauth-token-lacks-scope).", snippet: { lang: "sh", code: "CLIENT_SECRET=… auth-flow-debugger m2m-token --token-endpoint https://<domain>.auth.<region>.amazoncognito.com/oauth2/token --client-id <id> --allowed-scopes <allowedScopes>" } },
    ],
    source: [{ kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-inbound-auth.html" }],
  },
];
