import { loadPresets } from "@/lib/config/load-presets";

// Presets depend on the deployment's environment and on the sandbox being up: never cached.
export const dynamic = "force-dynamic";

export async function GET() {
  const env = process.env;
  const presets = await loadPresets({
    AUTH_DEBUGGER_PRESETS: env.AUTH_DEBUGGER_PRESETS,
    AUTH_DEBUGGER_PRESETS_FILE: env.AUTH_DEBUGGER_PRESETS_FILE,
    AUTH_DEBUGGER_SANDBOX_URL: env.AUTH_DEBUGGER_SANDBOX_URL,
    AUTH_DEBUGGER_DEFAULT_PROFILE: env.AUTH_DEBUGGER_DEFAULT_PROFILE,
  });
  return Response.json(presets, { headers: { "Cache-Control": "no-store" } });
}
