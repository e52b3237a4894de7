import type { AwsRefusal } from "../../../lib/errors";
import { UNCONFIRMED_WORDING_HEADER } from "../../../lib/http/unconfirmed-wording";
import { WebSocket } from "ws";
import { flatHeaders } from "../caller";
import { authorizeEvent, type EventAuthEnv, type EventApiConfig, type SignedRequest } from "./authorize";
import type { EventBus, PublishedEvent } from "./bus";
import { parseChannel, subscriptionMatches, type ParsedChannel } from "./channels";
import { badPublish, broadcast, readEvents } from "./publish";

/**
 * One connection on the Event API's realtime endpoint, in the `aws-appsync-event-ws` protocol
 * (developer guide, event-api-websocket-protocol; the frames as aws-amplify's
 * AWSAppSyncEventsProvider and AWSWebSocketProvider send and read them):
 *  connection_init → `{"type":"connection_ack","connectionTimeoutMs":300000}` and `ka` frames;
 *  subscribe {id, channel, authorization} → subscribe_success {id} | subscribe_error {id, errors};
 *  publish {id, channel, events, authorization} → publish_success {id, successful, failed} |
 *    publish_error {id, errors} (amplify-js settles a publish on exactly these two types);
 *  data {id, event: "<one event, a JSON string>"} for each event on a matching channel;
 *  unsubscribe {id} → unsubscribe_success {id}.
 * Unlike the GraphQL dialect, acks and errors carry their fields at the top level, not in
 * `payload` (amplify-js reads `connectionTimeoutMs` and `errors` from the frame itself).
 */

export type ConnectAuth = { kind: "header"; header: Record<string, unknown> } | { kind: "missing" } | { kind: "unreadable" };

interface ConnectionOptions {
  env: () => EventAuthEnv;
  baseUrl: string;
  keepAliveMs: number;
}

const CONNECTION_TIMEOUT_MS = 300_000;
type Subscription = Extract<ParsedChannel, { ok: true }>;

const errorsOf = (failure: AwsRefusal) => [{ errorType: failure.errorType, ...(failure.message ? { message: failure.message } : {}) }];
/**
 * A frame cannot carry the `x-sandbox-unconfirmed` header, so an error frame whose words no public
 * source shows carries it as a top-level field of the same name (AWS never sends one), for the
 * dashboard to show the answer as not confirmed.
 */
const unconfirmedOf = (failure: AwsRefusal) => (failure.unconfirmed ? { [UNCONFIRMED_WORDING_HEADER]: failure.unconfirmed } : {});

