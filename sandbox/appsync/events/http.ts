import { failureResult, jsonResult } from "../errors";
import { flatHeaders } from "../caller";
import type { RawResult, RequestContext } from "../../http/types";
import { authorizeEvent, type EventAuthEnv, type EventApiConfig } from "./authorize";
import type { EventBus } from "./bus";
import { badPublish, broadcast, readChannelForPublish, readEvents } from "./publish";

/**
 * `POST https://{http domain}/event` (here `{sandbox}/appsync-events/{apiId}/event`): "Publishing is
 * the only supported action over the endpoint" (developer guide, publish-http). Body
 * `{"channel":"/ns/path","events":["<JSON string>", …]}`, authorized with the namespace's publish
 * modes; a SigV4 signature covers this exact body (Amplify signs its POST like any AppSync call).
 */
export async function handlePublish(api: EventApiConfig, bus: EventBus, ctx: RequestContext, env: EventAuthEnv): Promise<RawResult> {
  let body: { channel?: unknown; events?: unknown };
  try {
    const parsed: unknown = JSON.parse(ctx.body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    body = parsed as typeof body;
  } catch {
    return failureResult(badPublish("a body that is not a JSON object"));
  }
  const channel = readChannelForPublish(body.channel);
  if (!channel.ok) return failureResult(channel.failure);
  if (!api.channelNamespaces.some((ns) => ns.name === channel.namespace)) return failureResult(badPublish(`a channel in no namespace of this API (${channel.namespace})`));

  const auth = await authorizeEvent(api, "publish", channel.namespace, flatHeaders(ctx.headers), () => ctx, env);
  if (!auth.ok) return failureResult(auth.failure);
  const events = readEvents(body.events);
  if (!events.ok) return failureResult(events.failure);
  return jsonResult(broadcast(bus, channel.path, events.events));
}
