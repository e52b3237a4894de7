import { describe, expect, it } from "vitest";
import { parseCustomClaims } from "./agentcore-claims-input";

const RULE = { inboundTokenClaimName: "tenant_id", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "acme" } } };

describe("customClaims as pasted", () => {
  it.each([
    ["the list", [RULE]],
    ["customJWTAuthorizer", { customJWTAuthorizer: { discoveryUrl: "https://x/.well-known/openid-configuration", customClaims: [RULE] } }],
    ["get-agent-runtime output", { agentRuntimeName: "a", authorizerConfiguration: { customJWTAuthorizer: { customClaims: [RULE] } } }],
  ])("reads %s", (_label, json) => {
    expect(parseCustomClaims(JSON.stringify(json))).toEqual({ ok: true, customClaims: [RULE] });
  });

  it("empty means no rules; text that is not the API's shape is an error naming the field", () => {
    expect(parseCustomClaims("  ")).toEqual({ ok: true, customClaims: [] });
    expect(parseCustomClaims("tenant_id=acme")).toMatchObject({ ok: false, error: expect.stringContaining("not JSON") });
    const wrong = parseCustomClaims(JSON.stringify([{ ...RULE, inboundTokenClaimValueType: "NUMBER" }]));
    expect(wrong).toMatchObject({ ok: false, error: expect.stringContaining("inboundTokenClaimValueType") });
  });
});
