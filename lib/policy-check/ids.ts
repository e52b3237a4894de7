import { appSyncEndpoints } from "../appsync/endpoints";

/**
 * The API id as the GraphQL URL shows it: the first label of `{id}.appsync-api.{region}.amazonaws.com`,
 * or the sandbox's `/appsync/{id}/graphql`. unconfirmed: AWS's endpoint reference calls that label
 * a unique id and does not say it is the API id, so a real environment's id is marked as read from
 * the URL (`fromHost`) for the user to confirm (`aws appsync list-graphql-apis`).
 */
export function apiIdFromUrl(url: string): { apiId?: string; fromHost: boolean } {
  try {
    const parsed = new URL(url);
    const sandbox = /\/appsync\/([^/]+)\/graphql$/.exec(parsed.pathname)?.[1];
    if (sandbox) return { apiId: sandbox, fromHost: false };
    const apiId = appSyncEndpoints(url).apiId;
    return apiId ? { apiId, fromHost: true } : { fromHost: false };
  } catch {
    return { fromHost: false };
  }
}

/** `https://{id}.gateway.bedrock-agentcore.{region}.amazonaws.com/mcp`, or the sandbox's `/agentcore-gateway/{id}/mcp`. */
export function gatewayIdFromUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return /^([a-z0-9-]+)\.gateway\.bedrock-agentcore\./i.exec(parsed.hostname)?.[1] ?? /\/agentcore-gateway\/([^/]+)\/mcp$/.exec(parsed.pathname)?.[1];
  } catch {
    return undefined;
  }
}
