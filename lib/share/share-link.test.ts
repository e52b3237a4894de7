import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigInputError } from "../config/field-errors";
import { environmentSchema } from "../config/environment";
import { readShareFragment, shareLink } from "./share-link";

const environment = environmentSchema.parse({
  id: "customer-a",
  name: "Customer A",
  region: "ap-northeast-1",
  userPoolId: "ap-northeast-1_AbC123",
  userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
  identityPoolId: "ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
  appSync: [{ name: "data", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql", region: "ap-northeast-1", defaultAuthMode: "API_KEY", apiKey: "da2-supersecretkey1234567890" }],
});

describe("share links", () => {
  it("round-trips a environment through the fragment, never the query string", () => {
    const link = shareLink("https://debugger.example.com", environment, { includeApiKeys: true });
    const url = new URL(link);
    expect(url.search).toBe("");
    expect(url.pathname).toBe("/environments");
    expect(readShareFragment(url.hash)).toEqual({ ...environment, source: "user" });
  });

  it("leaves API keys out unless asked", () => {
    const link = shareLink("https://debugger.example.com", environment, { includeApiKeys: false });
    expect(link).not.toContain("da2-");
    expect(readShareFragment(new URL(link).hash)?.appSync[0]?.apiKey).toBeUndefined();
    const decoded = Buffer.from(new URL(link).hash.slice(5), "base64url").toString();
    expect(decoded).not.toContain("supersecret");
  });

  it("names the problem in a damaged or hostile link", () => {
    expect(readShareFragment("#other=1")).toBeNull();
    expect(() => readShareFragment("#env=%%%")).toThrow(/damaged/);
    const bad = Buffer.from(JSON.stringify({ ...environment, userPoolId: "nope" })).toString("base64url");
    expect(() => readShareFragment(`#env=${bad}`)).toThrow(ConfigInputError);
  });

  it("never throws anything but its own error on arbitrary fragments", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          readShareFragment(`#env=${s}`);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigInputError);
        }
      }),
    );
  });

  it("never leaks a planted API key when keys are not included", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{20,40}$/), (secret) => {
        const withKey = { ...environment, appSync: [{ ...environment.appSync[0]!, apiKey: `da2-${secret}` }] };
        const link = shareLink("https://x.example", withKey, { includeApiKeys: false });
        const decoded = Buffer.from(new URL(link).hash.slice(5), "base64url").toString();
        return !link.includes(secret) && !decoded.includes(secret);
      }),
    );
  });
});
