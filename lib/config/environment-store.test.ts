import { describe, expect, it } from "vitest";
import { environmentSchema } from "./environment";
import { ENVIRONMENTS_KEY, newEnvironmentId, readTokenStorageChoice, upsertEnvironment, writeEnvironments, type KeyValueStore } from "./environment-store";
import { readEnvironments } from "./read-environments";

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
  };
}

const environment = environmentSchema.parse({
  id: "customer-a",
  name: "Customer A",
  region: "us-east-1",
  userPoolId: "us-east-1_AbC123",
  userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
});

describe("environment store", () => {
  it("round-trips the person's environments and never stores presets", () => {
    const store = memoryStore();
    writeEnvironments(store, [environment, { ...environment, id: "sandbox-demo", source: "sandbox" }]);
    expect(readEnvironments(store)).toEqual({ environments: [environment], rejected: [] });
  });

  it("keeps the valid entries when one was damaged, and says which", () => {
    const store = memoryStore({ [ENVIRONMENTS_KEY]: JSON.stringify([environment, { ...environment, id: "b", region: "moon" }]) });
    const read = readEnvironments(store);
    expect(read.environments.map((p) => p.id)).toEqual(["customer-a"]);
    expect(read.rejected).toEqual([{ index: 1, errors: expect.arrayContaining([{ path: "region", message: "region must look like ap-northeast-1" }]) }]);
  });

  it("survives storage that is not JSON", () => {
    const read = readEnvironments(memoryStore({ [ENVIRONMENTS_KEY]: "{oops" }));
    expect(read.environments).toEqual([]);
    expect(read.rejected[0]?.errors[0]?.message).toBe("saved environments are not valid JSON");
  });

  it("replaces a environment with the same id instead of duplicating it", () => {
    const renamed = { ...environment, name: "Customer A (prod)" };
    expect(upsertEnvironment([environment], renamed)).toEqual([renamed]);
    expect(upsertEnvironment([environment], { ...environment, id: "other" })).toHaveLength(2);
  });

  it("keeps tokens per tab unless the person chose otherwise", () => {
    expect(readTokenStorageChoice(memoryStore())).toBe("session");
    expect(readTokenStorageChoice(memoryStore({ "auth-flow-debugger.token-storage": "local" }))).toBe("local");
    expect(readTokenStorageChoice(memoryStore({ "auth-flow-debugger.token-storage": "cookies" }))).toBe("session");
  });

  it("derives readable, unique ids from names", () => {
    expect(newEnvironmentId("Customer A (prod)", [])).toBe("customer-a-prod");
    expect(newEnvironmentId("Customer A", ["customer-a", "customer-a-2"])).toBe("customer-a-3");
    expect(newEnvironmentId("日本語", [])).toBe("environment");
  });
});
