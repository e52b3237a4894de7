import { execute } from "graphql";
import { WebSocket } from "ws";
import { authenticate, type AuthEnv } from "./authenticate";
import { flatHeaders } from "./caller";
import { formatExecutionError } from "./format";
import type { ApiRuntime } from "./http";
import type { Publication } from "./pubsub";
import { registerSubscription, type Subscription } from "./realtime-start";
import { fieldResolver } from "./resolvers";

/**
 * One realtime connection, speaking AppSync's `graphql-ws` dialect (AppSync devguide, "Building
 * a real-time WebSocket client"): connection_init → connection_ack {connectionTimeoutMs} and
 * periodic `ka`; start → start_ack or error; data for each matching mutation; stop → complete.
 */

export type ConnectAuth =
  | { kind: "header"; header: Record<string, unknown>; payload: string }
  | { kind: "missing" }
  | { kind: "unreadable" };

interface ConnectionOptions {
  env: () => AuthEnv;
  baseUrl: string;
  keepAliveMs: number;
}

/** AppSync's connection_ack value: five minutes without `ka` means the connection is gone. */
const CONNECTION_TIMEOUT_MS = 300_000;
/** The wording AppSync's realtime endpoint refuses a connection with, whatever the reason. */
const NOT_AUTHORIZED = { errorType: "UnauthorizedException", message: "You are not authorized to make this call.", errorCode: 401 };

export class RealtimeConnection {
  private readonly subscriptions = new Map<string, Subscription>();
  private queue: Promise<void> = Promise.resolve();
  private keepAlive: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private refused = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly api: ApiRuntime,
    private readonly options: ConnectionOptions,
  ) {
    ws.on("close", () => this.dispose());
    ws.on("error", () => this.dispose());
    this.unsubscribe = api.pubsub.subscribe((publication) => {
      this.queue = this.queue.then(() => this.deliver(publication)).catch(() => undefined);
    });
  }

  /** Authenticates the connection; frames that arrive meanwhile wait their turn. */
  open(auth: ConnectAuth): void {
    // A sandbox fault while authenticating drops the connection rather than leaving it half open.
    this.queue = this.authenticateConnection(auth).catch(() => this.ws.terminate());
    this.ws.on("message", (data) => {
      this.queue = this.queue.then(() => this.onMessage(String(data))).catch(() => this.ws.terminate());
    });
  }

  /**
   * connection_error, then the socket is dropped without a close handshake, as clients report
   * of AppSync ("closed the WebSocket connection without completing the close handshake", #591).
   */
  refuse(error: Record<string, unknown>): void {
    if (this.refused || this.ws.readyState !== WebSocket.OPEN) return;
    this.refused = true;
    this.ws.send(JSON.stringify({ type: "connection_error", payload: { errors: [error] } }), () => this.ws.terminate());
    this.dispose();
  }

  private async authenticateConnection(auth: ConnectAuth): Promise<void> {
    if (auth.kind === "missing") return this.refuse({ message: "Required headers are missing.", errorCode: 400 });
    if (auth.kind === "unreadable") return this.refuse(NOT_AUTHORIZED);
    const headers = flatHeaders(auth.header);
    // IAM connect signs `POST {graphql url}/connect` with the payload as body, not this GET.
    // Unconfirmed: what requestContext carries for the connection itself, which has no operation.
    const result = await authenticate(
      this.api.config,
      headers,
      this.options.env(),
      () => ({ ctx: this.virtualPost("/connect", headers, auth.payload), fields: [] }),
      () => ({ queryString: "", variables: {} }),
    );
    if (!result.ok) this.refuse(NOT_AUTHORIZED);
  }

  /** The signed request a header object stands for, on the host the client signed for. */
  virtualPost(suffix: string, headers: Record<string, string | undefined>, body: string) {
    const base = new URL(this.options.baseUrl);
    const path = `/appsync/${this.api.config.id}/graphql${suffix}`;
    let url = new URL(path, base);
    try {
      url = new URL(`${base.protocol}//${headers["host"] ?? base.host}${path}`);
    } catch {
      // an unusable host: verify against the sandbox's own, and let the signature fail
    }
    return { baseUrl: this.options.baseUrl, method: "POST", url, headers, body: Buffer.from(body, "utf8") };
  }

  send(frame: Record<string, unknown>): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private async onMessage(text: string): Promise<void> {
    if (this.refused || this.ws.readyState !== WebSocket.OPEN) return;
    let message: { type?: unknown; id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return this.send({ type: "error", payload: { errors: [{ errorType: "UnsupportedOperation", message: "Unable to parse the message." }] } });
    }
    const id = typeof message.id === "string" ? message.id : undefined;
    switch (message.type) {
      case "connection_init":
        // A wscat session against AppSync shows a `ka` right after the ack, then about one a minute.
        this.send({ type: "connection_ack", payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
        this.send({ type: "ka" });
        clearInterval(this.keepAlive);
        this.keepAlive = setInterval(() => this.send({ type: "ka" }), this.options.keepAliveMs);
        this.keepAlive.unref();
        return;
      case "start": {
        const registered = await registerSubscription(this, this.api, id, message.payload, this.options.env());
        if (registered.ok && id) this.subscriptions.set(id, registered.subscription);
        return this.send(registered.ok ? { id, type: "start_ack" } : { ...(id ? { id } : {}), type: "error", payload: { errors: registered.errors } });
      }
      case "stop":
        if (id) this.subscriptions.delete(id);
        return this.send({ id, type: "complete" });
      default:
        // Unconfirmed wording; AppSync's text for an unknown message type was not found.
        return this.send({ type: "error", payload: { errors: [{ errorType: "UnsupportedOperation", message: `Unknown message type ${String(message.type)}.` }] } });
    }
  }

  /** Runs each matching subscription's selection over the mutation result, as its subscriber. */
  private async deliver(publication: Publication): Promise<void> {
    for (const [id, sub] of this.subscriptions) {
      const fields = sub.fields.filter((f) => f.mutations.includes(publication.mutation));
      if (fields.length === 0) continue;
      const result = await execute({
        schema: this.api.config.graphqlSchema,
        document: sub.document,
        rootValue: Object.fromEntries(fields.map((f) => [f.field, publication.payload])),
        variableValues: sub.variables,
        contextValue: { api: this.api.config, caller: sub.caller, store: this.api.store },
        fieldResolver,
      });
      // Argument filters null a root field out (see resolvers.ts): nothing to send.
      if (result.data && fields.every((f) => result.data![f.responseKey] === null) && !result.errors) continue;
      const errors = result.errors?.map(formatExecutionError);
      this.send({ id, type: "data", payload: { data: result.data ?? null, ...(errors?.length ? { errors } : {}) } });
    }
  }

  private dispose(): void {
    clearInterval(this.keepAlive);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscriptions.clear();
  }
}
