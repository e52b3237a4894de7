/**
 * AppSync's endpoints for one API. The realtime host follows AWS's naming
 * (`appsync-api` → `appsync-realtime-api`); any other host (custom domains, the local sandbox)
 * serves realtime at `{graphql url}/realtime`, which is also what aws-amplify assumes.
 */

const AWS_HOST = /^([a-z0-9]+)\.appsync-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

export interface AppSyncEndpoints {
  graphqlUrl: string;
  realtimeUrl: string;
  /** Signed with `{}` as body for IAM realtime auth (AppSync devguide, "real-time WebSocket client"). */
  connectUrl: string;
  /** The host AppSync expects inside realtime auth headers: the GraphQL (not realtime) host. */
  host: string;
  apiId?: string;
}

export function appSyncEndpoints(graphqlUrl: string): AppSyncEndpoints {
  const url = new URL(graphqlUrl);
  const aws = AWS_HOST.exec(url.hostname);
  const wsProtocol = url.protocol === "https:" ? "wss:" : "ws:";
  const realtime = new URL(url);
  realtime.protocol = wsProtocol;
  if (aws) realtime.hostname = url.hostname.replace(".appsync-api.", ".appsync-realtime-api.");
  else realtime.pathname = `${url.pathname.replace(/\/+$/, "")}/realtime`;
  return {
    graphqlUrl: url.toString(),
    realtimeUrl: realtime.toString(),
    connectUrl: `${url.toString().replace(/\/+$/, "")}/connect`,
    host: url.host,
    apiId: aws?.[1] ?? /\/appsync\/([^/]+)\/graphql$/.exec(url.pathname)?.[1],
  };
}
