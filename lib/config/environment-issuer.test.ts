import { describe, expect, it } from "vitest";
import { environmentIssuer, environmentIssuers, environmentSchema } from "./environment";

const base = { id: "acme", name: "Acme", region: "eu-west-1", userPoolId: "eu-west-1_AbC123", userPoolClientId: "abcdefghijklmnopqrstuvwxyz" };

describe("a environment's issuer configuration", () => {
  it.each([
    [undefined, true],
    ["ORIGINAL", true],
    ["UPDATED", true],
    // AWS's values only (IssuerType: ORIGINAL | UPDATED), spelled as AWS spells them.
    ["updated", false],
    ["GLOBAL", false],
  ])("%s → valid %s", (issuerConfiguration, ok) => {
    expect(environmentSchema.safeParse({ ...base, ...(issuerConfiguration ? { issuerConfiguration } : {}) }).success).toBe(ok);
  });

  it.each([
    // [declared, endpoint override, expected issuers in order]
    [undefined, undefined, ["https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123", "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"]],
    ["UPDATED", undefined, ["https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"]],
    // The sandbox stands in for both AWS hosts.
    ["UPDATED", "http://127.0.0.1:4577", ["http://127.0.0.1:4577/issuer-cognito-idp/eu-west-1_AbC123", "http://127.0.0.1:4577/eu-west-1_AbC123"]],
    ["ORIGINAL", "http://127.0.0.1:4577/", ["http://127.0.0.1:4577/eu-west-1_AbC123", "http://127.0.0.1:4577/issuer-cognito-idp/eu-west-1_AbC123"]],
  ] as const)("declared %s, endpoint %s", (issuerConfiguration, cognitoIdp, issuers) => {
    const environment = environmentSchema.parse({ ...base, ...(issuerConfiguration ? { issuerConfiguration } : {}), endpoints: cognitoIdp ? { cognitoIdp } : {} });
    expect(environmentIssuers(environment)).toEqual(issuers);
    expect(environmentIssuer(environment)).toBe(issuers[0]);
  });
});
