import { createJwksCache, fetchJsonVia } from "../../lib/tokens";
import type { SandboxService } from "../http/types";
import type { Scenario } from "../scenario";
import type { AuthEnv } from "./authenticate";
import { handleGraphql, type ApiRuntime } from "./http";
import { LambdaAuthorizer } from "./lambda";
import { PubSub } from "./pubsub";
import { realtimeRoute } from "./realtime";
import { DataStore } from "./resolvers";
import { buildAppSyncSchema } from "./schema";

/**
 * AWS AppSync GraphQL APIs. AWS gives each API its own host
 * (`{apiId}.appsync-api.{region}.amazonaws.com/graphql`, realtime on `appsync-realtime-api`);
 * the sandbox's one host serves `/appsync/{apiId}/graphql` and `/appsync/{apiId}/graphql/realtime`,
 * the shape lib/appsync/endpoints.ts derives for non-AWS hosts.
 */

interface AppSyncOptions {
  /** Interval of `ka` frames on realtime connections; tests shorten it. */
  keepAliveMs?: number;
  /** How issuers' JWKS are fetched; the TLS listener's own URLs need one that trusts its CA. */
  fetch?: typeof fetch;
}

export function createAppSync(scenarios: readonly Scenario[], now: () => number, options: AppSyncOptions = {}): SandboxService[] {
  const apis = new Map<string, ApiRuntime>();
  for (const scenario of scenarios) {
    for (const api of scenario.appSyncApis) {
      const config = {
        ...api,
        accountId: scenario.accountId,
        modes: new Set([api.defaultAuthMode, ...api.additionalAuthModes]),
        graphqlSchema: buildAppSyncSchema(api.schema),
        ...(api.lambdaAuthorizerConfig ? { lambda: new LambdaAuthorizer(api.lambdaAuthorizerConfig, { id: api.id, accountId: scenario.accountId }) } : {}),
      };
      apis.set(api.id, { config, store: new DataStore(api.data), pubsub: new PubSub() });
    }
  }
  // JWKS are fetched from the token's issuer, as AppSync does; for sandbox pools that is the
  // sandbox itself (GET /{poolId}/.well-known/jwks.json), so keys stay cognito-idp's own.
  const jwks = createJwksCache(options.fetch ? { fetchJson: fetchJsonVia(options.fetch) } : {});
  const env = (baseUrl: string): AuthEnv => ({ baseUrl, now: now(), getJwks: jwks.getJwks });

  return [appSync(apis, env, options), lambdaInvocationsService(apis)];
}

function appSync(apis: ReadonlyMap<string, ApiRuntime>, env: (baseUrl: string) => AuthEnv, options: AppSyncOptions): SandboxService {
  return {
    name: "appsync",
    cors: "open",
    routes: [
      {
        method: "POST",
        path: /^\/appsync\/([^/]+)\/graphql$/,
        async handle([apiId = ""], ctx) {
          const api = apis.get(apiId);
          if (!api) return { status: 404, body: { message: `No AppSync API ${apiId} in the sandbox's scenarios.` } };
          return handleGraphql(api, ctx, env(ctx.baseUrl));
        },
      },
    ],
    upgrades: [realtimeRoute(apis, env, options.keepAliveMs ?? 60_000)],
  };
}

/**
 * `GET /_sandbox/lambda-invocations[?apiId=…]`: what AppSync sent each API's Lambda authorizer
 * (the event, token shortened) and what "the function" did, newest last — the sandbox's stand-in
 * for the function's CloudWatch logs. CORS closed, as for the outbox.
 */
function lambdaInvocationsService(apis: ReadonlyMap<string, ApiRuntime>): SandboxService {
  return {
    name: "sandbox-lambda-invocations",
    cors: "closed",
    routes: [
      {
        method: "GET",
        path: /^\/_sandbox\/lambda-invocations$/,
        async handle(_params, ctx) {
          const wanted = ctx.url.searchParams.get("apiId");
          const invocations = [...apis.values()]
            .filter((api) => api.config.lambda && (!wanted || api.config.id === wanted))
            .flatMap((api) => api.config.lambda!.invocations().map((invocation) => ({ apiId: api.config.id, ...invocation })));
          return { status: 200, body: { invocations } };
        },
      },
    ],
  };
}
