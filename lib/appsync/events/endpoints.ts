import { hostOf } from "../../http/host";

/**
 * An Event API's two endpoints from its HTTP one. On AWS the HTTP domain is
 * `{dns}.appsync-api.{region}.amazonaws.com` and the realtime domain swaps in
 * `appsync-realtime-api`, path `/event/realtime` (developer guide, event-api-websocket-protocol);
 * any other host (a custom domain, the sandbox) gets `/realtime` appended to the `…/event` URL,
 * as aws-amplify does (amplify-js AWSWebSocketProvider/appsyncUrl.ts, getRealtimeEndpointUrl).
 */
export interface EventEndpoints {
  httpUrl: string;
  realtimeUrl: string;
  /** The HTTP domain: what `host` says in every authorization object, WebSocket ones included. */
  host: string;
}

const AWS_EVENT_HOST = /^[a-z0-9]+\.appsync-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

export function eventEndpoints(httpUrl: string): EventEndpoints {
  const url = new URL(httpUrl);
  const realtime = new URL(url);
  realtime.protocol = url.protocol === "http:" ? "ws:" : "wss:";
  if (AWS_EVENT_HOST.test(url.hostname)) realtime.hostname = url.hostname.replace(".appsync-api.", ".appsync-realtime-api.");
  realtime.pathname = `${url.pathname.replace(/\/$/, "")}/realtime`;
  return { httpUrl: url.toString(), realtimeUrl: realtime.toString(), host: hostOf(httpUrl) };
}
