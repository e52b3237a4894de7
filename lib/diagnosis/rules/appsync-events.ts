import { code, concept, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * AppSync Event APIs. Over the WebSocket every IAM-authorized message (connect, subscribe,
 * publish) carries its own SigV4 headers for `POST https://{http domain}/event`, whose body is
 * that message's: `{}`, `{"channel":…}`, `{"channel":…,"events":[…]}` (aws-amplify
 * AWSAppSyncEventsProvider; amplify-js #14001 shows AppSync's canonical request `POST /event`).
 */

const SIGNED_PUBLISH = `import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
const body = JSON.stringify({ channel, events }); // exactly what the publish message carries
const signed = await new SignatureV4({ service: "appsync", region: "<region>", sha256: Sha256, credentials }).sign({
  method: "POST", protocol: "https:", hostname: "<dns>.appsync-api.<region>.amazonaws.com", path: "/event",
  headers: { host: "<dns>.appsync-api.<region>.amazonaws.com", "content-type": "application/json; charset=UTF-8" }, body,
});
ws.send(JSON.stringify({ type: "publish", id: crypto.randomUUID(), channel, events, authorization: signed.headers }));`;

const NAMESPACE_MODES = `aws appsync list-channel-namespaces --api-id <apiId> \\
  --query 'channelNamespaces[].{name:name,publish:publishAuthModes[].authType,subscribe:subscribeAuthModes[].authType}'
aws appsync get-api --api-id <apiId> --query 'api.eventConfig'   # the defaults and connectionAuthModes`;

export const appsyncEventsRules: readonly Rule[] = [
  {
    id: "appsync-events-namespace-auth-mode",
    title: "AppSync Events: the channel's namespace does not take this credential for this operation",
    services: ["appsync"],
    signals: [
      // Set by the test calls for an Event API cell (components/calls/diagnose-test-call.ts): the call, not AWS's words, says so.
      msg("[appsync event api call", String.raw`\[appsync event api call`, W.strong, "an AppSync Event API call: its namespace's publish and subscribe modes decide which credential passes"),
      msg("_error", String.raw`(?:publish|subscribe)_error`, W.context, "the Event API refused this one message"),
      phrase("You are not authorized to make this call", W.hint, "AppSync's generic refusal of the credentials sent"),
      code("UnauthorizedException", W.generic, "AppSync UnauthorizedException"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "An Event API authorizes connect, publish and subscribe separately: the connection by the API's connectionAuthModes, publishing and subscribing by the channel namespace's " +
      "publishAuthModes and subscribeAuthModes, or the API's defaults where the namespace sets none. A namespace can take the API key for subscribing and only IAM for " +
      "publishing, so the same credential subscribes and then fails to publish, or works on one namespace and not on the next (`/default/…` vs `/alerts/…`). " +
      "What AppSync answers for a credential of a mode the namespace does not take is not publicly documented.",
    fix: [
      { text: "List each namespace's publish and subscribe modes and the API's defaults, and compare them with the credential the failing call sent.", snippet: { lang: "sh", code: NAMESPACE_MODES } },
      { text: "Either send the credential the namespace expects (e.g. publish from the backend with IAM, events.post(channel, event, { authMode: \"iam\" }) in Amplify), or add the mode to the namespace (aws appsync update-channel-namespace --publish-auth-modes / --subscribe-auth-modes), keeping it among the API's auth providers." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/APIReference/API_CreateChannelNamespace.html", note: "publishAuthModes / subscribeAuthModes override the API's default authorization" },
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/eventapi/configure-event-api-auth.html", note: "connect, publish and subscribe authorization of Event APIs" },
    ],
  },
  {
    id: "appsync-events-signature-body",
    title: "AppSync Events: the IAM signature of a WebSocket message does not cover what the message carries",
    services: ["appsync"],
    signals: [
      concept("event", String.raw`\bevents? api\b`, "an AppSync Event API"),
      msg("aws-appsync-event-ws", String.raw`aws-appsync-event-ws`, W.hint, "the Event API's WebSocket subprotocol"),
      msg("appsynceventsprovider", String.raw`appsynceventsprovider`, W.hint, "aws-amplify's Event API client"),
      concept("socket", String.raw`\bweb ?sockets?\b`, "the WebSocket"),
      concept("publish", String.raw`\bpublish(?:es|ed|ing)?\b`, "publishing"),
      concept("appsync", String.raw`appsync`, "AppSync"),
      // AppSync's canonical request for an Event API message: POST /event on the HTTP domain.
      msg("/event", String.raw`post(?:\\n|\n)/event(?:\\n|\n)`, W.strong, "the canonical request AppSync expected is POST /event (an Event API message)"),
      msg("/event/realtime", String.raw`/event/realtime`, W.hint, "the Event API's realtime endpoint"),
      msg("signature ", String.raw`signature (?:we calculated does not match|mismatch)`, W.specific, "the SigV4 signature did not match what AppSync computed"),
      msg("angle brackets", String.raw`angle brackets`, W.context, "characters a serializer may escape differently than what was signed"),
      code("BadRequestException", W.weak, "how the Event API's WebSocket reports a signature mismatch"),
      variant(["iam"], W.context, "signed with IAM credentials"),
      // A mismatch on a plain HTTP call is the ordinary SigV4 problem, not this one.
      msg("/graphql", String.raw`post(?:\\n|\n)/graphql`, -W.strong, "a GraphQL request, not an Event API message"),
    ],
    cause:
      "On an AppSync Event API's WebSocket, each IAM-authorized message carries its own SigV4 headers for `POST https://{http domain}/event`, signed over that message's own body: " +
      "`{}` for the connection, `{\"channel\":…}` for a subscribe, `{\"channel\":…,\"events\":[…]}` for a publish. AppSync rebuilds that body from the message and answers " +
      "BadRequestException \"The request signature we calculated does not match…\" when it differs from what was signed: the realtime host or the `/event/realtime` path signed " +
      "instead of the HTTP domain's `/event`, the connection's signature reused for a publish, other events or another channel spelling, or the events serialized differently " +
      "(a publish with `<` `>` in an event failed over the WebSocket while the same body published over HTTP).",
    fix: [
      { text: "Sign each message separately: method POST, the HTTP domain as host, path /event, and as body the JSON of exactly the channel and events the message sends.", snippet: { lang: "ts", code: SIGNED_PUBLISH } },
      { text: "Or let aws-amplify's events client sign (events.connect(channel) then channel.publish(event)), or publish over HTTP (events.post / POST /event), where the signature covers the request body as sent." },
      { text: "If the events hold characters such as < and > and the WebSocket publish still fails, encode the payload (e.g. base64) inside the event, as reported in aws-appsync-community #400, or publish those over HTTP." },
    ],
    source: [
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/14001", note: "BadRequestException, canonical request 'POST /event' on the Event API's WebSocket (IAM)" },
      { kind: "issue", url: "https://github.com/aws/aws-appsync-community/issues/400", note: "WebSocket publish fails with BadRequestException: signature mismatch; HTTP POST of the same body works" },
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/eventapi/event-api-websocket-protocol.html", note: "the Event API WebSocket protocol and its authorization objects" },
    ],
  },
];
