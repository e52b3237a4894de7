import type { FieldError } from "./field-errors";
import type { Profile } from "./profile";

/**
 * Profiles the person created, kept in the browser (localStorage: profiles hold no secrets
 * except an optional AppSync API key the person typed in themselves). Written against a minimal
 * Storage interface so tests and the CLI can use it without a DOM. Reading them back validates
 * with zod and lives in read-profiles.ts, so the layout can load it after first paint.
 */

export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const PROFILES_KEY = "auth-flow-debugger.profiles.v1";
export const ACTIVE_PROFILE_KEY = "auth-flow-debugger.active-profile";
export const TOKEN_STORAGE_KEY = "auth-flow-debugger.token-storage";

export type TokenStorageChoice = "session" | "local";

export interface StoredProfiles {
  profiles: Profile[];
  /** Entries that no longer pass the schema (edited by hand, older version): shown, not lost. */
  rejected: { index: number; errors: FieldError[] }[];
}

export function writeProfiles(store: KeyValueStore, profiles: Profile[]): void {
  store.setItem(PROFILES_KEY, JSON.stringify(profiles.filter((p) => p.source === "user")));
}

/** Adds or replaces (by id) one profile and returns the new list. */
export function upsertProfile(profiles: Profile[], profile: Profile): Profile[] {
  const index = profiles.findIndex((p) => p.id === profile.id);
  if (index === -1) return [...profiles, profile];
  return profiles.map((p, i) => (i === index ? profile : p));
}

export function readTokenStorageChoice(store: KeyValueStore): TokenStorageChoice {
  // Support staff use shared machines: tokens live for the tab unless someone opts in.
  return store.getItem(TOKEN_STORAGE_KEY) === "local" ? "local" : "session";
}

/** A profile id derived from a name, unique among the given ids. */
export function newProfileId(name: string, taken: Iterable<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48) || "profile";
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
