import { describe, expect, it } from "vitest";
import { cognitoIssuer, issuerFromDiscoveryUrl, jwksUrlFor, parseCognitoIssuer } from "./issuer";

describe("Cognito issuers", () => {
  it.each([
    ["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123", { region: "us-east-1", userPoolId: "us-east-1_AbC123", aws: true }],
    ["http://127.0.0.1:4577/ap-northeast-1_XXXX", { region: "ap-northeast-1", userPoolId: "ap-northeast-1_XXXX", aws: false }],
    ["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/", null],
    ["https://cognito-idp.us-west-2.amazonaws.com/us-east-1_AbC123", null],
    ["https://example.auth0.com/", null],
    ["not a url", null],
  ])("%s", (iss, parsed) => expect(parseCognitoIssuer(iss)).toEqual(parsed));

  it("builds issuers, JWKS and discovery URLs", () => {
    expect(cognitoIssuer("eu-west-1_Pool")).toBe("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool");
    expect(cognitoIssuer("eu-west-1_Pool", "http://127.0.0.1:4577/")).toBe("http://127.0.0.1:4577/eu-west-1_Pool");
    expect(jwksUrlFor("http://127.0.0.1:4577/eu-west-1_Pool")).toBe("http://127.0.0.1:4577/eu-west-1_Pool/.well-known/jwks.json");
    expect(issuerFromDiscoveryUrl("https://x/p/.well-known/openid-configuration")).toBe("https://x/p");
    expect(issuerFromDiscoveryUrl("https://x/p")).toBeNull();
  });
});
