/**
 * From the deployment's environment (and, per request, the visitor's regions cookie) to the
 * document CSP. Environment-derived parts are computed once per distinct environment: the proxy
 * runs on every page request, the environment does not change under a running server.
 */
import "server-only";
import { readFileSync } from "node:fs";
import { mergePresets, parsePresets, type PresetList } from "../../lib/config/presets";
import {
  AWS_ALL_REGION_SOURCES,
  AWS_GLOBAL_SOURCES,
  awsRegionSources,
  originSources,
  presetNeeds,
} from "../../lib/security/connect-sources";
import { logEvent } from "./log";
import { buildDocumentCsp, createNonce, isSafeSource } from "./csp";
import { parseRegionSetting, unique } from "../../lib/security/regions";
import { regionsFromCookie } from "../../lib/security/regions-cookie";

interface SecurityEnv {
  AUTH_DEBUGGER_REGIONS?: string;
  AUTH_DEBUGGER_SANDBOX_URL?: string;
  AUTH_DEBUGGER_PRESETS?: string;
  AUTH_DEBUGGER_PRESETS_FILE?: string;
  /** Extra origins (comma-separated), e.g. a customer's AppSync custom domain. */
  AUTH_DEBUGGER_CONNECT_SRC?: string;
  NODE_ENV?: string;
}

interface ConnectPolicy {
  /** connect-src sources besides 'self'. */
  sources: string[];
  /** Regions covered source by source; empty in "all" mode, where every region is. */
  regions: string[];
  allRegions: boolean;
  /** Settings that were ignored, for the operator (never copied into a header). */
  warnings: string[];
}

type ReadText = (path: string) => string;

/** The deployment's presets, read the way /api/presets reads them (the sandbox's own aside). */
function readPresetEnvironments(env: SecurityEnv, readText: ReadText): PresetList {
  const lists: PresetList[] = [];
  if (env.AUTH_DEBUGGER_PRESETS) lists.push(parsePresets(env.AUTH_DEBUGGER_PRESETS, "AUTH_DEBUGGER_PRESETS"));
  if (env.AUTH_DEBUGGER_PRESETS_FILE) {
    try {
      lists.push(parsePresets(readText(env.AUTH_DEBUGGER_PRESETS_FILE), "AUTH_DEBUGGER_PRESETS_FILE"));
    } catch {
      lists.push({ environments: [], warnings: ["AUTH_DEBUGGER_PRESETS_FILE could not be read"] });
    }
  }
  return mergePresets(...lists);
}

export function connectPolicy(env: SecurityEnv, readText: ReadText = (path) => readFileSync(path, "utf8")): ConnectPolicy {
  const setting = parseRegionSetting(env.AUTH_DEBUGGER_REGIONS);
  const warnings = setting.ignored.map((item) => `AUTH_DEBUGGER_REGIONS: "${item}" is not a region name; ignored`);
  const presets = readPresetEnvironments(env, readText);
  warnings.push(...presets.warnings);
  const needs = presetNeeds(presets.environments);

  const extra: string[] = [];
  for (const item of (env.AUTH_DEBUGGER_CONNECT_SRC ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const sources = originSources(item);
    if (sources.length === 0) warnings.push(`AUTH_DEBUGGER_CONNECT_SRC: "${item}" is not an http(s) origin; ignored`);
    extra.push(...sources);
  }
  const sandbox = env.AUTH_DEBUGGER_SANDBOX_URL ? originSources(env.AUTH_DEBUGGER_SANDBOX_URL) : [];

  const regions = setting.mode === "all" ? [] : unique([...setting.regions, ...needs.regions]);
  const aws = setting.mode === "all" ? [...AWS_ALL_REGION_SOURCES] : [...AWS_GLOBAL_SOURCES, ...regions.flatMap(awsRegionSources)];
  const sources = unique([...sandbox, ...aws, ...needs.sources, ...extra]).filter(isSafeSource);
  return { sources, regions, allRegions: setting.mode === "all", warnings };
}

let cached: { key: string; policy: ConnectPolicy } | undefined;

/** connectPolicy, remembered for as long as the relevant variables stay the same. */
function cachedConnectPolicy(env: SecurityEnv): ConnectPolicy {
  const key = JSON.stringify([
    env.AUTH_DEBUGGER_REGIONS,
    env.AUTH_DEBUGGER_SANDBOX_URL,
    env.AUTH_DEBUGGER_PRESETS,
    env.AUTH_DEBUGGER_PRESETS_FILE,
    env.AUTH_DEBUGGER_CONNECT_SRC,
  ]);
  if (cached?.key !== key) {
    cached = { key, policy: connectPolicy(env) };
    if (cached.policy.warnings.length) logEvent("csp.config-warnings", { warnings: cached.policy.warnings }, "warn");
  }
  return cached.policy;
}

/** One page response's policy: a fresh nonce, the environment's sources, the cookie's regions. */
export function documentPolicy(
  env: SecurityEnv,
  cookieRegions: string | undefined,
  nonce: string = createNonce(),
): { nonce: string; csp: string } {
  const policy = cachedConnectPolicy(env);
  const more = policy.allRegions ? [] : regionsFromCookie(cookieRegions).filter((r) => !policy.regions.includes(r));
  const connectSrc = more.length ? [...policy.sources, ...more.flatMap(awsRegionSources)] : policy.sources;
  return { nonce, csp: buildDocumentCsp({ nonce, connectSrc, dev: env.NODE_ENV === "development" }) };
}
