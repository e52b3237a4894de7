import { z } from "zod";
import { toFieldErrors } from "./field-errors";
import { profileSchema, type Profile } from "./profile";

/**
 * Profiles a deployment offers to everyone: from the AUTH_DEBUGGER_PRESETS variable (a JSON
 * array) and from the local sandbox's own list. A broken preset is reported, not fatal: one bad
 * entry must not take the others, or the page, down with it.
 */

export interface PresetList {
  profiles: Profile[];
  warnings: string[];
  defaultProfileId?: string;
}

export function parsePresets(text: string, origin: string, source: Profile["source"] = "preset"): PresetList {
  const result: PresetList = { profiles: [], warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    result.warnings.push(`${origin} is not valid JSON: ${(error as Error).message}`);
    return result;
  }
  const list = z
    .union([z.array(z.unknown()), z.object({ profiles: z.array(z.unknown()) }).transform((o) => o.profiles)])
    .safeParse(json);
  if (!list.success) {
    result.warnings.push(`${origin} must be a JSON array of profiles (or {"profiles": [...]})`);
    return result;
  }
  list.data.forEach((item, index) => {
    const parsed = profileSchema.safeParse(item);
    if (parsed.success) result.profiles.push({ ...parsed.data, source });
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
  const merged: PresetList = { profiles: [], warnings: [] };
  for (const list of lists) {
    merged.warnings.push(...list.warnings);
    merged.defaultProfileId ??= list.defaultProfileId;
    for (const profile of list.profiles) {
      if (seen.has(profile.id)) continue;
      seen.add(profile.id);
      merged.profiles.push(profile);
    }
  }
  return merged;
}
