import { base64url } from "jose";
import { signRequest } from "../sigv4/sign";
import type { AppSyncEndpoints } from "./endpoints";
import { missingFor, type AppSyncCredentials, type AppSyncVariant } from "./variants";

/**
 * The authorization object AppSync's realtime endpoint expects, once in the connection request
 * (as the `header-…` subprotocol or the legacy `?header=` query) and again in each `start`
 * message's `extensions.authorization` (AppSync devguide, "real-time WebSocket client").
 */
type RealtimeAuthHeader = Record<string, string>;

/** Headers aws-amplify sends with the IAM connect signature; AppSync signs over them. */
export const CONNECT_HEADERS = {
  accept: "application/json, text/javascript",
  "content-encoding": "amz-1.0",
  "content-type": "application/json; charset=UTF-8",
};

/**
 * `payload` is what the header authorizes: `{}` for the connection itself, the serialized
 * `{query, variables}` for a `start` message.
 */
export async function realtimeAuthHeader(
  variant: AppSyncVariant,
  endpoints: AppSyncEndpoints,
  credentials: AppSyncCredentials,
  region: string,
  payload = "{}",
): Promise<RealtimeAuthHeader> {
  const missing = missingFor(variant, credentials);
  if (missing) throw new Error(missing);
  switch (variant) {
    case "api-key":
      return { host: endpoints.host, "x-amz-date": amzDate(new Date()), "x-api-key": credentials.apiKey! };
    case "id-token":
      return { host: endpoints.host, Authorization: credentials.idToken! };
    case "access-token":
      return { host: endpoints.host, Authorization: credentials.accessToken! };
    // AWS_LAMBDA: the token as Authorization beside host (aws-amplify/amplify-js
    // packages/api-graphql/src/Providers/AWSWebSocketProvider/authHeaders.ts, customAuthHeader).
    case "lambda-token":
      return { host: endpoints.host, Authorization: credentials.lambdaToken! };
    case "iam": {
      const url = payload === "{}" ? endpoints.connectUrl : endpoints.graphqlUrl;
      const signed = await signRequest(
        { method: "POST", url, headers: CONNECT_HEADERS, body: payload },
        { credentials: credentials.aws!, region, service: "appsync" },
      );
      return signed.headers;
    }
  }
}

/** base64url of the JSON header, as the `header-` subprotocol carries it. */
export function encodeAuthSubprotocol(header: RealtimeAuthHeader): string {
  return `header-${base64url.encode(JSON.stringify(header))}`;
}

/** The legacy form: `?header=<base64>&payload=e30=` on the realtime URL. */
export function legacyRealtimeUrl(endpoints: AppSyncEndpoints, header: RealtimeAuthHeader): string {
  const url = new URL(endpoints.realtimeUrl);
  url.searchParams.set("header", base64(JSON.stringify(header)));
  url.searchParams.set("payload", base64("{}"));
  return url.toString();
}

function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Standard base64 of UTF-8 text (the legacy query form is not URL-safe base64). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
