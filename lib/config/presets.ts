import { z } from "zod";
import { toFieldErrors } from "./field-errors";
import { environmentSchema, type Environment } from "./environment";

/**
 * Environments a deployment offers to everyone: from the AUTH_DEBUGGER_PRESETS variable (a JSON
 * array) and from the local sandbox's own list. A broken preset is reported, not fatal: one bad
 * entry must not take the others, or the page, down with it.
 */

export interface PresetList {
  environments: Environment[];
  warnings: string[];
  defaultEnvironmentId?: string;
}

export function parsePresets(text: string, origin: string, source: Environment["source"] = "preset"): PresetList {
  const result: PresetList = { environments: [], warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    result.warnings.push(`${origin} is not valid JSON: ${(error as Error).message}`);
    return result;
  }
  const list = z
    .union([
      z.array(z.unknown()),
      z.object({ environments: z.array(z.unknown()) }).transform((o) => o.environments),
      // The earlier wrapper name, still accepted so existing deployments' preset files keep working.
      z.object({ profiles: z.array(z.unknown()) }).transform((o) => o.profiles),
    ])
    .safeParse(json);
  if (!list.success) {
    result.warnings.push(`${origin} must be a JSON array of environments (or {"environments": [...]})`);
    return result;
  }
  list.data.forEach((item, index) => {
    const parsed = environmentSchema.safeParse(item);
    if (parsed.success) result.environments.push({ ...parsed.data, source });
    else
      result.warnings.push(
        `${origin}[${index}] skipped: ${toFieldErrors(parsed.error)
          .map((e) => e.message)
          .join("; ")}`,
      );
  });
  return result;
}

/** Later lists lose to earlier ones on equal ids, so a deployment's presets win over the sandbox's. */
export function mergePresets(...lists: PresetList[]): PresetList {
  const seen = new Set<string>();
  const merged: PresetList = { environments: [], warnings: [] };
  for (const list of lists) {
    merged.warnings.push(...list.warnings);
    merged.defaultEnvironmentId ??= list.defaultEnvironmentId;
    for (const environment of list.environments) {
      if (seen.has(environment.id)) continue;
      seen.add(environment.id);
      merged.environments.push(environment);
    }
  }
  return merged;
}
