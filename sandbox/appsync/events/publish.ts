import { randomUUID } from "node:crypto";
import type { AwsRefusal } from "../../../lib/errors";
import type { EventBus } from "./bus";
import { parseChannel } from "./channels";

/**
 * What HTTP `POST /event` and a WebSocket `publish` share: the channel, the events (1–5 strings,
 * each valid JSON: "You can publish up to 5 events in a batch. Each specified event in your
 * publish request must be a stringified valid JSON value", developer guide, publish-http), and the
 * answer `{"failed":[],"successful":[{"identifier":"<uuid>","index":0}]}` (developer guide,
 * create-event-api-tutorial: what the console's publisher log shows).
 */

export interface PublishOutcome {
  successful: { identifier: string; index: number }[];
  failed: { identifier: string; index: number; code?: string; message?: string }[];
}

/** unconfirmed: AppSync's status, error name and words for a publish it cannot read; the sandbox's description stands in. */
export const badPublish = (what: string): AwsRefusal => ({ status: 400, errorType: "BadRequestException", message: what, unconfirmed: `AppSync Events' answer to ${what}` });

export function readChannelForPublish(raw: unknown): { ok: true; namespace: string; path: string } | { ok: false; failure: AwsRefusal } {
  const channel = parseChannel(raw, { allowWildcard: false });
  if (!channel.ok) return { ok: false, failure: badPublish(`an unusable channel (${channel.reason})`) };
  return { ok: true, namespace: channel.namespace, path: channel.path };
}

export function readEvents(raw: unknown): { ok: true; events: string[] } | { ok: false; failure: AwsRefusal } {
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, failure: badPublish("a publish without events") };
  if (raw.length > 5) return { ok: false, failure: badPublish("more than 5 events in one publish") };
  for (const event of raw) {
    if (typeof event !== "string") return { ok: false, failure: badPublish("an event that is not a JSON string") };
    try {
      JSON.parse(event);
    } catch {
      return { ok: false, failure: badPublish("an event that is not valid JSON") };
    }
  }
  return { ok: true, events: raw as string[] };
}

/** Broadcasts each event on the channel and reports them all as successful. */
export function broadcast(bus: EventBus, channelPath: string, events: readonly string[]): PublishOutcome {
  const channel = parseChannel(channelPath, { allowWildcard: false });
  if (!channel.ok) throw new Error(channel.reason);
  const successful = events.map((event, index) => {
    bus.publish({ channel, event });
    return { identifier: randomUUID(), index };
  });
  return { successful, failed: [] };
}
