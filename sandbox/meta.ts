import type { SandboxService } from "./http/types";
import { sandboxEnvironments } from "./environments";
import type { Scenario } from "./scenario";
import { applyFaultSettings, type Faults } from "./faults";

/**
 * The sandbox's own endpoints, under /_sandbox/ where no AWS path can collide:
 *   GET /_sandbox/health    liveness for scripts and e2e setup
 *   GET /_sandbox/environments  dashboard presets, one per scenario
 *   GET|POST /_sandbox/faults  the faults in effect; change them (faults.ts)
 *   GET /_sandbox/cloudtrail-readers  each scenario's first CloudTrail reader key pair and the
 *     user pools it belongs with, for the dashboard's server (its "sandbox's CloudTrail reader"
 *     lookups). The keys are the ones documented in sandbox/README.md and open nothing outside
 *     the sandbox; the dashboard never hands them to a browser.
 */
export function sandboxMeta(scenarios: readonly Scenario[], faults: Faults): SandboxService {
  return {
    name: "sandbox",
    routes: [
      {
        method: "GET",
        path: /^\/_sandbox\/health$/,
        async handle() {
          return { status: 200, body: { ok: true } };
        },
      },
      {
        method: "GET",
        path: /^\/_sandbox\/faults$/,
        async handle() {
          return { status: 200, body: faults };
        },
      },
      {
        method: "POST",
        path: /^\/_sandbox\/faults$/,
        async handle(_params, ctx) {
          const result = applyFaultSettings(faults, ctx.body);
          return result.ok ? { status: 200, body: result.faults } : { status: 400, body: { message: result.message } };
        },
      },
      {
        method: "GET",
        path: /^\/_sandbox\/cloudtrail-readers$/,
        async handle() {
          return { status: 200, body: { readers: cloudTrailReaders(scenarios) } };
        },
      },
      {
        method: "GET",
        path: /^\/_sandbox\/environments$/,
        async handle(_params, ctx) {
          return { status: 200, body: { environments: sandboxEnvironments(scenarios, ctx.baseUrl) } };
        },
      },
    ],
  };
}

/** One reader per scenario that declares any, with the user pools whose users it stands beside. */
function cloudTrailReaders(scenarios: readonly Scenario[]) {
  return scenarios.flatMap((scenario) => {
    const reader = scenario.cloudTrailReaders[0];
    if (!reader) return [];
    return [
      {
        scenario: scenario.name,
        accountId: scenario.accountId,
        region: scenario.region,
        userPoolIds: scenario.userPools.map((pool) => pool.id),
        accessKeyId: reader.accessKeyId,
        secretAccessKey: reader.secretAccessKey,
      },
    ];
  });
}
