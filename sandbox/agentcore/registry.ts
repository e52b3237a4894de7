import type { Scenario } from "../scenario";
import { ACCOUNT_ID_REQUIRED, noSuchRuntime, type AgentCoreFailure } from "./errors";
import type { ScenarioGateway, ScenarioRuntime } from "./scenario";

/** Every runtime and gateway of every loaded scenario, with the account and region they live in. */

export interface RuntimeRecord extends ScenarioRuntime {
  region: string;
  /** The account in the runtime's ARN: usually the scenario's, another one for cross-account access. */
  accountId: string;
  /** `{name}-{10 characters}`, the last part of the ARN. */
  runtimeId: string;
}

export interface GatewayRecord extends ScenarioGateway {
  region: string;
  accountId: string;
  /** `arn:aws:bedrock-agentcore:{region}:{account}:gateway/{id}`, what InvokeGateway is evaluated on. */
  arn: string;
}

export class AgentCoreRegistry {
  private readonly runtimes = new Map<string, RuntimeRecord>();
  private readonly gateways = new Map<string, GatewayRecord>();

  constructor(scenarios: readonly Scenario[]) {
    for (const scenario of scenarios) {
      for (const runtime of scenario.agentCoreRuntimes) {
        const [, , , region = scenario.region, accountId = scenario.accountId] = runtime.arn.split(":");
        this.runtimes.set(runtime.arn, { ...runtime, region, accountId, runtimeId: runtime.arn.split("/").pop()! });
      }
      for (const gateway of scenario.agentCoreGateways) {
        const arn = `arn:aws:bedrock-agentcore:${scenario.region}:${scenario.accountId}:gateway/${gateway.id}`;
        this.gateways.set(gateway.id, { ...gateway, region: scenario.region, accountId: scenario.accountId, arn });
      }
    }
  }

  /** The runtime behind an ARN, if it has an endpoint with this qualifier. */
  runtime(arn: string, qualifier: string): RuntimeRecord | undefined {
    const runtime = this.runtimes.get(arn);
    return runtime?.qualifiers.includes(qualifier) ? runtime : undefined;
  }

  /** The runtime with this id in this account (the sandbox serves every region at one endpoint). */
  runtimeById(runtimeId: string, accountId: string, qualifier: string): RuntimeRecord | undefined {
    for (const runtime of this.runtimes.values()) {
      if (runtime.runtimeId === runtimeId && runtime.accountId === accountId) return runtime.qualifiers.includes(qualifier) ? runtime : undefined;
    }
    return undefined;
  }

  gateway(id: string): GatewayRecord | undefined {
    return this.gateways.get(id);
  }
}

/**
 * The runtime a path names: its ARN, or its id together with `?accountId=` (the service model's
 * agentRuntimeArn: "You can specify either the full … ARN or the agent ID. If you use the agent ID,
 * you must also provide the accountId query parameter").
 */
export function resolveRuntime(
  registry: AgentCoreRegistry,
  identifier: string,
  qualifier: string,
  url: URL,
): { ok: true; runtime: RuntimeRecord } | { ok: false; failure: AgentCoreFailure } {
  if (identifier.startsWith("arn:")) {
    const runtime = registry.runtime(identifier, qualifier);
    return runtime ? { ok: true, runtime } : { ok: false, failure: noSuchRuntime(identifier, qualifier) };
  }
  const accountId = url.searchParams.get("accountId");
  if (!accountId) return { ok: false, failure: ACCOUNT_ID_REQUIRED };
  const runtime = registry.runtimeById(identifier, accountId, qualifier);
  // Unconfirmed: the wording for an id that names no runtime; the ARN form's text is reused.
  return runtime ? { ok: true, runtime } : { ok: false, failure: noSuchRuntime(identifier, qualifier) };
}

/** `{runtime ARN}/runtime-endpoint/{qualifier}`: the endpoint resource AWS also authorizes (aws-cdk #35864). */
export const runtimeEndpointArn = (arn: string, qualifier: string) => `${arn}/runtime-endpoint/${qualifier}`;
