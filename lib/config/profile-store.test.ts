import { describe, expect, it } from "vitest";
import { profileSchema } from "./profile";
import { PROFILES_KEY, newProfileId, readTokenStorageChoice, upsertProfile, writeProfiles, type KeyValueStore } from "./profile-store";
import { readProfiles } from "./read-profiles";

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
  };
}

const profile = profileSchema.parse({
  id: "customer-a",
  name: "Customer A",
  region: "us-east-1",
  userPoolId: "us-east-1_AbC123",
  userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
});

describe("profile store", () => {
  it("round-trips the person's profiles and never stores presets", () => {
    const store = memoryStore();
    writeProfiles(store, [profile, { ...profile, id: "sandbox-demo", source: "sandbox" }]);
    expect(readProfiles(store)).toEqual({ profiles: [profile], rejected: [] });
  });

  it("keeps the valid entries when one was damaged, and says which", () => {
    const store = memoryStore({ [PROFILES_KEY]: JSON.stringify([profile, { ...profile, id: "b", region: "moon" }]) });
    const read = readProfiles(store);
    expect(read.profiles.map((p) => p.id)).toEqual(["customer-a"]);
    expect(read.rejected).toEqual([{ index: 1, errors: expect.arrayContaining([{ path: "region", message: "region must look like ap-northeast-1" }]) }]);
  });

  it("survives storage that is not JSON", () => {
    const read = readProfiles(memoryStore({ [PROFILES_KEY]: "{oops" }));
    expect(read.profiles).toEqual([]);
    expect(read.rejected[0]?.errors[0]?.message).toBe("saved profiles are not valid JSON");
  });

  it("replaces a profile with the same id instead of duplicating it", () => {
    const renamed = { ...profile, name: "Customer A (prod)" };
    expect(upsertProfile([profile], renamed)).toEqual([renamed]);
    expect(upsertProfile([profile], { ...profile, id: "other" })).toHaveLength(2);
  });

  it("keeps tokens per tab unless the person chose otherwise", () => {
    expect(readTokenStorageChoice(memoryStore())).toBe("session");
    expect(readTokenStorageChoice(memoryStore({ "auth-flow-debugger.token-storage": "local" }))).toBe("local");
    expect(readTokenStorageChoice(memoryStore({ "auth-flow-debugger.token-storage": "cookies" }))).toBe("session");
  });

  it("derives readable, unique ids from names", () => {
    expect(newProfileId("Customer A (prod)", [])).toBe("customer-a-prod");
    expect(newProfileId("Customer A", ["customer-a", "customer-a-2"])).toBe("customer-a-3");
    expect(newProfileId("日本語", [])).toBe("profile");
  });
});
