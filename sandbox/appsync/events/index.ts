import { createJwksCache, fetchJsonVia } from "../../../lib/tokens";
import type { SandboxService } from "../../http/types";
import type { Scenario } from "../../scenario";
import type { EventAuthEnv } from "./authorize";
import { EventBus } from "./bus";
import { handlePublish } from "./http";
import { eventRealtimeRoute, type EventApiRuntime } from "./realtime";

/**
 * AWS AppSync Event APIs from each scenario's `appSyncEventApis`. AWS gives each API an HTTP
 * domain (`https://{dns}.appsync-api.{region}.amazonaws.com/event`) and a realtime domain
 * (`wss://{dns}.appsync-realtime-api.{region}.amazonaws.com/event/realtime`); the sandbox serves
 * `/appsync-events/{apiId}/event` and `/appsync-events/{apiId}/event/realtime`.
 */

interface EventOptions {
  keepAliveMs?: number;
  fetch?: typeof fetch;
}

export function createAppSyncEvents(scenarios: readonly Scenario[], now: () => number, options: EventOptions = {}): SandboxService {
  const apis = new Map<string, EventApiRuntime>();
  for (const scenario of scenarios) {
    for (const api of scenario.appSyncEventApis) apis.set(api.id, { config: { ...api, accountId: scenario.accountId }, bus: new EventBus() });
  }
  const jwks = createJwksCache(options.fetch ? { fetchJson: fetchJsonVia(options.fetch) } : {});
  const env = (baseUrl: string): EventAuthEnv => ({ baseUrl, now: now(), getJwks: jwks.getJwks });
  return {
    name: "appsync-events",
    cors: "open",
    routes: [
      {
        method: "POST",
        path: /^\/appsync-events\/([^/]+)\/event$/,
        async handle([apiId = ""], ctx) {
          const api = apis.get(apiId);
          if (!api) return { status: 404, body: { message: `No AppSync Event API ${apiId} in the sandbox's scenarios.` } };
          return handlePublish(api.config, api.bus, ctx, env(ctx.baseUrl));
        },
      },
    ],
    upgrades: [eventRealtimeRoute(apis, env, options.keepAliveMs ?? 60_000)],
  };
}
