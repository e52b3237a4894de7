import { describe, expect, it } from "vitest";
import { serverModeConfig } from "./server-mode";

const SANDBOX = "http://127.0.0.1:4577";
const env = (pools: string) => ({
  AUTH_DEBUGGER_CLOUDTRAIL_MODE: "server",
  AUTH_DEBUGGER_CLOUDTRAIL_POOLS: pools,
  AUTH_DEBUGGER_CLOUDTRAIL_GROUPS: "support",
});

describe("AUTH_DEBUGGER_CLOUDTRAIL_POOLS", () => {
  it.each([
    // A pool id trusts both issuer forms the pool may sign with (IssuerConfigurationType ORIGINAL / UPDATED).
    ["us-east-1_AbC", ["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC", "https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC"]],
    // An issuer URL trusts exactly that issuer.
    ["https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC", ["https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC"]],
    [`${SANDBOX}/issuer-cognito-idp/us-east-1_AbC`, [`${SANDBOX}/issuer-cognito-idp/us-east-1_AbC`]],
    ["http://127.0.0.1:9999/us-east-1_AbC", []],
    ["https://example.auth0.com/", []],
  ])("%s", (pools, issuers) => {
    expect(serverModeConfig(env(pools), [SANDBOX]).issuers).toEqual(issuers);
  });
});
