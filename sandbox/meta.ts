import type { SandboxService } from "./http/types";
import { sandboxProfiles } from "./profiles";
import type { Scenario } from "./scenario";

/**
 * The sandbox's own endpoints, under /_sandbox/ where no AWS path can collide:
 *   GET /_sandbox/health    liveness for scripts and e2e setup
 *   GET /_sandbox/profiles  dashboard presets, one per scenario
 */
export function sandboxMeta(scenarios: readonly Scenario[]): SandboxService {
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
        path: /^\/_sandbox\/profiles$/,
        async handle(_params, ctx) {
          return { status: 200, body: { profiles: sandboxProfiles(scenarios, ctx.baseUrl) } };
        },
      },
    ],
  };
}
