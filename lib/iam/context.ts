/**
 * The request context: condition keys → values. AWS treats key names case-insensitively
 * (`aws:SourceIp` = `aws:sourceip`), values case-sensitively, so keys are folded once here.
 */
export type RequestContext = Record<string, string | string[]>;

export type ContextValues = ReadonlyMap<string, readonly string[]>;

export function normalizeContext(context: RequestContext | undefined): ContextValues {
  const map = new Map<string, string[]>();
  for (const [key, value] of Object.entries(context ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    const folded = key.toLowerCase();
    map.set(folded, [...(map.get(folded) ?? []), ...values]);
  }
  return map;
}

/** Values for a key, or undefined when the key is absent. An empty list counts as absent. */
export function contextValues(context: ContextValues, key: string): readonly string[] | undefined {
  const values = context.get(key.toLowerCase());
  return values && values.length > 0 ? values : undefined;
}
