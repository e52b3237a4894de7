import { describe, expect, it } from "vitest";
import { ISSUER, signPair } from "@/components/test-support/signed-tokens";
import { decodeToken } from "@/lib/tokens/decode";
import { predict } from "./authorizer-predict";
import { prefill } from "./authorizer-settings";

describe("Will this token pass? defaults", () => {
  it("without an environment, takes the issuer URLs from the token and marks them as taken", async () => {
    const token = decodeToken((await signPair()).access);
    const { fields, fromToken } = prefill(undefined, token);
    expect(fields.discoveryUrl).toBe(`${ISSUER}/.well-known/openid-configuration`);
    expect(fields.issuer).toBe(ISSUER);
    expect([...fromToken].sort()).toEqual(["discoveryUrl", "issuer"]);
    // What no token can say stays empty, so it is not checked.
    expect(fields.userPoolId).toBe("");
    expect(fields.allowedClients).toBe("");
  });

  it("says which required setting was left empty, and which came from the token", async () => {
    const token = decodeToken((await signPair()).access);
    const filled = prefill(undefined, token);
    const agentcore = predict("agentcore-runtime", filled, token, undefined, undefined);
    expect(agentcore.fromToken).toEqual(["discoveryUrl"]);
    expect(agentcore.notChecked).toEqual([]);
    expect(agentcore.result.verdict).toBe("pass");
    const appsync = predict("appsync-userpool", filled, token, undefined, undefined);
    expect(appsync.notChecked).toEqual(["User pool id"]);
    const emptied = predict("agentcore-runtime", { fields: { ...filled.fields, discoveryUrl: "" }, fromToken: new Set() }, token, undefined, undefined);
    expect(emptied.notChecked).toEqual(["discoveryUrl"]);
    expect(emptied.result.checks.find((c) => c.name === "config.discoveryUrl")?.status).toBe("n/a");
  });

  it("reads customClaims as pasted and fails the verdict on a claim the token lacks, or on text it cannot read", async () => {
    const token = decodeToken((await signPair()).access);
    const filled = prefill(undefined, token);
    const rule = { inboundTokenClaimName: "tenant_id", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "acme" } } };
    const wanted = predict("agentcore-runtime", { ...filled, fields: { ...filled.fields, customClaims: JSON.stringify({ customJWTAuthorizer: { customClaims: [rule] } }) } }, token, undefined, undefined);
    expect(wanted.result.verdict).toBe("fail");
    expect(wanted.result.checks.find((c) => c.name === "claim tenant_id")?.status).toBe("fail");
    const unreadable = predict("agentcore-gateway", { ...filled, fields: { ...filled.fields, customClaims: "tenant_id=acme" } }, token, undefined, undefined);
    expect(unreadable.result.checks.find((c) => c.name === "config.customClaims")?.status).toBe("fail");
  });
});
