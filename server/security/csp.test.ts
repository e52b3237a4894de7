import { describe, expect, it } from "vitest";
import { AWS_ALL_REGION_SOURCES, awsRegionSources, originSources, presetNeeds } from "../../lib/security/connect-sources";
import { buildDocumentCsp, createNonce, isSafeSource, NON_DOCUMENT_CSP, nonceOf } from "./csp";
import { connectPolicy, documentPolicy } from "./policy";
import { DEFAULT_REGIONS, parseRegionSetting } from "../../lib/security/regions";
import { MAX_COOKIE_REGIONS, regionsCookieValue, regionsFromCookie } from "../../lib/security/regions-cookie";
import { parsePresets } from "../../lib/config/presets";

const NONCE = "AAECAwQFBgcICQoLDA0ODw==";

/** `"a b; c d"` → { a: ["b"], c: ["d"] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("buildDocumentCsp", () => {
  const prod = directives(buildDocumentCsp({ nonce: NONCE, connectSrc: ["https://cognito-idp.us-east-1.amazonaws.com"] }));
  const dev = directives(buildDocumentCsp({ nonce: NONCE, connectSrc: [], dev: true }));

  it.each([
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]],
    ["style-src", ["'self'", `'nonce-${NONCE}'`]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["connect-src", ["'self'", "https://cognito-idp.us-east-1.amazonaws.com"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["frame-src", ["'none'"]],
  ])("production %s is %j", (name, values) => {
    expect(prod[name]).toEqual(values);
  });

  it("never allows inline script or eval in production", () => {
    expect(prod["script-src"]).not.toContain("'unsafe-inline'");
    expect(prod["script-src"]).not.toContain("'unsafe-eval'");
    expect(prod["style-src"]).not.toContain("'unsafe-inline'");
    expect(Object.keys(prod)).not.toContain("upgrade-insecure-requests");
  });

  it.each([
    ["script-src", ["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
  ])("next dev %s is %j", (name, values) => {
    expect(dev[name]).toEqual(values);
  });

  it.each(["", "short", "not base64!!!!!!!!!!!", `${NONCE}' 'unsafe-inline`, `${NONCE}; script-src *`])("refuses the nonce %j", (nonce) => {
    expect(() => buildDocumentCsp({ nonce, connectSrc: [] })).toThrow(/nonce/);
  });

  it.each([
    "https://evil.example; script-src *",
    "'unsafe-inline'",
    "*",
    "https:",
    "https://a.example 'unsafe-eval'",
    "https://a.example,https://b.example",
    "javascript:alert(1)",
    "ws://[::1]:4577",
    "cognito-idp.us-east-1.amazonaws.com",
  ])("drops the connect source %j", (source) => {
    expect(isSafeSource(source)).toBe(false);
    const csp = buildDocumentCsp({ nonce: NONCE, connectSrc: [source] });
    expect(directives(csp)["connect-src"]).toEqual(["'self'"]);
  });

  it.each(["https://*.appsync-api.us-east-1.amazonaws.com", "wss://bedrock-agentcore.eu-west-1.amazonaws.com", "http://127.0.0.1:4577", "ws://localhost:4577"])(
    "keeps the connect source %s",
    (source) => expect(isSafeSource(source)).toBe(true),
  );
});

describe("nonces", () => {
  it("are fresh, 128-bit, and read back the way Next reads them", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      expect(nonceOf(buildDocumentCsp({ nonce, connectSrc: [] }))).toBe(nonce);
    }
  });
});

describe("NON_DOCUMENT_CSP", () => {
  it("lets nothing load, run or frame", () => {
    expect(directives(NON_DOCUMENT_CSP)).toEqual({
      "default-src": ["'none'"],
      "frame-ancestors": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
      sandbox: [],
    });
  });
});

describe("awsRegionSources", () => {
  it.each([
    [
      "us-east-1",
      [
        "https://cognito-idp.us-east-1.amazonaws.com",
        // The UPDATED issuer's host, where such a pool's JWKS is fetched from.
        "https://issuer-cognito-idp.us-east-1.amazonaws.com",
        "https://cognito-identity.us-east-1.amazonaws.com",
        "https://sts.us-east-1.amazonaws.com",
        "https://*.appsync-api.us-east-1.amazonaws.com",
        "wss://*.appsync-realtime-api.us-east-1.amazonaws.com",
        "https://bedrock-agentcore.us-east-1.amazonaws.com",
        "wss://bedrock-agentcore.us-east-1.amazonaws.com",
        "https://*.gateway.bedrock-agentcore.us-east-1.amazonaws.com",
      ],
    ],
  ])("%s", (region, sources) => expect(awsRegionSources(region)).toEqual(sources));

  it.each([
    ["cn-north-1", "https://cognito-idp.cn-north-1.amazonaws.com.cn"],
    ["us-gov-west-1", "https://cognito-idp.us-gov-west-1.amazonaws.com"],
    ["ap-southeast-5", "https://cognito-idp.ap-southeast-5.amazonaws.com"],
  ])("%s uses its partition's domain", (region, first) => expect(awsRegionSources(region)[0]).toBe(first));

  it.each(["", "us-east-1; script-src *", "*", "US-EAST-1", "us-east-1.evil.example", "localhost"])("gives nothing for %j", (region) => {
    expect(awsRegionSources(region)).toEqual([]);
  });

  it("never uses a wildcard inside a name (CSP allows only a leftmost *.)", () => {
    for (const region of DEFAULT_REGIONS) for (const source of awsRegionSources(region)) expect(source).toMatch(/^(https|wss):\/\/(\*\.)?[a-z0-9.-]+$/);
  });
});

describe("originSources", () => {
  it.each([
    ["http://127.0.0.1:4577", ["http://127.0.0.1:4577", "ws://127.0.0.1:4577"]],
    ["http://127.0.0.1:4577/some/path?x=1", ["http://127.0.0.1:4577", "ws://127.0.0.1:4577"]],
    ["https://api.example.com/graphql", ["https://api.example.com", "wss://api.example.com"]],
    ["https://user:secret@API.example.com:8443/", ["https://api.example.com:8443", "wss://api.example.com:8443"]],
    ["https://api.example.com:443/", ["https://api.example.com", "wss://api.example.com"]],
    ["javascript:alert(1)", []],
    ["ftp://example.com", []],
    ["http://[::1]:4577", []],
    ["not a url", []],
    ["https://a.example; script-src *", []],
    ["", []],
  ])("%j → %j", (url, sources) => expect(originSources(url)).toEqual(sources));
});

describe("parseRegionSetting", () => {
  it.each([
    [undefined, { mode: "list", regions: [...DEFAULT_REGIONS], ignored: [] }],
    ["", { mode: "list", regions: [...DEFAULT_REGIONS], ignored: [] }],
    [" eu-south-2 , ap-southeast-5 ", { mode: "list", regions: ["eu-south-2", "ap-southeast-5"], ignored: [] }],
    ["EU-SOUTH-2,eu-south-2", { mode: "list", regions: ["eu-south-2"], ignored: [] }],
    ["default,me-central-1", { mode: "list", regions: [...DEFAULT_REGIONS, "me-central-1"], ignored: [] }],
    ["us-east-1,evil.example,*.amazonaws.com", { mode: "list", regions: ["us-east-1"], ignored: ["evil.example", "*.amazonaws.com"] }],
    ["all", { mode: "all", ignored: [] }],
    ["*", { mode: "all", ignored: [] }],
  ])("%j", (raw, setting) => expect(parseRegionSetting(raw)).toEqual(setting));
});

describe("presetNeeds", () => {
  it("takes regions from every part of a environment and the origins of custom domains only", () => {
    const { environments, warnings } = parsePresets(
      JSON.stringify([
        {
          id: "acme",
          name: "Acme",
          region: "eu-south-2",
          userPoolId: "eu-south-2_AbC123",
          userPoolClientId: "abc",
          identityPoolId: "eu-south-2:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
          appSync: [
            { name: "aws", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.me-south-1.amazonaws.com/graphql", region: "me-south-1", defaultAuthMode: "API_KEY" },
            { name: "custom", url: "https://api.acme.example/graphql", region: "eu-south-2", defaultAuthMode: "AMAZON_COGNITO_USER_POOLS" },
          ],
          agentCore: { runtimeArn: "arn:aws:bedrock-agentcore:il-central-1:123456789012:runtime/agent-AbC123", gatewayUrl: "https://gw-1.gateway.bedrock-agentcore.il-central-1.amazonaws.com/mcp" },
          endpoints: { cognitoIdp: "https://vpce-1.cognito-idp.eu-south-2.vpce.amazonaws.com" },
          oauth: { domain: "login.acme.example" },
        },
      ]),
      "test",
    );
    expect(warnings).toEqual([]);
    expect(presetNeeds(environments)).toEqual({
      regions: ["eu-south-2", "me-south-1", "il-central-1"],
      sources: [
        "https://api.acme.example",
        "wss://api.acme.example",
        "https://vpce-1.cognito-idp.eu-south-2.vpce.amazonaws.com",
        "wss://vpce-1.cognito-idp.eu-south-2.vpce.amazonaws.com",
        "https://login.acme.example",
      ],
    });
  });
});

describe("connectPolicy", () => {
  const noFile = () => {
    throw new Error("ENOENT");
  };

  it("defaults: the global STS endpoint and the default regions, no sandbox", () => {
    const policy = connectPolicy({}, noFile);
    expect(policy.regions).toEqual(DEFAULT_REGIONS);
    expect(policy.sources[0]).toBe("https://sts.amazonaws.com");
    expect(policy.sources).toContain("wss://*.appsync-realtime-api.ap-northeast-1.amazonaws.com");
    expect(policy.sources.some((s) => s.startsWith("http://") || s.startsWith("ws://"))).toBe(false);
    expect(policy.warnings).toEqual([]);
  });

  it("adds the sandbox, http and ws, when one is configured", () => {
    const policy = connectPolicy({ AUTH_DEBUGGER_SANDBOX_URL: "http://127.0.0.1:4577" }, noFile);
    expect(policy.sources.slice(0, 2)).toEqual(["http://127.0.0.1:4577", "ws://127.0.0.1:4577"]);
  });

  it("adds the regions and custom domains of presets, from the variable and the file", () => {
    const preset = (id: string, region: string) => ({ id, name: id, region, userPoolId: `${region}_AbC`, userPoolClientId: "c" });
    const policy = connectPolicy(
      {
        AUTH_DEBUGGER_REGIONS: "us-east-1",
        AUTH_DEBUGGER_PRESETS: JSON.stringify([{ ...preset("a", "eu-south-2"), endpoints: { sts: "https://sts.proxy.example/" } }]),
        AUTH_DEBUGGER_PRESETS_FILE: "/presets.json",
      },
      (path) => (path === "/presets.json" ? JSON.stringify([preset("b", "af-south-1")]) : noFile()),
    );
    expect(policy.regions).toEqual(["us-east-1", "eu-south-2", "af-south-1"]);
    expect(policy.sources).toContain("https://sts.proxy.example");
    expect(policy.sources).toContain("https://cognito-idp.af-south-1.amazonaws.com");
    expect(policy.sources).not.toContain("https://cognito-idp.eu-west-1.amazonaws.com");
  });

  it("all: the broad AWS patterns instead of per-region sources", () => {
    const policy = connectPolicy({ AUTH_DEBUGGER_REGIONS: "all" }, noFile);
    expect(policy.sources).toEqual([...AWS_ALL_REGION_SOURCES]);
    expect(policy.allRegions).toBe(true);
  });

  it("takes extra origins from AUTH_DEBUGGER_CONNECT_SRC and reports what it ignores", () => {
    const policy = connectPolicy(
      { AUTH_DEBUGGER_REGIONS: "us-east-1,bogus", AUTH_DEBUGGER_CONNECT_SRC: "https://api.acme.example/graphql, 'unsafe-inline', *" , AUTH_DEBUGGER_PRESETS_FILE: "/missing" },
      noFile,
    );
    expect(policy.sources).toContain("https://api.acme.example");
    expect(policy.sources).toContain("wss://api.acme.example");
    expect(policy.warnings).toEqual([
      'AUTH_DEBUGGER_REGIONS: "bogus" is not a region name; ignored',
      "AUTH_DEBUGGER_PRESETS_FILE could not be read",
      "AUTH_DEBUGGER_CONNECT_SRC: \"'unsafe-inline'\" is not an http(s) origin; ignored",
      'AUTH_DEBUGGER_CONNECT_SRC: "*" is not an http(s) origin; ignored',
    ]);
  });

  it("keeps the default page header well under common 16 KB header limits", () => {
    const { csp } = documentPolicy({ AUTH_DEBUGGER_SANDBOX_URL: "http://127.0.0.1:4577" }, regionsCookieValue(["me-central-1", "il-central-1"]));
    // About 7.7 KB for the default regions plus the sandbox, and some 480 bytes per added region.
    expect(csp.length).toBeLessThan(9 * 1024);
  });
});

describe("the regions cookie", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["eu-south-2", ["eu-south-2"]],
    ["eu-south-2%2Cme-central-1", ["eu-south-2", "me-central-1"]],
    ["eu-south-2,evil.example,https://x,*", ["eu-south-2"]],
    ["%E0%A4%A", []],
    [Array.from({ length: 20 }, (_, i) => `eu-south-${i + 1}`).join(","), Array.from({ length: MAX_COOKIE_REGIONS }, (_, i) => `eu-south-${i + 1}`)],
  ])("%j → %j", (cookie, regions) => expect(regionsFromCookie(cookie)).toEqual(regions));

  it("widens the next page's connect-src by those regions' AWS hosts, and only by them", () => {
    const env = { AUTH_DEBUGGER_REGIONS: "us-east-1" };
    const plain = directives(documentPolicy(env, undefined, NONCE).csp)["connect-src"]!;
    const widened = directives(documentPolicy(env, "eu-south-2,https://evil.example", NONCE).csp)["connect-src"]!;
    expect(widened.filter((s) => !plain.includes(s))).toEqual(awsRegionSources("eu-south-2"));
  });

  it("changes nothing in all-regions mode or for regions already listed", () => {
    const all = documentPolicy({ AUTH_DEBUGGER_REGIONS: "all" }, "eu-south-2", NONCE).csp;
    expect(all).toBe(documentPolicy({ AUTH_DEBUGGER_REGIONS: "all" }, undefined, NONCE).csp);
    const listed = documentPolicy({ AUTH_DEBUGGER_REGIONS: "us-east-1" }, "us-east-1", NONCE).csp;
    expect(listed).toBe(documentPolicy({ AUTH_DEBUGGER_REGIONS: "us-east-1" }, undefined, NONCE).csp);
  });
});
