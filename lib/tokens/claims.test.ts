import { describe, expect, it } from "vitest";
import { expectedClaims, explainClaim, explainHeader } from "./claims";

describe("explainClaim for iss names the issuer form", () => {
  it.each([
    ["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC", /user pool us-east-1_AbC in us-east-1\. The ORIGINAL issuer/],
    ["https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC", /The UPDATED issuer \(issuer-cognito-idp\).*primary Region.*must use this exact form/],
    ["http://127.0.0.1:4577/issuer-cognito-idp/us-east-1_AbC", /UPDATED issuer.*local sandbox/],
    ["https://example.auth0.com/", /user pool's URL.*cognito-idp.*issuer-cognito-idp/],
  ])("%s", (iss, meaning) => expect(explainClaim("iss", "access", iss)).toMatch(meaning));
});

describe("explainClaim", () => {
  it.each([
    ["aud", "id", /app client id.*Only in ID tokens/],
    ["client_id", "access", /app client id.*Only in access tokens/],
    ["token_use", "id", /"id" or "access"/],
    ["scope", "access", /OAuth scopes/],
    ["cognito:groups", "access", /groups/],
    ["cognito:username", "id", /username \(ID token\)/],
    ["username", "access", /username \(access token\)/],
    ["origin_jti", "id", /sign-in session/],
    ["event_id", "access", /authentication event/],
    ["auth_time", "id", /last authenticated/],
    ["iss", "id", /user pool's URL/],
    ["sub", "id", /unique id/],
    ["exp", "id", /Expires at/],
    ["iat", "id", /Issued at/],
    ["nbf", "id", /Not valid before/],
    ["jti", "id", /Unique id of this one token/],
    ["email", "id", /email attribute/],
    ["email_verified", "id", /verified/],
    ["phone_number", "id", /phone number/],
    ["cognito:roles", "id", /IAM role ARNs/],
    ["cognito:preferred_role", "id", /IAM role/],
    ["identities", "id", /Federated/],
    ["version", "access", /version/],
    ["at_hash", "id", /Hash of the access token/],
    ["nonce", "id", /nonce/],
    ["custom:tenant", "id", /custom user attribute/],
  ] as const)("%s", (name, use, meaning) => {
    const text = explainClaim(name, use);
    expect(text).toMatch(meaning);
    expect(text).not.toMatch(/Unusual/);
  });

  it("flags a claim in the wrong kind of token", () => {
    expect(explainClaim("aud", "access")).toMatch(/Unusual in an access token/);
    expect(explainClaim("client_id", "id")).toMatch(/Unusual in an ID token/);
    expect(explainClaim("scope", "id")).toMatch(/Unusual in an ID token/);
  });

  it("does not flag when the token kind is unknown", () => {
    expect(explainClaim("aud", "unknown")).not.toMatch(/Unusual/);
  });

  it("says when a claim is not Cognito's", () => {
    expect(explainClaim("tenant", "id")).toMatch(/Not a standard Cognito claim/);
  });
});

describe("explainHeader", () => {
  it.each([
    ["alg", /RS256/],
    ["kid", /different keys/],
    ["typ", /omits it/],
  ])("%s", (name, meaning) => expect(explainHeader(name)).toMatch(meaning));
});

describe("expectedClaims", () => {
  it("lists the client claim of each kind", () => {
    expect(expectedClaims("id")).toContain("aud");
    expect(expectedClaims("id")).not.toContain("client_id");
    expect(expectedClaims("access")).toEqual(expect.arrayContaining(["client_id", "scope", "username"]));
  });
});
