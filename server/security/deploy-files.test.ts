/**
 * The deployment files agree with lib/security: Amplify's customHttp.yml carries the same base
 * headers, and scripts/amplify-env.mjs writes AUTH_DEBUGGER_* values that Next's own .env loader
 * reads back unchanged (JSON presets with quotes, `#` and `$` included).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvConfig } from "@next/env";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BASE_SECURITY_HEADERS } from "./headers";

const ROOT = join(__dirname, "..", "..");

describe("customHttp.yml", () => {
  it("sets every base header with the same value, and no CSP", () => {
    const yml = readFileSync(join(ROOT, "customHttp.yml"), "utf8");
    const pairs = [...yml.matchAll(/- key: (.+)\n\s+value: (.+)/g)].map((m) => ({ key: m[1]!.trim(), value: m[2]!.trim() }));
    expect(pairs).toEqual([...BASE_SECURITY_HEADERS]);
    expect(yml).not.toMatch(/^\s*- key: Content-Security-Policy/im);
  });
});

describe("scripts/amplify-env.mjs", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  const presets = [{ id: "acme", name: `Acme's "prod" #1 costs $5 $HOME`, region: "eu-south-2" }];

  it("writes values Next's .env loader reads back exactly", () => {
    dir = mkdtempSync(join(tmpdir(), "amplify-env-"));
    const env = {
      PATH: process.env.PATH,
      AUTH_DEBUGGER_PRESETS: JSON.stringify(presets, null, 2),
      AUTH_DEBUGGER_REGIONS: "default,eu-south-2",
      AUTH_DEBUGGER_CLOUDTRAIL_GROUPS: "support,admins",
      UNRELATED_SECRET: "not written",
    } as unknown as NodeJS.ProcessEnv;
    const out = execFileSync(process.execPath, [join(ROOT, "scripts/amplify-env.mjs"), join(dir, ".env.production")], { env, encoding: "utf8" });
    expect(out).not.toContain("eu-south-2");
    const written = readFileSync(join(dir, ".env.production"), "utf8");
    expect(written).not.toContain("UNRELATED_SECRET");
    // Next loads .env.production when NODE_ENV is production; loadEnvConfig also copies what it
    // reads into process.env, so the variables are stubbed first and restored afterwards.
    vi.stubEnv("NODE_ENV", "production");
    for (const name of ["AUTH_DEBUGGER_PRESETS", "AUTH_DEBUGGER_REGIONS", "AUTH_DEBUGGER_CLOUDTRAIL_GROUPS"]) vi.stubEnv(name, undefined);
    const { parsedEnv } = loadEnvConfig(dir, false, { info: () => undefined, error: () => undefined }, true);
    expect(JSON.parse(parsedEnv?.AUTH_DEBUGGER_PRESETS ?? "null")).toEqual(presets);
    expect(parsedEnv).toMatchObject({ AUTH_DEBUGGER_REGIONS: "default,eu-south-2", AUTH_DEBUGGER_CLOUDTRAIL_GROUPS: "support,admins" });
  });

  it("fails the build on a value a .env file cannot carry", () => {
    dir = mkdtempSync(join(tmpdir(), "amplify-env-"));
    const run = () =>
      execFileSync(process.execPath, [join(ROOT, "scripts/amplify-env.mjs"), join(dir!, ".env.production")], {
        env: { PATH: process.env.PATH, AUTH_DEBUGGER_DEFAULT_ENVIRONMENT: "a`b" } as unknown as NodeJS.ProcessEnv,
        stdio: "pipe",
      });
    expect(run).toThrow();
  });
});
