// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { readFile } from "node:fs/promises";
import { mergePresets, parsePresets, type PresetList } from "../../lib/config/presets";

/** The deployment's configuration, read from environment variables only. */
interface PresetEnv {
  /** JSON array of environments. */
  AUTH_DEBUGGER_PRESETS?: string;
  /** Path of a JSON file holding the same. */
  AUTH_DEBUGGER_PRESETS_FILE?: string;
  /** Base URL of the local sandbox; its scenarios become presets. Unset in production. */
  AUTH_DEBUGGER_SANDBOX_URL?: string;
  /** Environment selected for someone who has not chosen one yet. */
  AUTH_DEBUGGER_DEFAULT_ENVIRONMENT?: string;
}

const SANDBOX_TIMEOUT_MS = 2_000;

export async function loadPresets(env: PresetEnv, fetchImpl: typeof fetch = fetch): Promise<PresetList> {
  const lists: PresetList[] = [];
  if (env.AUTH_DEBUGGER_PRESETS) lists.push(parsePresets(env.AUTH_DEBUGGER_PRESETS, "AUTH_DEBUGGER_PRESETS"));
  if (env.AUTH_DEBUGGER_PRESETS_FILE) {
    const file = env.AUTH_DEBUGGER_PRESETS_FILE;
    try {
      lists.push(parsePresets(await readFile(file, "utf8"), file));
    } catch (error) {
      lists.push({ environments: [], warnings: [`${file} could not be read: ${(error as NodeJS.ErrnoException).code ?? "error"}`] });
    }
  }
  if (env.AUTH_DEBUGGER_SANDBOX_URL) lists.push(await loadSandboxPresets(env.AUTH_DEBUGGER_SANDBOX_URL, fetchImpl));
  const merged = mergePresets(...lists);
  const wanted = env.AUTH_DEBUGGER_DEFAULT_ENVIRONMENT;
  merged.defaultEnvironmentId =
    wanted && merged.environments.some((p) => p.id === wanted) ? wanted : merged.environments[0]?.id;
  if (wanted && merged.defaultEnvironmentId !== wanted) {
    merged.warnings.push(`AUTH_DEBUGGER_DEFAULT_ENVIRONMENT names "${wanted}", which is not among the presets`);
  }
  return merged;
}

async function loadSandboxPresets(baseUrl: string, fetchImpl: typeof fetch): Promise<PresetList> {
  const url = `${baseUrl.replace(/\/+$/, "")}/_sandbox/environments`;
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(SANDBOX_TIMEOUT_MS), cache: "no-store" });
    if (!response.ok) return { environments: [], warnings: [`The local sandbox at ${baseUrl} answered ${response.status}`] };
    return parsePresets(await response.text(), "the local sandbox", "sandbox");
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? "did not answer within 2 s" : "is not reachable";
    return { environments: [], warnings: [`The local sandbox at ${baseUrl} ${reason}; is it running (npm start)?`] };
  }
}
