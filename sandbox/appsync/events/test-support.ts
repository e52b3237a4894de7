import { WebSocket } from "ws";
import { signRequest } from "../../../lib/sigv4/sign";
import type { AwsCredentials } from "../test-support";

/** sandbox/scenarios/appsync-events-namespace-modes.json */
export const EVENTS = {
  apiId: "eventsnsapi000000000000001",
  apiKey: "da2-sandboxeventskey0000000001",
  expiredApiKey: "da2-sandboxeventsexpired000001",
  userPoolId: "ap-northeast-1_EvtNs0001",
  clientId: "eventsnsclient000000000001",
  identityPoolId: "ap-northeast-1:6e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4c",
  user: { email: "events@example.com", password: "Events-Passw0rd!" },
  region: "ap-northeast-1",
} as const;

export const httpUrl = (base: string) => `${base}/appsync-events/${EVENTS.apiId}/event`;
export const realtimeUrl = (base: string) => `${httpUrl(base).replace(/^http/, "ws")}/realtime`;

/** The SigV4 headers of `POST {http url}` with `body`, as the authorization object of a WebSocket message carries them. */
export async function iamHeaders(base: string, credentials: AwsCredentials, body: string): Promise<Record<string, string>> {
  const signed = await signRequest(
    { method: "POST", url: httpUrl(base), headers: { accept: "application/json, text/javascript", "content-encoding": "amz-1.0", "content-type": "application/json; charset=UTF-8" }, body },
    { credentials, region: EVENTS.region, service: "appsync" },
  );
  return signed.headers;
}

export type Frame = Record<string, unknown>;

/** A realtime connection whose frames are collected; `next(predicate)` waits for one. */
export class EventSocket {
  readonly frames: Frame[] = [];
  private waiters: { predicate: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
      }
    });
  }

  static open(url: string, protocols: string[]): Promise<EventSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, protocols);
      const socket = new EventSocket(ws);
      ws.once("open", () => resolve(socket));
      ws.once("error", reject);
    });
  }

  static async connect(base: string, authHeader: Record<string, string>): Promise<EventSocket> {
    const socket = await EventSocket.open(realtimeUrl(base), ["aws-appsync-event-ws", `header-${Buffer.from(JSON.stringify(authHeader)).toString("base64url")}`]);
    socket.send({ type: "connection_init" });
    await socket.next((f) => f["type"] === "connection_ack" || f["type"] === "connection_error");
    return socket;
  }

  send(frame: Frame): void {
    this.ws.send(JSON.stringify(frame));
  }

  next(predicate: (f: Frame) => boolean, timeoutMs = 3000): Promise<Frame> {
    const seen = this.frames.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame matched; got ${JSON.stringify(this.frames)}`)), timeoutMs);
      this.waiters.push({ predicate, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  reply(id: string): Promise<Frame> {
    return this.next((f) => f["id"] === id && f["type"] !== "data");
  }

  close(): void {
    this.ws.terminate();
  }
}
