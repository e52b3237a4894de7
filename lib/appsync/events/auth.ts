import { base64url } from "jose";
import { signRequest } from "../../sigv4/sign";
import { CONNECT_HEADERS } from "../realtime-auth";
import { missingFor, type AppSyncCredentials } from "../variants";
import type { EventEndpoints } from "./endpoints";

/**
 * The credential variants an Event API can be called with, and the authorization object each
 * sends — in the `header-…` subprotocol (body `{}`), in each `subscribe` (body
 * `{"channel":…}`) and each `publish` (body `{"channel":…,"events":[…]}`) — as aws-amplify builds
 * it (amplify-js AWSWebSocketProvider/authHeaders.ts; AWSAppSyncEventsProvider
 * _prepareSubscriptionPayload). IAM signs `POST {http domain}/event` with that body, so a
 * signature covers exactly one message (amplify-js #14001 shows AppSync's canonical request
 * `POST /event`).
 */
export const EVENT_VARIANTS = ["api-key", "id-token", "access-token", "iam"] as const;
export type EventVariant = (typeof EVENT_VARIANTS)[number];

export type EventAuthHeader = Record<string, string>;

/** The body an IAM signature covers for each message: the keys in Amplify's order, `events` left out when absent. */
export const signedBody = (channel?: string, events?: readonly string[]) => (channel === undefined ? "{}" : JSON.stringify({ channel, ...(events ? { events } : {}) }));

export async function eventAuthHeader(variant: EventVariant, endpoints: EventEndpoints, credentials: AppSyncCredentials, region: string, body = "{}"): Promise<EventAuthHeader> {
  const missing = missingFor(variant, credentials);
  if (missing) throw new Error(missing);
  switch (variant) {
    case "api-key":
      return { host: endpoints.host, "x-api-key": credentials.apiKey! };
    case "id-token":
      return { host: endpoints.host, Authorization: credentials.idToken! };
    case "access-token":
      return { host: endpoints.host, Authorization: credentials.accessToken! };
    case "iam": {
      const signed = await signRequest({ method: "POST", url: endpoints.httpUrl, headers: CONNECT_HEADERS, body }, { credentials: credentials.aws!, region, service: "appsync" });
      return signed.headers;
    }
  }
}

export const encodeEventSubprotocol = (header: EventAuthHeader) => `header-${base64url.encode(JSON.stringify(header))}`;

/** The HTTP publish as one variant sends it: the body is what an IAM signature covers. */
export async function buildPublishRequest(variant: EventVariant, endpoints: EventEndpoints, channel: string, events: readonly string[], credentials: AppSyncCredentials, region: string) {
  const missing = missingFor(variant, credentials);
  if (missing) throw new Error(missing);
  const body = JSON.stringify({ channel, events });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (variant === "iam") {
    const signed = await signRequest({ method: "POST", url: endpoints.httpUrl, headers, body }, { credentials: credentials.aws!, region, service: "appsync" });
    return { ...signed, body };
  }
  if (variant === "api-key") headers["x-api-key"] = credentials.apiKey!;
  else headers["authorization"] = variant === "id-token" ? credentials.idToken! : credentials.accessToken!;
  return { method: "POST", url: endpoints.httpUrl, headers, body };
}
