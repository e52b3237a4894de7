import { code, concept, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * AppSync refusals that are neither a JWT nor an IAM problem: an API key that expired or never
 * existed, and a realtime (WebSocket) handshake that lacks the `graphql-ws` subprotocol or the
 * authorization header object.
 */

const REALTIME_HANDSHAKE = `// Subprotocols: graphql-ws, plus the auth header object as header-<base64url(JSON)>
const header = { host: "<id>.appsync-api.<region>.amazonaws.com", "x-api-key": apiKey }; // or Authorization: <jwt>
const b64url = btoa(JSON.stringify(header)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
const ws = new WebSocket("wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql", ["graphql-ws", \`header-\${b64url}\`]);
ws.onopen = () => ws.send(JSON.stringify({ type: "connection_init" }));`;

export const appsyncKeyAndRealtimeRules: readonly Rule[] = [
  {
    id: "appsync-api-key-invalid",
    title: "AppSync API key expired, deleted or not this API's",
    services: ["appsync"],
    signals: [
      concept("キー", String.raw`api\s*キー`, "an API key (Japanese)"),
      concept("api", String.raw`\bapi ?key\b`, "an API key"),
      concept("expir", String.raw`\bexpir(?:ed|es|y|ation)\b`, "expiry"),
      concept("appsync", String.raw`appsync`, "AppSync"),
      concept("days", String.raw`\b(?:7|seven) days\b`, "seven days (Amplify's API key default)"),
      // An API that worked for days or weeks and then refuses every call: the key's lifetime ran out (Amplify creates
      // keys valid for 7 days by default; https://docs.aws.amazon.com/appsync/latest/devguide/using-your-api.html).
      concept("week", String.raw`\b(?:for|after|since|about|over) (?:a |one |1 |two |2 |a few |several |many )?weeks?\b`, "a week or weeks of working"),
      concept("sudden", String.raw`\b(?:all of a )?sudden(?:ly)?\b`, "it stopped working at once"),
      concept("日経", String.raw`(?:7|七|数)日経(?:つと|過)`, "some days later (Japanese)"),
      concept("graphql", String.raw`\bgraphql(?:error)?\b`, "a GraphQL API"),
      // The text AppSync answers an API-key call it refuses, over HTTP and realtime alike.
      phrase("You are not authorized to make this call", W.specific, "AppSync's refusal of the credentials sent (typically an API key)"),
      msg("x-api-key", String.raw`\bx-api-key\b`, W.context, "an API key was sent"),
      msg("api key", String.raw`api key.{0,30}(?:expired|expires|not found|invalid)`, W.hint, "API key expired or unknown"),
      msg("appsync", "appsync", W.generic, "AppSync"),
      msg("da2-", String.raw`\bda2-[a-z0-9]{26}\b`, W.context, "an AppSync API key"),
      variant(["api-key"], W.context, "called with the API key"),
      msg("unauthorized", String.raw`\bunauthorized\b`, W.generic, "Unauthorized"),
      variant(["iam"], -3, "IAM-signed: the role's permissions are the likelier cause"),
      // AppSync answers a Lambda authorizer's isAuthorized: false with the same text (appsync-lambda.ts).
      variant(["lambda"], -W.context, "sent a Lambda authorizer token, not an API key"),
      msg("isauthorized", String.raw`isauthorized`, -W.context, "a Lambda authorizer's decision, not an API key"),
      code("UnauthorizedException", W.generic, "AppSync UnauthorizedException"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "AppSync API keys always expire (Amplify's default is 7 days; AppSync takes no less than 1 day) and are refused once expired, deleted, or when they belong to another API; " +
      "the app keeps sending the key baked into its configuration (amplify_outputs.json / aws-exports.js) until it is redeployed. " +
      "Over realtime the same text arrives as a connection_error.",
    fix: [
      { text: "List the API's keys and their expiry; extend or create one, then update the app's configuration.", snippet: { lang: "sh", code: "aws appsync list-api-keys --api-id <apiId>\naws appsync update-api-key --api-id <apiId> --id <da2-…> --expires $(date -d '+300 days' +%s)" } },
      { text: "For anything longer-lived than a demo, use Cognito user pools or IAM (identity-pool guest credentials) instead of public API keys." },
    ],
    source: [
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-studio/issues/1003", note: "\"You are not authorized to make this call.\" every month unless redeployed" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-android/issues/1392", note: "API-key API, connection_error with this text" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-cli/issues/3485", note: "the API key expires in seven days by default" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-category-api/issues/3138", note: "API key must be valid for a minimum of 1 days" },
    ],
  },
  {
    id: "appsync-realtime-handshake",
    title: "AppSync realtime WebSocket handshake refused: graphql-ws subprotocol or auth header missing",
    services: ["appsync"],
    signals: [
      concept("サブスクリプション", String.raw`サブスクリプション`, "subscriptions (Japanese)"),
      concept("subscri", String.raw`\bsubscri(?:be|bes|bing|ptions?)\b`, "subscriptions"),
      concept("socket", String.raw`\bweb ?sockets?\b`, "the WebSocket"),
      concept("real", String.raw`(?<![-.])\breal-?time\b`, "the realtime endpoint"),
      concept("appsync", String.raw`appsync`, "AppSync"),
      phrase("NoProtocolError", W.verbatim, "no Sec-WebSocket-Protocol was offered"),
      phrase("SubProtocolNotSupportedError", W.verbatim, "a subprotocol other than graphql-ws was offered"),
      phrase("Required headers are missing", W.verbatim, "no authorization header object in the handshake"),
      msg("connection_error", String.raw`"?type"?\s*:\s*"?connection_error`, W.context, "AppSync realtime connection_error frame"),
      // Described rather than pasted: subscriptions (the WebSocket) refused while queries work.
      msg("subscri", String.raw`\bsubscri\w*[^.\n]{0,120}\b401\b`, W.context, "a subscription answered 401"),
      msg("header", String.raw`\bheaders?\b[^.\n]{0,60}\bweb ?socket`, W.context, "headers on a WebSocket connection"),
      msg("graphql-transport-ws", "graphql-transport-ws", W.hint, "the newer graphql-ws library's protocol, which AppSync does not speak"),
      msg("close handshake", String.raw`closed the websocket connection without completing the close handshake`, W.weak, "AppSync drops the socket after connection_error"),
    ],
    cause:
      "AppSync's realtime endpoint speaks its own dialect under the subprotocol name `graphql-ws` (not the `graphql-transport-ws` protocol of the graphql-ws npm package). " +
      "It accepts the upgrade, then answers connection_error and drops the socket when no subprotocol was offered (NoProtocolError), when graphql-ws is not among them " +
      "(SubProtocolNotSupportedError), or when the authorization header object is absent (Required headers are missing.) — it goes in a `header-<base64url(JSON)>` " +
      "subprotocol or the legacy `?header=<base64>&payload=e30=` query, and names the GraphQL host plus the credential of the auth mode.",
    fix: [
      { text: "Offer graphql-ws and the header subprotocol, then send connection_init (or use aws-amplify, which does this).", snippet: { lang: "ts", code: REALTIME_HANDSHAKE } },
      { text: "Postman / wscat: add the header `Sec-WebSocket-Protocol: graphql-ws` and the `header` and `payload=e30=` query parameters." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html" },
      { kind: "issue", url: "https://github.com/aws/aws-appsync-community/issues/195", note: "NoProtocolError without Sec-WebSocket-Protocol" },
      { kind: "issue", url: "https://github.com/graphql-dotnet/graphql-client/issues/591", note: "SubProtocolNotSupportedError" },
      { kind: "issue", url: "https://github.com/graphql-dotnet/graphql-client/issues/662", note: "Required headers are missing." },
    ],
  },
];
