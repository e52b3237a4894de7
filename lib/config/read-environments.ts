import { z } from "zod";
import { toFieldErrors } from "./field-errors";
import { environmentSchema } from "./environment";
import { ENVIRONMENTS_KEY, type KeyValueStore, type StoredEnvironments } from "./environment-store";

/** Saved environments, each checked against the schema: one edited by hand is reported, not dropped. */
export function readEnvironments(store: KeyValueStore): StoredEnvironments {
  const raw = store.getItem(ENVIRONMENTS_KEY);
  if (!raw) return { environments: [], rejected: [] };
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return { environments: [], rejected: [{ index: -1, errors: [{ path: ENVIRONMENTS_KEY, message: "saved environments are not valid JSON" }] }] };
  }
  const items = z.array(z.unknown()).safeParse(list);
  if (!items.success) return { environments: [], rejected: [] };
  const result: StoredEnvironments = { environments: [], rejected: [] };
  items.data.forEach((item, index) => {
    const parsed = environmentSchema.safeParse(item);
    if (parsed.success) result.environments.push({ ...parsed.data, source: "user" });
    else result.rejected.push({ index, errors: toFieldErrors(parsed.error) });
  });
  return result;
}
