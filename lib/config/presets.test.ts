import { describe, expect, it } from "vitest";
import { loadPresets } from "../../server/config/load-presets";
import { parsePresets } from "./presets";

const preset = {
  id: "customer-a",
  name: "Customer A (prod)",
  region: "us-east-1",
  userPoolId: "us-east-1_AbC123",
  userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
};

const sandboxEnvironment = {
  ...preset,
  id: "sandbox-demo",
  name: "Local sandbox: demo",
  region: "ap-northeast-1",
  userPoolId: "ap-northeast-1_Demo1",
  endpoints: { cognitoIdp: "http://127.0.0.1:4577" },
};

function fakeFetch(body: unknown, status = 200): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
}

describe("presets", () => {
  it("keeps good entries and names the bad ones", () => {
    const list = parsePresets(JSON.stringify([preset, { ...preset, id: "b", userPoolId: "nope" }]), "AUTH_DEBUGGER_PRESETS");
    expect(list.environments.map((p) => p.id)).toEqual(["customer-a"]);
    expect(list.environments[0]?.source).toBe("preset");
    expect(list.warnings).toEqual([
      "AUTH_DEBUGGER_PRESETS[1] skipped: user pool id must look like ap-northeast-1_AbC123",
    ]);
  });

  it("reports JSON that is not JSON", () => {
    expect(parsePresets("{", "AUTH_DEBUGGER_PRESETS").warnings[0]).toMatch(/^AUTH_DEBUGGER_PRESETS is not valid JSON/);
  });

  it("merges env presets with the sandbox's and picks the default", async () => {
    const list = await loadPresets(
      { AUTH_DEBUGGER_PRESETS: JSON.stringify([preset]), AUTH_DEBUGGER_SANDBOX_URL: "http://127.0.0.1:4577", AUTH_DEBUGGER_DEFAULT_ENVIRONMENT: "sandbox-demo" },
      fakeFetch({ environments: [sandboxEnvironment] }),
    );
    expect(list.environments.map((p) => [p.id, p.source])).toEqual([
      ["customer-a", "preset"],
      ["sandbox-demo", "sandbox"],
    ]);
    expect(list.defaultEnvironmentId).toBe("sandbox-demo");
    expect(list.warnings).toEqual([]);
  });

  it("says when the sandbox is down instead of failing", async () => {
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    const list = await loadPresets({ AUTH_DEBUGGER_SANDBOX_URL: "http://127.0.0.1:4577" }, down);
    expect(list.environments).toEqual([]);
    expect(list.warnings[0]).toBe("The local sandbox at http://127.0.0.1:4577 is not reachable; is it running (npm start)?");
  });

  it("warns about a default that does not exist", async () => {
    const list = await loadPresets({ AUTH_DEBUGGER_PRESETS: JSON.stringify([preset]), AUTH_DEBUGGER_DEFAULT_ENVIRONMENT: "gone" });
    expect(list.defaultEnvironmentId).toBe("customer-a");
    expect(list.warnings).toContain('AUTH_DEBUGGER_DEFAULT_ENVIRONMENT names "gone", which is not among the presets');
  });
});
