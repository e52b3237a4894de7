import { describe, expect, it } from "vitest";
import {
  cognitoIssuer,
  describeIssuer,
  issuerFromDiscoveryUrl,
  issuerMismatchHint,
  jwksUrlFor,
  parseCognitoIssuer,
  poolIssuers,
} from "./issuer";

describe("Cognito issuers", () => {
  it.each([
    ["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123", { region: "us-east-1", userPoolId: "us-east-1_AbC123", aws: true, form: "ORIGINAL" }],
    // IssuerConfigurationType UPDATED: issuer-cognito-idp.{primary region}.
    ["https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123", { region: "us-east-1", userPoolId: "us-east-1_AbC123", aws: true, form: "UPDATED" }],
    ["https://issuer-cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123", { region: "cn-north-1", userPoolId: "cn-north-1_AbC123", aws: true, form: "UPDATED" }],
    ["http://127.0.0.1:4577/ap-northeast-1_XXXX", { region: "ap-northeast-1", userPoolId: "ap-northeast-1_XXXX", aws: false, form: "ORIGINAL" }],
    ["http://127.0.0.1:4577/issuer-cognito-idp/ap-northeast-1_XXXX", { region: "ap-northeast-1", userPoolId: "ap-northeast-1_XXXX", aws: false, form: "UPDATED" }],
    ["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/", null],
    ["https://cognito-idp.us-west-2.amazonaws.com/us-east-1_AbC123", null],
    // The UPDATED host names the primary Region, which is the pool id's.
    ["https://issuer-cognito-idp.us-west-2.amazonaws.com/us-east-1_AbC123", null],
    ["https://issuer-cognito-idp.us-east-1.amazonaws.com/extra/us-east-1_AbC123", null],
    ["https://xissuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123", { region: "us-east-1", userPoolId: "us-east-1_AbC123", aws: false, form: "ORIGINAL" }],
    ["https://example.auth0.com/", null],
    ["not a url", null],
  ])("%s", (iss, parsed) => expect(parseCognitoIssuer(iss)).toEqual(parsed));

  it.each([
    ["eu-west-1_Pool", undefined, undefined, "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool"],
    ["eu-west-1_Pool", undefined, "ORIGINAL", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool"],
    ["eu-west-1_Pool", undefined, "UPDATED", "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool"],
    ["eu-west-1_Pool", "http://127.0.0.1:4577/", undefined, "http://127.0.0.1:4577/eu-west-1_Pool"],
    ["eu-west-1_Pool", "http://127.0.0.1:4577/", "UPDATED", "http://127.0.0.1:4577/issuer-cognito-idp/eu-west-1_Pool"],
  ] as const)("cognitoIssuer(%s, %s, %s)", (pool, endpoint, form, expected) => {
    const built = cognitoIssuer(pool, endpoint, form);
    expect(built).toBe(expected);
    // What is built reads back as the same pool and form.
    expect(parseCognitoIssuer(built)).toMatchObject({ userPoolId: pool, form: form ?? "ORIGINAL" });
  });

  it("lists both issuer forms of a pool, the expected one first", () => {
    expect(poolIssuers("eu-west-1_Pool")).toEqual([
      "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool",
      "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool",
    ]);
    expect(poolIssuers("eu-west-1_Pool", { form: "UPDATED", endpoint: "http://127.0.0.1:4577" })).toEqual([
      "http://127.0.0.1:4577/issuer-cognito-idp/eu-west-1_Pool",
      "http://127.0.0.1:4577/eu-west-1_Pool",
    ]);
  });

  it("builds JWKS and discovery URLs under either form", () => {
    expect(jwksUrlFor("http://127.0.0.1:4577/eu-west-1_Pool")).toBe("http://127.0.0.1:4577/eu-west-1_Pool/.well-known/jwks.json");
    expect(jwksUrlFor("https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool")).toBe(
      "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool/.well-known/jwks.json",
    );
    expect(issuerFromDiscoveryUrl("https://x/p/.well-known/openid-configuration")).toBe("https://x/p");
    expect(issuerFromDiscoveryUrl("https://x/p")).toBeNull();
  });

  it("names the form in descriptions", () => {
    expect(describeIssuer("https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool")).toBe("the UPDATED issuer of user pool eu-west-1_Pool");
    expect(describeIssuer("http://127.0.0.1:4577/eu-west-1_Pool")).toMatch(/^the ORIGINAL issuer of user pool eu-west-1_Pool \(on a local sandbox/);
    expect(describeIssuer("https://example.auth0.com/")).toBeNull();
  });
});

describe("issuerMismatchHint", () => {
  const ORIGINAL = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AAAA";
  const UPDATED = "https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AAAA";
  it.each([
    [null, ORIGINAL, /no iss claim/],
    [`${ORIGINAL}/`, ORIGINAL, /trailing slash/],
    ["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_BBBB", ORIGINAL, /user pool us-east-1_BBBB, expected us-east-1_AAAA/],
    ["http://127.0.0.1:4577/us-east-1_AAAA", ORIGINAL, /one issuer is AWS's and the other a local sandbox/],
    [UPDATED, ORIGINAL, /Same user pool us-east-1_AAAA, other issuer form: the token carries the UPDATED issuer and the ORIGINAL one is configured here.*Configure https:\/\/issuer-cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_AAAA here/],
    [ORIGINAL, UPDATED, /token carries the ORIGINAL issuer and the UPDATED one is configured here.*back to UPDATED/],
    ["http://127.0.0.1:4577/issuer-cognito-idp/us-east-1_AAAA", "http://127.0.0.1:4577/us-east-1_AAAA", /other issuer form/],
    ["https://example.auth0.com/", ORIGINAL, /different issuer/],
  ])("%s vs %s", (actual, expected, message) => expect(issuerMismatchHint(actual, expected)).toMatch(message));
});