export class EventConnection {
  private readonly subscriptions = new Map<string, Subscription>();
  private queue: Promise<void> = Promise.resolve();
  private keepAlive: NodeJS.Timeout | undefined;
  private unsubscribeBus: (() => void) | undefined;
  private refused = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly api: EventApiConfig,
    private readonly bus: EventBus,
    private readonly options: ConnectionOptions,
  ) {
    ws.on("close", () => this.dispose());
    ws.on("error", () => this.dispose());
    this.unsubscribeBus = bus.subscribe((published) => this.deliver(published));
  }

  open(auth: ConnectAuth): void {
    this.queue = this.authenticateConnection(auth).catch(() => this.ws.terminate());
    this.ws.on("message", (data) => {
      this.queue = this.queue.then(() => this.onMessage(String(data))).catch(() => this.ws.terminate());
    });
  }

  /** connection_error, then the socket drops, as on the GraphQL endpoint. */
  refuse(errors: Record<string, unknown>[], unconfirmed?: string): void {
    if (this.refused || this.ws.readyState !== WebSocket.OPEN) return;
    this.refused = true;
    this.ws.send(JSON.stringify({ type: "connection_error", errors, ...(unconfirmed ? { [UNCONFIRMED_WORDING_HEADER]: unconfirmed } : {}) }), () => this.ws.terminate());
    this.dispose();
  }

  private async authenticateConnection(auth: ConnectAuth): Promise<void> {
    // unconfirmed: the Event API's words for a connection without (or with an unreadable) header
    // subprotocol; the GraphQL endpoint's ("Required headers are missing.", graphql-client #662) stand in.
    if (auth.kind === "missing") return this.refuse([{ errorType: "UnauthorizedException", message: "Required headers are missing." }], "the Event API's answer to a connection without the header subprotocol");
    if (auth.kind === "unreadable") return this.refuse([{ errorType: "UnauthorizedException", message: "You are not authorized to make this call." }], "the Event API's answer to an unreadable header subprotocol");
    const headers = flatHeaders(auth.header);
    // The IAM connect header signs `POST {http domain}/event` with the body `{}` (amplify-js
    // AWSWebSocketProvider: payload '{}'; amplify-js #14001 shows AppSync's canonical request 'POST\n/event').
    const result = await authorizeEvent(this.api, "connect", undefined, headers, () => this.signedPost(headers, "{}"), this.options.env());
    if (!result.ok) this.refuse(errorsOf(result.failure), result.failure.unconfirmed);
  }

  /** The request an authorization object's SigV4 headers sign: POST on the HTTP domain's `/event`. */
  private signedPost(headers: Record<string, string | undefined>, body: string): SignedRequest {
    const base = new URL(this.options.baseUrl);
    const path = `/appsync-events/${this.api.id}/event`;
    let url = new URL(path, base);
    try {
      url = new URL(`${base.protocol}//${headers["host"] ?? base.host}${path}`);
    } catch {
      // an unusable host: verify against the sandbox's own, and let the signature fail
    }
    return { baseUrl: this.options.baseUrl, method: "POST", url, headers, body: Buffer.from(body, "utf8") };
  }

  private send(frame: Record<string, unknown>): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private async onMessage(text: string): Promise<void> {
    if (this.refused || this.ws.readyState !== WebSocket.OPEN) return;
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // unconfirmed: AppSync's frame for text that is not JSON.
      return this.send({ type: "error", errors: [{ errorType: "BadRequestException", message: "The message is not JSON." }], [UNCONFIRMED_WORDING_HEADER]: "the frame for a message that is not JSON" });
    }
    const id = typeof message["id"] === "string" ? message["id"] : undefined;
    switch (message["type"]) {
      case "connection_init":
        this.send({ type: "connection_ack", connectionTimeoutMs: CONNECTION_TIMEOUT_MS });
        this.send({ type: "ka" });
        clearInterval(this.keepAlive);
        this.keepAlive = setInterval(() => this.send({ type: "ka" }), this.options.keepAliveMs);
        this.keepAlive.unref();
        return;
      case "subscribe":
        return this.subscribe(id, message);
      case "publish":
        return this.publish(id, message);
      case "unsubscribe":
        if (id) this.subscriptions.delete(id);
        return this.send({ type: "unsubscribe_success", id });
      default:
        // unconfirmed: AppSync's frame for an unknown message type.
        return this.send({ type: "error", ...(id ? { id } : {}), errors: [{ errorType: "BadRequestException", message: `Unknown message type ${String(message["type"])}.` }], [UNCONFIRMED_WORDING_HEADER]: "the frame for an unknown message type" });
    }
  }

  private headersOf(message: Record<string, unknown>) {
    const authorization = message["authorization"];
    return flatHeaders(typeof authorization === "object" && authorization !== null ? (authorization as Record<string, unknown>) : {});
  }

  /** IAM: the signature covers `{"channel":…}` as the client sent it (amplify-js _prepareSubscriptionPayload: `events` undefined drops out of the JSON). */
  private async subscribe(id: string | undefined, message: Record<string, unknown>): Promise<void> {
    const fail = (failure: AwsRefusal) => this.send({ type: "subscribe_error", ...(id ? { id } : {}), errors: errorsOf(failure), ...unconfirmedOf(failure) });
    if (!id) return fail(badPublish("a subscribe message without an id"));
    const channel = parseChannel(message["channel"], { allowWildcard: true });
    if (!channel.ok) return fail(badPublish(`an unusable channel (${channel.reason})`));
    if (!this.api.channelNamespaces.some((ns) => ns.name === channel.namespace)) return fail(badPublish(`a channel in no namespace of this API (${channel.namespace})`));
    const headers = this.headersOf(message);
    const body = JSON.stringify({ channel: message["channel"] });
    const auth = await authorizeEvent(this.api, "subscribe", channel.namespace, headers, () => this.signedPost(headers, body), this.options.env());
    if (!auth.ok) return fail(auth.failure);
    this.subscriptions.set(id, channel);
    this.send({ type: "subscribe_success", id });
  }

  /**
   * IAM: the signature covers `{"channel":…,"events":[…]}`, the message's own channel and events
   * serialized in that order (amplify-js _prepareSubscriptionPayload). A client that signs
   * anything else — another event list, another spelling of the channel — gets the SigV4
   * mismatch (aws/aws-appsync-community #400: the same body that publishes over HTTP failed over
   * the WebSocket with "BadRequestException: signature mismatch").
   */
  private async publish(id: string | undefined, message: Record<string, unknown>): Promise<void> {
    const fail = (failure: AwsRefusal) => this.send({ type: "publish_error", ...(id ? { id } : {}), errors: errorsOf(failure), ...unconfirmedOf(failure) });
    if (!id) return fail(badPublish("a publish message without an id"));
    const channel = parseChannel(message["channel"], { allowWildcard: false });
    if (!channel.ok) return fail(badPublish(`an unusable channel (${channel.reason})`));
    if (!this.api.channelNamespaces.some((ns) => ns.name === channel.namespace)) return fail(badPublish(`a channel in no namespace of this API (${channel.namespace})`));
    const headers = this.headersOf(message);
    const body = JSON.stringify({ channel: message["channel"], events: message["events"] });
    const auth = await authorizeEvent(this.api, "publish", channel.namespace, headers, () => this.signedPost(headers, body), this.options.env());
    if (!auth.ok) return fail(auth.failure);
    const events = readEvents(message["events"]);
    if (!events.ok) return fail(events.failure);
    const outcome = broadcast(this.bus, channel.path, events.events);
    this.send({ type: "publish_success", id, ...outcome });
  }

  /** Each event goes out on its own `data` frame, `event` being the JSON string as published (amplify-js _handleSubscriptionData parses it). */
  private deliver(published: PublishedEvent): void {
    if (this.refused) return;
    for (const [id, subscription] of this.subscriptions) {
      if (subscriptionMatches(subscription, published.channel)) this.send({ type: "data", id, event: published.event });
    }
  }

  private dispose(): void {
    clearInterval(this.keepAlive);
    this.unsubscribeBus?.();
    this.unsubscribeBus = undefined;
    this.subscriptions.clear();
  }
}
