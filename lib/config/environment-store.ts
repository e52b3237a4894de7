import type { FieldError } from "./field-errors";
import type { Environment } from "./environment";

/**
 * Environments the person created, kept in the browser (localStorage: environments hold no secrets
 * except an optional AppSync API key the person typed in themselves). Written against a minimal
 * Storage interface so tests and the CLI can use it without a DOM. Reading them back validates
 * with zod and lives in read-environments.ts, so the layout can load it after first paint.
 */

export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

// The stored keys keep the word the product used when they were first written: renaming them would
// lose every environment a person has saved.
export const ENVIRONMENTS_KEY = "auth-flow-debugger.profiles.v1";
export const ACTIVE_ENVIRONMENT_KEY = "auth-flow-debugger.active-profile";
export const TOKEN_STORAGE_KEY = "auth-flow-debugger.token-storage";

export type TokenStorageChoice = "session" | "local";

export interface StoredEnvironments {
  environments: Environment[];
  /** Entries that no longer pass the schema (edited by hand, older version): shown, not lost. */
  rejected: { index: number; errors: FieldError[] }[];
}

export function writeEnvironments(store: KeyValueStore, environments: Environment[]): void {
  store.setItem(ENVIRONMENTS_KEY, JSON.stringify(environments.filter((p) => p.source === "user")));
}

/** Adds or replaces (by id) one environment and returns the new list. */
export function upsertEnvironment(environments: Environment[], environment: Environment): Environment[] {
  const index = environments.findIndex((p) => p.id === environment.id);
  if (index === -1) return [...environments, environment];
  return environments.map((p, i) => (i === index ? environment : p));
}

export function readTokenStorageChoice(store: KeyValueStore): TokenStorageChoice {
  // Support staff use shared machines: tokens live for the tab unless someone opts in.
  return store.getItem(TOKEN_STORAGE_KEY) === "local" ? "local" : "session";
}

/** A environment id derived from a name, unique among the given ids. */
export function newEnvironmentId(name: string, taken: Iterable<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48) || "environment";
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
