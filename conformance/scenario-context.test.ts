import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../sandbox/scenario";
import { ScenarioContext } from "./scenario-context";

// {{issuer}} is the issuer a scenario's pool signs with: cases about issuer forms compare `iss`,
// JWKS and discovery URLs with it, so it must follow the pool's IssuerConfiguration.
const BASE = "http://127.0.0.1:4577";
const scenario = (name: string) => loadScenarioFile(fileURLToPath(new URL(`../sandbox/scenarios/${name}.json`, import.meta.url)));

describe("{{issuer}}", () => {
  it("is {base}/{pool} for a pool with the ORIGINAL issuer (the default)", async () => {
    const ctx = new ScenarioContext(BASE, await scenario("agentcore-jwt"));
    expect(ctx.values().issuer).toBe(`${BASE}/${ctx.values().userPoolId}`);
  });

  it("is {base}/issuer-cognito-idp/{pool} for a pool with the UPDATED issuer", async () => {
    const ctx = new ScenarioContext(BASE, await scenario("updated-issuer"));
    expect(ctx.values().issuer).toBe(`${BASE}/issuer-cognito-idp/ap-northeast-1_UpdIss001`);
  });
});
