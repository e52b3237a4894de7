import { describe, expect, it } from "vitest";
import { sandboxEnvironments } from "../environments";
import { assertDistinctIds, loadScenarioDir, parseScenario, type ScenarioInput } from "../scenario";
import { DEFAULT_SCENARIOS_DIR } from "../server";

const base: ScenarioInput = { name: "appsync-scenario-test", region: "ap-northeast-1", accountId: "111122223333" };
const api = { id: "scenarioapi000000000000001", name: "t", region: "ap-northeast-1", schema: "type Query { a: String }" };

describe("appSyncApis in scenario files", () => {
  it.each([
    ["a mode without its configuration", { ...api, defaultAuthMode: "AMAZON_COGNITO_USER_POOLS" }, "appSyncApis[0].userPoolConfig: required when AMAZON_COGNITO_USER_POOLS is a mode"],
    ["an id that is not an AppSync id", { ...api, id: "Demo-API", defaultAuthMode: "API_KEY" }, "appSyncApis[0].id: AppSync API ids are 26 lowercase letters and digits"],
    ["a schema graphql-js cannot build", { ...api, defaultAuthMode: "API_KEY", schema: "type Query { a: Nope }" }, 'appSyncApis[0].schema: not a valid AppSync schema: Unknown type "Nope".'],
    ["a mode listed twice", { ...api, defaultAuthMode: "API_KEY", additionalAuthModes: ["API_KEY"] }, "appSyncApis[0].additionalAuthModes: each auth mode may appear once"],
  ])("names the field for %s", (_what, entry, message) => {
    expect(() => parseScenario({ ...base, appSyncApis: [entry] }, "test.json")).toThrow(message);
  });

  it("keeps API ids distinct across scenarios", () => {
    const one = parseScenario({ ...base, appSyncApis: [{ ...api, defaultAuthMode: "API_KEY" }] }, "a.json");
    const two = parseScenario({ ...base, name: "other", appSyncApis: [{ ...api, defaultAuthMode: "API_KEY" }] }, "b.json");
    expect(() => assertDistinctIds([one, two])).toThrow("AppSync API scenarioapi000000000000001 is defined by both");
  });

  it("puts the AppSync APIs in the presets, valid for the dashboard", async () => {
    const scenarios = await loadScenarioDir(DEFAULT_SCENARIOS_DIR);
    const demo = sandboxEnvironments(scenarios, "http://127.0.0.1:4577").find((p) => p.id === "sandbox-demo");
    expect(demo?.appSync).toEqual([
      {
        name: "demo-notes-api",
        url: "http://127.0.0.1:4577/appsync/demoapi0000000000000000001/graphql",
        region: "ap-northeast-1",
        defaultAuthMode: "AMAZON_COGNITO_USER_POOLS",
        additionalAuthModes: ["API_KEY", "AWS_IAM"],
        apiKey: "da2-sandboxdemokey000000000001",
      },
    ]);
    const withApis = scenarios.filter((s) => s.appSyncApis.length > 0).map((s) => s.name);
    expect(withApis).toEqual(expect.arrayContaining(["demo", "appsync-role-wrong-resource", "identity-pool-trust-broken"]));
  });
});
