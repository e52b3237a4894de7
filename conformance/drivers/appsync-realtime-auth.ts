import type { WebSocketCall } from "../schema";
import type { ScenarioContext } from "../scenario-context";
import { resolveValue, type ResolveOptions } from "../template";

/**
 * AppSync realtime authorization, as AWS's clients send it (AppSync devguide, "Building a real-time
 * WebSocket client"; aws-amplify/amplify-js AWSWebSocketProvider): the header object JSON-encoded,
 * then either base64url in a `header-…` subprotocol next to `graphql-ws`, or standard base64 in
 * the legacy `?header=…&payload=e30=` query (`e30=` is `{}`). Encoded here, with Node's Buffer,
 * not with the dashboard's own encoder.
 */
export async function applyAppSyncAuth(
  auth: NonNullable<WebSocketCall["appsyncAuth"]>,
  url: string,
  protocols: string[],
  ctx: ScenarioContext,
  options: ResolveOptions,
): Promise<{ url: string; protocols: string[] }> {
  const json = JSON.stringify(await resolveValue(auth.header, ctx, options));
  if (auth.in === "subprotocol") return { url, protocols: [...protocols, `header-${Buffer.from(json, "utf8").toString("base64url")}`] };
  const withQuery = new URL(url);
  withQuery.searchParams.set("header", Buffer.from(json, "utf8").toString("base64"));
  withQuery.searchParams.set("payload", Buffer.from("{}", "utf8").toString("base64"));
  return { url: withQuery.toString(), protocols };
}
