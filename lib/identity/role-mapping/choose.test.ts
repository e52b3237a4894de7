import { describe, expect, it } from "vitest";
import { chooseRole, parseIdentityPoolRoles, roleMappingKey, type IdentityPoolRoles } from ".";

const KEY = roleMappingKey("ap-northeast-1", "ap-northeast-1_Pool", "client1");
const PROVIDER = "cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Pool";
const AUTH = "arn:aws:iam::111122223333:role/app-authenticated";
const EDITOR = "arn:aws:iam::111122223333:role/editor";
const VIEWER = "arn:aws:iam::111122223333:role/viewer";

const pool = (mapping?: IdentityPoolRoles["RoleMappings"][string], roles: Record<string, string> = { authenticated: AUTH }): IdentityPoolRoles => ({
  Roles: roles,
  RoleMappings: mapping ? { [KEY]: mapping } : {},
});
const choose = (roles: IdentityPoolRoles, claims: Record<string, unknown> | undefined, customRoleArn?: string) =>
  chooseRole({ roles, mappingKey: KEY, providerName: PROVIDER, claims, ...(customRoleArn ? { customRoleArn } : {}) });

describe("token-based mapping", () => {
  const token = (resolution: "Deny" | "AuthenticatedRole") => pool({ Type: "Token", AmbiguousRoleResolution: resolution });

  it("takes cognito:preferred_role", () => {
    const choice = choose(token("Deny"), { "cognito:roles": [EDITOR, VIEWER], "cognito:preferred_role": EDITOR });
    expect(choice).toMatchObject({ outcome: "role", roleArn: EDITOR, via: "preferred-role" });
  });

  it("denies two roles without a preferred one when resolution is Deny, in the captured wording", () => {
    const choice = choose(token("Deny"), { "cognito:roles": [EDITOR, VIEWER] });
    expect(choice.outcome).toBe("denied");
    if (choice.outcome !== "denied") return;
    expect(choice.reason).toBe("ambiguous-deny");
    expect(choice.refusal.errorType).toBe("NotAuthorizedException");
    expect(choice.refusal.message).toBe(`The ambiguous role mapping rules for: ${PROVIDER} denied this request.`);
    expect(choice.refusal.unconfirmed).toMatch(/provider name/);
  });

  it("falls back to the authenticated role when resolution is AuthenticatedRole", () => {
    expect(choose(token("AuthenticatedRole"), {})).toMatchObject({ outcome: "role", roleArn: AUTH, via: "ambiguous-authenticated-role" });
  });

  it("honours CustomRoleArn among cognito:roles over the preferred role", () => {
    const claims = { "cognito:roles": [EDITOR, VIEWER], "cognito:preferred_role": EDITOR };
    expect(choose(token("Deny"), claims, VIEWER)).toMatchObject({ outcome: "role", roleArn: VIEWER, via: "custom-role-arn" });
  });

  it("denies a CustomRoleArn the token does not carry, marked unconfirmed", () => {
    const choice = choose(token("AuthenticatedRole"), { "cognito:roles": [EDITOR], "cognito:preferred_role": EDITOR }, VIEWER);
    expect(choice).toMatchObject({ outcome: "denied", reason: "custom-role-not-in-token" });
    if (choice.outcome === "denied") expect(choice.refusal.unconfirmed).toBeTruthy();
  });

  it("reads cognito:roles given as a comma-separated string", () => {
    expect(choose(token("Deny"), { "cognito:roles": `${EDITOR}, ${VIEWER}` }, VIEWER)).toMatchObject({ roleArn: VIEWER });
  });
});

describe("rules-based mapping", () => {
  const rules = pool({
    Type: "Rules",
    AmbiguousRoleResolution: "Deny",
    RulesConfiguration: {
      Rules: [
        { Claim: "custom:dept", MatchType: "Equals", Value: "Sales", RoleARN: EDITOR },
        { Claim: "email", MatchType: "StartsWith", Value: "view", RoleARN: VIEWER },
        { Claim: "custom:tier", MatchType: "NotEqual", Value: "free", RoleARN: AUTH },
      ],
    },
  });

  it("uses the first matching rule, in order", () => {
    const choice = choose(rules, { "custom:dept": "Sales", email: "viewer@example.com" });
    expect(choice).toMatchObject({ outcome: "role", roleArn: EDITOR, via: "rule", ruleIndex: 0 });
    expect(choice.rules.map((r) => r.matched)).toEqual([true, true, false]);
  });

  it("does not evaluate NotEqual on a missing claim, and denies when nothing matches", () => {
    const choice = choose(rules, { "custom:dept": "sales", email: "a@example.com" });
    expect(choice.outcome).toBe("denied");
    expect(choice.rules[0]!.because).toContain('Equals "Sales" does not hold');
    expect(choice.rules[2]!.because).toMatch(/NotEqual rule on a missing claim is not evaluated/);
  });

  it("lets CustomRoleArn pick a later matching rule", () => {
    expect(choose(rules, { "custom:dept": "Sales", email: "viewer@x" }, VIEWER)).toMatchObject({ roleArn: VIEWER, via: "custom-role-arn", ruleIndex: 1 });
  });

  it("marks a match on an array claim as unconfirmed", () => {
    const groups = pool({ Type: "Rules", AmbiguousRoleResolution: "Deny", RulesConfiguration: { Rules: [{ Claim: "cognito:groups", MatchType: "Contains", Value: "edit", RoleARN: EDITOR }] } });
    const choice = choose(groups, { "cognito:groups": ["viewers", "editors"] });
    expect(choice).toMatchObject({ outcome: "role", roleArn: EDITOR });
    if (choice.outcome === "role") expect(choice.unconfirmed).toMatch(/array/);
  });
});

describe("no mapping", () => {
  it("gives the authenticated role and names the keys that are mapped", () => {
    const roles: IdentityPoolRoles = { Roles: { authenticated: AUTH }, RoleMappings: { "cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Pool:other": { Type: "Token", AmbiguousRoleResolution: "Deny" } } };
    const choice = choose(roles, {});
    expect(choice).toMatchObject({ outcome: "role", roleArn: AUTH, via: "authenticated-role" });
    expect(choice.outcome === "role" && choice.explanation).toContain(":other");
  });

  it("gives a guest the unauthenticated role", () => {
    expect(choose(pool(undefined, { unauthenticated: VIEWER }), undefined)).toMatchObject({ roleArn: VIEWER, via: "unauthenticated-role" });
  });
});

describe("parseIdentityPoolRoles", () => {
  it("reads get-identity-pool-roles output", () => {
    const text = JSON.stringify({ IdentityPoolId: "ap-northeast-1:abc", Roles: { authenticated: AUTH }, RoleMappings: { [KEY]: { Type: "Token", AmbiguousRoleResolution: "Deny" } } });
    expect(parseIdentityPoolRoles(text).RoleMappings[KEY]?.Type).toBe("Token");
  });

  it("names the field of a bad paste", () => {
    expect(() => parseIdentityPoolRoles(JSON.stringify({ RoleMappings: { [KEY]: { Type: "Rules" } } }))).toThrow(/RulesConfiguration/);
    expect(() => parseIdentityPoolRoles("Roles:")).toThrow(/Not JSON/);
  });
});
