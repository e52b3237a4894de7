import type { Scenario } from "../scenario";
import type { ScenarioGateway, ScenarioRuntime } from "./scenario";

/** Every runtime and gateway of every loaded scenario, with the account and region they live in. */

export interface RuntimeRecord extends ScenarioRuntime {
  region: string;
  accountId: string;
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
      const where = { region: scenario.region, accountId: scenario.accountId };
      for (const runtime of scenario.agentCoreRuntimes) this.runtimes.set(runtime.arn, { ...runtime, ...where });
      for (const gateway of scenario.agentCoreGateways) {
        const arn = `arn:aws:bedrock-agentcore:${scenario.region}:${scenario.accountId}:gateway/${gateway.id}`;
        this.gateways.set(gateway.id, { ...gateway, ...where, arn });
      }
    }
  }

  /** The runtime behind an ARN, if it has an endpoint with this qualifier. */
  runtime(arn: string, qualifier: string): RuntimeRecord | undefined {
    const runtime = this.runtimes.get(arn);
    return runtime?.qualifiers.includes(qualifier) ? runtime : undefined;
  }

  gateway(id: string): GatewayRecord | undefined {
    return this.gateways.get(id);
  }
}

/** `{runtime ARN}/runtime-endpoint/{qualifier}`: the endpoint resource AWS also authorizes (aws-cdk #35864). */
export const runtimeEndpointArn = (arn: string, qualifier: string) => `${arn}/runtime-endpoint/${qualifier}`;
