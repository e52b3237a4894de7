import { describe, expect, it } from "vitest";
import { totpIssuer } from "./totp-issuer";

describe("totpIssuer", () => {
  it("names the environment, without the characters that would break the otpauth URI", () => {
    expect(totpIssuer({ name: "Local sandbox: mfa-required" })).toBe("Local sandbox mfa-required");
    expect(totpIssuer({ name: "Acme prod / eu?x=1&y#z 100%" })).toBe("Acme prod eu x=1 y z 100");
  });

  it("falls back to the product's name when nothing is left", () => {
    expect(totpIssuer({ name: ":/" })).toBe("Auth Flow Debugger");
  });
});
