import { concept, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/** AgentCore WebSocket auth and AgentCore Identity (workload identities, OAuth 3LO). */

const WS_POLICY = `authenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({
  actions: ['bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream'],
  resources: [runtime.agentRuntimeArn, \`\${runtime.agentRuntimeArn}/*\`],
}));
// runtime.grantInvoke(role) grants only the HTTP InvokeAgentRuntime (aws-cdk #37495)`;

const WORKLOAD_POLICY = `{
  "Effect": "Allow",
  "Action": ["bedrock-agentcore:GetResourceOauth2Token"],
  "Resource": [
    "arn:aws:bedrock-agentcore:REGION:ACCOUNT:token-vault/default",
    "arn:aws:bedrock-agentcore:REGION:ACCOUNT:token-vault/default/oauth2credentialprovider/*",
    "arn:aws:bedrock-agentcore:REGION:ACCOUNT:workload-identity-directory/default",
    "arn:aws:bedrock-agentcore:REGION:ACCOUNT:workload-identity-directory/default/workload-identity/*"
  ]
}`;

export const agentcoreIdentityRules: readonly Rule[] = [
  {
    id: "agentcore-websocket-auth",
    title: "AgentCore WebSocket refused: browsers cannot send auth headers, or the role lacks the WebSocket action",
    services: ["agentcore", "cdk"],
    signals: [
      concept("socket", String.raw`\bweb ?sockets?\b`, "the WebSocket"),
      concept("agentcore", String.raw`agentcore`, "AgentCore"),
      concept("browser", String.raw`\bbrowsers?\b`, "a browser"),
      concept("signed", String.raw`\bpre-?signed\b`, "a presigned URL"),
      msg("invokeagentruntimewithwebsocketstream", String.raw`not authorized to perform:? bedrock-agentcore:invokeagentruntimewithwebsocketstream`, 9, "IAM denied the WebSocket action"),
      phrase("InvokeAgentRuntimeWithWebSocketStream", 5, "the WebSocket invoke action"),
      msg("wss://bedrock-agentcore", String.raw`websocket connection to '?wss://bedrock-agentcore\.`, 5, "the browser could not open the runtime's WebSocket"),
      msg("websocket handshake", String.raw`error during websocket handshake: unexpected response code: 40[13]`, W.hint, "handshake refused with 401/403"),
      phrase("Not a WebSocket Upgrade Request", 5, "a plain HTTP request reached the WebSocket endpoint"),
      phrase("grantInvoke", W.context, "CDK grantInvoke (HTTP only)"),
      phrase("base64UrlBearerAuthorization", W.context, "the OAuth subprotocol"),
      msg("websocket", String.raw`websocket.{0,30}(?:ヘッダー|header).{0,30}(?:設定できない|付与できない|送れない|cannot set|can't set)`, 6, "browsers cannot set WebSocket headers"),
      msg("websocket", String.raw`websocket.{0,20}(?:認証エラー|接続できない)`, W.hint, "WebSocket auth failure (Japanese)"),
      msg("1008", String.raw`\b(?:close )?code:? 1008\b`, W.weak, "closed with 1008 (policy violation)"),
      msg("websocket handshake", "websocket handshake", W.context, "the WebSocket handshake"),
      msg("sigv4 header", String.raw`sigv4 headers?`, W.weak, "SigV4 headers on the handshake"),
      variant(["sigv4-presigned", "jwt-subprotocol"], W.weak, "a WebSocket credential variant"),
      // Denied by the runtime's own policy (another account's runtime), not for want of the WebSocket action.
      msg("because no resource-based policy allows", String.raw`because no resource-based policy allows`, -W.specific, "the resource's policy refused (iam-cross-account-resource-policy)"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "The browser WebSocket API cannot set headers, so neither Authorization: Bearer nor SigV4 headers reach the runtime's /ws endpoint. Browsers must use a " +
      "SigV4 presigned URL (X-Amz-* query parameters, expiry ≤ 300 s, session id as a query parameter) or, for a CUSTOM_JWT runtime, the subprotocols " +
      "[\"base64UrlBearerAuthorization.<base64url(token)>\", \"base64UrlBearerAuthorization\"]. Presigned URLs also need bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream, which CDK's grantInvoke does not grant.",
    fix: [
      { text: "Grant the WebSocket action to the role that signs (e.g. the identity pool's authenticated role).", snippet: { lang: "ts", code: WS_POLICY } },
      { text: "Presign the wss URL with SigV4 (sign as https, connect as wss) and pass the session id as X-Amzn-Bedrock-AgentCore-Runtime-Session-Id in the query.", snippet: { lang: "ts", code: "const presigned = await signer.presign(request, { expiresIn: 300 }); // service 'bedrock-agentcore'\nnew WebSocket(`wss://${presigned.hostname}${presigned.path}?${query(presigned.query)}`);" } },
      { text: "Or, for a CUSTOM_JWT runtime, pass the token as a subprotocol.", snippet: { lang: "ts", code: "new WebSocket(url, [`base64UrlBearerAuthorization.${base64url(accessToken)}`, 'base64UrlBearerAuthorization']);" } },
    ],
    source: [
      { kind: "seed", ref: "000", note: "AgentCore WebSocket: JWT 認証が使えない" },
      { kind: "issue", url: "https://github.com/aws/aws-cdk/issues/37495" },
      { kind: "issue", url: "https://github.com/aws/bedrock-agentcore-sdk-python/pull/177" },
    ],
  },
  {
    id: "agentcore-workload-identity",
    title: "GetResourceOauth2Token denied: the policy's workload-identity ARN does not match the deployed identity",
    services: ["agentcore", "agentcore-identity", "iam"],
    signals: [
      concept("token vault", String.raw`\btoken vault\b`, "the token vault"),
      concept("agentcore", String.raw`agentcore`, "AgentCore"),
      concept("oauth", String.raw`\boauth2?\b`, "OAuth"),
      concept("credential provider", String.raw`\bcredential providers?\b`, "a credential provider"),
      msg("getresourceoauth2token", String.raw`not authorized to perform:? bedrock-agentcore:getresourceoauth2token`, 9, "IAM denied GetResourceOauth2Token"),
      msg("getworkloadaccesstoken", String.raw`not authorized to perform:? bedrock-agentcore:getworkloadaccesstoken`, 7, "IAM denied GetWorkloadAccessToken"),
      phrase("GetResourceOauth2Token", W.hint, "the token-vault call"),
      phrase("workload-identity-directory/default/workload-identity/", 5, "a workload-identity resource ARN"),
      phrase(".agentcore.json", W.context, "a packaged .agentcore.json"),
      msg("workload identity", String.raw`\bworkload identity\b`, W.weak, "a workload identity"),
      msg("identity workload", String.raw`\bidentity workload\b`, W.weak, "a workload identity"),
      msg("workload-", String.raw`\bworkload-[0-9a-f]{8}\b`, W.context, "an auto-generated workload identity id"),
      phrase("@requires_access_token", W.weak, "the SDK decorator that fetches the token"),
    ],
    cause:
      "Each runtime gets a workload identity; @requires_access_token calls GetResourceOauth2Token for it. When `agentcore deploy` packages a local " +
      ".agentcore.json, the locally generated id (workload-xxxxxxxx) is used, so a policy scoped to workload-identity/<name>-* does not match and the call is denied.",
    fix: [
      { text: "Widen the workload-identity resource to the directory's wildcard (and keep the token-vault resources).", snippet: { lang: "json", code: WORKLOAD_POLICY } },
      { text: "Or exclude .agentcore.json from the package so the deployed name is used." },
    ],
    source: [
      { kind: "seed", ref: "000", note: "AgentCore Identity: workload-identity ARN 不一致" },
      { kind: "issue", url: "https://github.com/aws-ia/terraform-aws-agentcore/pull/19" },
    ],
  },
  {
    id: "agentcore-3lo-callback",
    title: "3LO callback: authorizationCode/state null because the callback URL points at AgentCore itself",
    services: ["agentcore", "agentcore-identity"],
    signals: [
      concept("callback", String.raw`\bcallback(?: url)?\b`, "the callback"),
      concept("return", String.raw`\breturn ?urls?\b`, "the return URL"),
      concept("3lo", String.raw`\b3lo\b`, "3LO"),
      concept("code", String.raw`\bauthori[sz]ation ?code\b`, "the authorization code"),
      msg("'authorizationcode'", String.raw`value at 'authorizationcode' failed to satisfy constraint: member must not be null`, W.verbatim, "the AgentCore callback got no code"),
      msg("'state'", String.raw`value at 'state' failed to satisfy constraint: member must not be null`, 6, "the AgentCore callback got no state"),
      phrase("You must register and use at least one ResourceOauth2ReturnUrl on your workload identity", 9, "no return URL registered on the workload identity"),
      phrase("allowedResourceOauth2ReturnUrls", W.context, "the workload identity's return URLs"),
      msg("complete", String.raw`complete_?resource_?token_?auth`, W.context, "CompleteResourceTokenAuth"),
      phrase("USER_FEDERATION", W.weak, "3LO flow"),
    ],
    cause:
      "3LO works in two hops: the provider redirects to AgentCore's callback, which redirects to the application's own callback; the application then calls " +
      "CompleteResourceTokenAuth with the session URI. Setting callback_url to AgentCore's callback endpoint makes the browser land there without code and state.",
    fix: [
      { text: "Run a callback server in the app and pass its URL as callback_url; complete the flow from there.", snippet: { lang: "python", code: "callback_url = \"http://localhost:9090/oauth2/callback\"\n\nidentity_client.complete_resource_token_auth(\n    session_uri=session_id,\n    user_identifier=UserIdIdentifier(user_id=\"<user_id>\"),\n)" } },
      { text: "Register that URL in the workload identity's allowedResourceOauth2ReturnUrls." },
    ],
    source: [
      { kind: "seed", ref: "000", note: "AgentCore Identity 3LO: callback で authorizationCode/state が null エラー" },
      { kind: "issue", url: "https://github.com/awslabs/agentcore-samples/issues/801" },
      { kind: "issue", url: "https://github.com/awslabs/agentcore-samples/issues/528" },
    ],
  },
];
