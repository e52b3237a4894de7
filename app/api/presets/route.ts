import { loadPresets } from "@/server/config/load-presets";
import { logEvent } from "@/server/security/log";

/**
 * The deployment's preset environments. It takes no input at all — no query, no body (a GET's
 * body is never read) — so there is nothing to validate beyond the environment itself, which
 * lib/config/presets checks with the environment schema.
 */
// Presets depend on the deployment's environment and on the sandbox being up: never cached.
export const dynamic = "force-dynamic";

let lastWarnings = "";

export async function GET() {
  const env = process.env;
  const presets = await loadPresets({
    AUTH_DEBUGGER_PRESETS: env.AUTH_DEBUGGER_PRESETS,
    AUTH_DEBUGGER_PRESETS_FILE: env.AUTH_DEBUGGER_PRESETS_FILE,
    AUTH_DEBUGGER_SANDBOX_URL: env.AUTH_DEBUGGER_SANDBOX_URL,
    // The older name still works, so deployments configured before the rename keep their default.
    AUTH_DEBUGGER_DEFAULT_ENVIRONMENT: env.AUTH_DEBUGGER_DEFAULT_ENVIRONMENT ?? env.AUTH_DEBUGGER_DEFAULT_PROFILE,
  });
  // Tell the operator once per change, not once per page view.
  const warnings = JSON.stringify(presets.warnings);
  if (presets.warnings.length && warnings !== lastWarnings) logEvent("presets.warnings", { warnings: presets.warnings }, "warn");
  lastWarnings = warnings;
  return Response.json(presets, { headers: { "Cache-Control": "no-store" } });
}
