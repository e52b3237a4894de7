import type { SandboxService } from "./http/types";
import { sandboxEnvironments } from "./environments";
import type { Scenario } from "./scenario";
import { applyFaultSettings, type Faults } from "./faults";

/**
 * The sandbox's own endpoints, under /_sandbox/ where no AWS path can collide:
 *   GET /_sandbox/health    liveness for scripts and e2e setup
 *   GET /_sandbox/environments  dashboard presets, one per scenario
 *   GET|POST /_sandbox/faults  the faults in effect; change them (faults.ts)
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
        path: /^\/_sandbox\/environments$/,
        async handle(_params, ctx) {
          return { status: 200, body: { environments: sandboxEnvironments(scenarios, ctx.baseUrl) } };
        },
      },
    ],
  };
}
