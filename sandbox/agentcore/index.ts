import type { HttpResult, SandboxService } from "../http/types";
import type { Scenario } from "../scenario";
import { failureResult, NO_ROUTE } from "./errors";
import { createAgentCoreGateway } from "./gateway";
import { handleInvocation } from "./invoke";
import { DiscoveryKeys, type JwtEnv } from "./jwt";
import { protectedResource } from "./metadata";
import { parseRuntimePath } from "./paths";
import { AgentCoreRegistry, resolveRuntime } from "./registry";
import { runtimeWebSocketRoute } from "./ws";

/**
 * Amazon Bedrock AgentCore: runtimes (`bedrock-agentcore.{region}.amazonaws.com`, here
 * `/agentcore`) and gateways (`{id}.gateway.bedrock-agentcore…`, here `/agentcore-gateway/{id}`).
 * They are two services because AWS treats browsers differently: AWS's own full-stack sample
 * calls a runtime from the browser with fetch (so runtimes answer preflights), while nothing
 * public shows a gateway doing so.
 */
interface AgentCoreOptions {
  /** How discovery documents and JWKS are fetched; the TLS listener's own URLs need one that trusts its CA. */
  fetch?: typeof fetch;
}

export function createAgentCore(scenarios: readonly Scenario[], now: () => number, options: AgentCoreOptions = {}): SandboxService[] {
  const registry = new AgentCoreRegistry(scenarios);
  const keys = new DiscoveryKeys(options.fetch);
  const jwtEnv = (baseUrl: string): JwtEnv => ({ baseUrl, now: now(), keys });

  const metadata = async (ctx: Parameters<typeof handleInvocation>[0]): Promise<HttpResult> => {
    const path = parseRuntimePath(ctx.url.pathname);
    if (path.kind !== "metadata") return failureResult(NO_ROUTE);
    const qualifier = ctx.url.searchParams.get("qualifier") ?? "DEFAULT";
    const resolved = resolveRuntime(registry, path.arn, qualifier, ctx.url);
    if (!resolved.ok) return failureResult(resolved.failure);
    // The resource names the endpoint the token is for, qualifier included (see metadata.ts).
    const resource = `${ctx.baseUrl}/agentcore/runtimes/${encodeURIComponent(resolved.runtime.arn)}/invocations?qualifier=${encodeURIComponent(qualifier)}`;
    return protectedResource(resource, resolved.runtime.authorizer, ctx.baseUrl);
  };

  const runtimes: SandboxService = {
    name: "agentcore",
    cors: "open",
    routes: [
      // Every POST under /agentcore is AgentCore's to answer, including the paths AWS does not route.
      { method: "POST", path: /^\/agentcore(?:\/.*)?$/, handle: (_params, ctx) => handleInvocation(ctx, registry, jwtEnv(ctx.baseUrl)) },
      { method: "GET", path: /^\/agentcore(?:\/.*)?$/, handle: (_params, ctx) => metadata(ctx) },
    ],
    upgrades: [runtimeWebSocketRoute(registry, jwtEnv)],
  };
  return [runtimes, createAgentCoreGateway(registry, jwtEnv)];
}
