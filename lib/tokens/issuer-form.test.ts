import { describe, expect, it } from "vitest";
import { poolIssuers } from "./issuer";
import { issuerFormNote } from "./issuer-form";

const POOL = "us-east-1_AbC";
const ORIGINAL = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const UPDATED = `https://issuer-cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const SANDBOX_UPDATED = `http://127.0.0.1:4577/issuer-cognito-idp/${POOL}`;

describe("issuerFormNote", () => {
  it.each([
    // [token iss, environment declares, note kind, text]
    [ORIGINAL, undefined, null, null],
    [ORIGINAL, "ORIGINAL", null, null],
    [UPDATED, undefined, "updated", /carry the pool's UPDATED issuer.*discoveryUrl of https:\/\/issuer-cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_AbC\/\.well-known\/openid-configuration.*does not say which issuer/],
    [UPDATED, "UPDATED", "updated", /^These tokens carry the pool's UPDATED issuer(?!.*does not say)/],
    [UPDATED, "ORIGINAL", "mismatch", /says the pool's issuer configuration is ORIGINAL, but these tokens carry its UPDATED issuer.*describe-user-pool --user-pool-id us-east-1_AbC --query UserPool\.IssuerConfiguration.*configured with the ORIGINAL URL refuses these tokens/],
    [ORIGINAL, "UPDATED", "mismatch", /says the pool's issuer configuration is UPDATED, but these tokens carry its ORIGINAL issuer/],
  ] as const)("token %s, environment says %s", (iss, declared, kind, text) => {
    const note = issuerFormNote(iss, poolIssuers(POOL), declared);
    expect(note?.kind ?? null).toBe(kind);
    if (text) expect(note?.text).toMatch(text);
  });

  it("speaks of the sandbox's UPDATED issuer as of AWS's", () => {
    const note = issuerFormNote(SANDBOX_UPDATED, poolIssuers(POOL, { endpoint: "http://127.0.0.1:4577", form: "UPDATED" }), "UPDATED");
    expect(note).toMatchObject({ kind: "updated", form: "UPDATED", issuer: SANDBOX_UPDATED });
    expect(note?.text).toContain(`${SANDBOX_UPDATED}/.well-known/jwks.json`);
  });

  it("leaves tokens of another pool, or without iss, to the verification", () => {
    expect(issuerFormNote("https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", poolIssuers(POOL), undefined)).toBeNull();
    expect(issuerFormNote(null, poolIssuers(POOL), "UPDATED")).toBeNull();
  });
});
