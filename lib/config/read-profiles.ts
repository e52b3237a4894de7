import { z } from "zod";
import { toFieldErrors } from "./field-errors";
import { profileSchema } from "./profile";
import { PROFILES_KEY, type KeyValueStore, type StoredProfiles } from "./profile-store";

/** Saved profiles, each checked against the schema: one edited by hand is reported, not dropped. */
export function readProfiles(store: KeyValueStore): StoredProfiles {
  const raw = store.getItem(PROFILES_KEY);
  if (!raw) return { profiles: [], rejected: [] };
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return { profiles: [], rejected: [{ index: -1, errors: [{ path: PROFILES_KEY, message: "saved profiles are not valid JSON" }] }] };
  }
  const items = z.array(z.unknown()).safeParse(list);
  if (!items.success) return { profiles: [], rejected: [] };
  const result: StoredProfiles = { profiles: [], rejected: [] };
  items.data.forEach((item, index) => {
    const parsed = profileSchema.safeParse(item);
    if (parsed.success) result.profiles.push({ ...parsed.data, source: "user" });
    else result.rejected.push({ index, errors: toFieldErrors(parsed.error) });
  });
  return result;
}
