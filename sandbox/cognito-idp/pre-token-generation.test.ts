import { describe, expect, it } from "vitest";
import { customizeAccessClaims, customizeIdClaims, preTokenGenerationSchema } from "./pre-token-generation";

const ID = { sub: "u-1", "cognito:groups": ["support"], email: "demo@example.com", token_use: "id" };
const ACCESS = { sub: "u-1", "cognito:groups": ["support"], client_id: "c1", scope: "aws.cognito.signin.user.admin", token_use: "access" };
const M2M = { sub: "c1", client_id: "c1", scope: "api/read", token_use: "access" };

const v2 = (version: "V2_0" | "V3_0") =>
  preTokenGenerationSchema.parse({
    lambdaVersion: version,
    response: {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: { tenant_id: "acme" } },
        accessTokenGeneration: { claimsToAddOrOverride: { tenant_id: "acme", roles: ["reader"] }, scopesToAdd: ["api/invoke"], scopesToSuppress: ["aws.cognito.signin.user.admin"] },
      },
    },
  });

describe("pre token generation, declared in a scenario", () => {
  it("V1_0 changes the ID token only; suppress wins over add", () => {
    const trigger = preTokenGenerationSchema.parse({
      lambdaVersion: "V1_0",
      response: { claimsOverrideDetails: { claimsToAddOrOverride: { tenant_id: "acme", email: "x@example.com" }, claimsToSuppress: ["email"] } },
    });
    const id = customizeIdClaims(trigger, ID);
    expect(id).toMatchObject({ tenant_id: "acme" });
    expect(id).not.toHaveProperty("email");
    expect(customizeAccessClaims(trigger, ACCESS, "user")).toEqual(ACCESS);
  });

  it("V1_0 groupOverrideDetails replaces cognito:groups in both tokens; an empty list removes them", () => {
    const trigger = preTokenGenerationSchema.parse({ lambdaVersion: "V1_0", response: { claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: ["admins"] } } } });
    expect(customizeIdClaims(trigger, ID)["cognito:groups"]).toEqual(["admins"]);
    expect(customizeAccessClaims(trigger, ACCESS, "user")["cognito:groups"]).toEqual(["admins"]);
    const none = preTokenGenerationSchema.parse({ lambdaVersion: "V1_0", response: { claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: [] } } } });
    expect(customizeAccessClaims(none, ACCESS, "user")).not.toHaveProperty("cognito:groups");
  });

  it("V2_0 customises the user's access token (claims and scopes) but not client credentials tokens", () => {
    const access = customizeAccessClaims(v2("V2_0"), ACCESS, "user");
    expect(access).toMatchObject({ tenant_id: "acme", roles: ["reader"], scope: "api/invoke" });
    expect(customizeAccessClaims(v2("V2_0"), M2M, "client-credentials")).toEqual(M2M);
  });

  it("V3_0 customises client credentials tokens too", () => {
    expect(customizeAccessClaims(v2("V3_0"), M2M, "client-credentials")).toMatchObject({ tenant_id: "acme", scope: "api/read api/invoke" });
  });

  it("refuses claims Cognito documents as unmodifiable, group claims outside groupOverrideDetails, and V2 shapes under V1_0", () => {
    const refused = [
      { lambdaVersion: "V1_0", response: { claimsOverrideDetails: { claimsToAddOrOverride: { sub: "x" } } } },
      { lambdaVersion: "V1_0", response: { claimsOverrideDetails: { claimsToSuppress: ["token_use"] } } },
      { lambdaVersion: "V1_0", response: { claimsOverrideDetails: { claimsToAddOrOverride: { "cognito:groups": "admins" } } } },
      { lambdaVersion: "V2_0", response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { scope: "api/invoke" } } } } },
      { lambdaVersion: "V1_0", response: { claimsAndScopeOverrideDetails: { idTokenGeneration: {} } } },
      { lambdaVersion: "V1_0", response: { claimsOverrideDetails: { claimsToAddOrOverride: { roles: ["a"] } } } },
    ];
    for (const trigger of refused) expect(preTokenGenerationSchema.safeParse(trigger).success, JSON.stringify(trigger)).toBe(false);
    const message = preTokenGenerationSchema.safeParse(refused[0]).error?.issues[0]?.message;
    expect(message).toContain("cannot modify");
  });
});
