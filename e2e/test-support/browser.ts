import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Which Chromium the e2e tests drive. Playwright's own browser download is not possible on every
 * machine, so `npm ci` alone must bring a browser: @sparticuz/chromium ships a headless Chromium
 * inside the npm package. The order, first that starts (`--version` answers) wins:
 *
 * 1. `E2E_CHROMIUM`: a path to a Chromium the user chose; `package` or `system` pins one of the
 *    sources below and fails instead of falling back.
 * 2. @sparticuz/chromium (Linux x64): pinned by package-lock.json, so every machine, CI included,
 *    tests in the same Chromium, and the one a fresh machine gets is the one CI checked. Its
 *    binary needs libnss3, libnspr4 and libexpat; where the system lacks them, the copies the
 *    package ships (its `al2023` libraries) are put on LD_LIBRARY_PATH.
 * 3. The system's Chromium (Debian's /usr/bin/chromium): other architectures, or where the
 *    package's binary cannot start. Its version follows the distribution, not the lock.
 * 4. Playwright's own Chromium, where `npx playwright install chromium` could download it
 *    (macOS, Windows).
 */
export type ChromiumSource = "E2E_CHROMIUM" | "@sparticuz/chromium" | "system" | "playwright";

export interface ResolvedChromium {
  source: ChromiumSource;
  executablePath: string;
  /** What `--version` printed, e.g. "Chromium 153.0.8010.0". */
  version: string;
  /** Extra environment the browser needs (the package's own libraries). */
  env?: Record<string, string>;
}

export type Started = { ok: true; version: string } | { ok: false; reason: string };

export interface ResolverInputs {
  /** The value of E2E_CHROMIUM, if any. */
  override: string | undefined;
  platform: string;
  arch: string;
  exists(path: string): boolean;
  /** Starts `path --version` with `env` added to the environment. */
  starts(path: string, env?: Record<string, string>): Started;
  /** Unpacks @sparticuz/chromium's binary (cached); rejects when the package is missing. */
  packageChromium(): Promise<{ executablePath: string; libraryPath: string }>;
  systemPaths: readonly string[];
  /** Where Playwright's own download would be. */
  playwrightPath(): string;
}

export type Resolution = { ok: true; chromium: ResolvedChromium } | { ok: false; message: string };

const WHAT_TO_DO =
  "Run `npm ci` on Linux x64 (it installs @sparticuz/chromium), or install Chromium (Debian: `apt-get install chromium`), or set E2E_CHROMIUM=/path/to/chromium.";

export const SYSTEM_CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"] as const;

async function fromPackage(inputs: ResolverInputs): Promise<ResolvedChromium | string> {
  if (inputs.platform !== "linux" || inputs.arch !== "x64") return `its binary is for Linux x64, this is ${inputs.platform} ${inputs.arch}`;
  let unpacked: { executablePath: string; libraryPath: string };
  try {
    unpacked = await inputs.packageChromium();
  } catch (error) {
    return `not unpacked (${firstLine(error)})`;
  }
  const plain = inputs.starts(unpacked.executablePath);
  if (plain.ok) return { source: "@sparticuz/chromium", executablePath: unpacked.executablePath, version: plain.version };
  const env = { LD_LIBRARY_PATH: unpacked.libraryPath };
  const withLibraries = inputs.starts(unpacked.executablePath, env);
  if (withLibraries.ok) return { source: "@sparticuz/chromium", executablePath: unpacked.executablePath, version: withLibraries.version, env };
  return `does not start (${plain.reason})`;
}

function fromSystem(inputs: ResolverInputs): ResolvedChromium | string {
  const installed = inputs.systemPaths.filter((path) => inputs.exists(path));
  if (installed.length === 0) return "not installed";
  const reasons: string[] = [];
  for (const path of installed) {
    const started = inputs.starts(path);
    if (started.ok) return { source: "system", executablePath: path, version: started.version };
    reasons.push(`${path} does not start (${started.reason})`);
  }
  return reasons.join(", ");
}

function fromPath(source: ChromiumSource, path: string, inputs: ResolverInputs): ResolvedChromium | string {
  if (!inputs.exists(path)) return `${path} does not exist`;
  const started = inputs.starts(path);
  return started.ok ? { source, executablePath: path, version: started.version } : `${path} does not start (${started.reason})`;
}

export async function resolveChromium(inputs: ResolverInputs): Promise<Resolution> {
  const override = inputs.override?.trim();
  const fail = (reasons: string) => ({ ok: false as const, message: `No Chromium for the e2e tests (${reasons}). ${WHAT_TO_DO}` });

  if (override === "package") {
    const found = await fromPackage(inputs);
    return typeof found === "string" ? fail(`E2E_CHROMIUM=package: @sparticuz/chromium ${found}`) : { ok: true, chromium: found };
  }
  if (override === "system") {
    const found = fromSystem(inputs);
    return typeof found === "string" ? fail(`E2E_CHROMIUM=system: ${found}`) : { ok: true, chromium: found };
  }
  if (override) {
    const found = fromPath("E2E_CHROMIUM", override, inputs);
    return typeof found === "string" ? fail(`E2E_CHROMIUM: ${found}`) : { ok: true, chromium: found };
  }

  const fromThePackage = await fromPackage(inputs);
  if (typeof fromThePackage !== "string") return { ok: true, chromium: fromThePackage };
  const fromTheSystem = fromSystem(inputs);
  if (typeof fromTheSystem !== "string") return { ok: true, chromium: fromTheSystem };
  const fromPlaywright = fromPath("playwright", inputs.playwrightPath(), inputs);
  if (typeof fromPlaywright !== "string") return { ok: true, chromium: fromPlaywright };
  return fail(`@sparticuz/chromium: ${fromThePackage}; system Chromium: ${fromTheSystem}; Playwright's: not downloaded`);
}

/**
 * Launch flags. Not @sparticuz/chromium's `chromium.args`: those are for AWS Lambda and include
 * `--disable-web-security` and `--single-process`, which would switch off the CORS and site
 * isolation the dashboard's pages are tested under.
 */
export function launchArgs(isRoot: boolean): string[] {
  return [
    // Chromium refuses to run as root with its sandbox on (Playwright also passes this by default).
    ...(isRoot ? ["--no-sandbox"] : []),
    "--disable-gpu",
    // No background traffic to Google's hosts: on a closed network it only fails, many times over.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

const RESOLVED_ENV = "E2E_CHROMIUM_RESOLVED";
const PREPARE_SCRIPT = fileURLToPath(new URL("./prepare-browser.ts", import.meta.url));

/**
 * For playwright.config.ts, which must be synchronous: unpacking the package's browser is not, so
 * a child process resolves it and prints the answer. The runner's answer is kept in the
 * environment its workers inherit, so they do not resolve again. No browser: one line, exit 1.
 */
export function chromiumForTests(): ResolvedChromium {
  const override = process.env.E2E_CHROMIUM ?? "";
  const cached = process.env[RESOLVED_ENV];
  if (cached) {
    const { forOverride, chromium } = JSON.parse(cached) as { forOverride: string; chromium: ResolvedChromium };
    if (forOverride === override) return chromium;
  }
  const child = spawnSync(process.execPath, ["--import", "tsx", PREPARE_SCRIPT], { encoding: "utf8", timeout: 300_000 });
  const answer = child.stdout?.trim().split("\n").pop();
  let resolution: Resolution;
  try {
    resolution = JSON.parse(answer ?? "") as Resolution;
  } catch {
    resolution = { ok: false, message: `No Chromium for the e2e tests (${PREPARE_SCRIPT} failed: ${(child.stderr || String(child.error ?? "")).trim().split("\n")[0]}). ${WHAT_TO_DO}` };
  }
  if (!resolution.ok) {
    console.error(resolution.message);
    process.exit(1);
  }
  process.env[RESOLVED_ENV] = JSON.stringify({ forOverride: override, chromium: resolution.chromium });
  console.log(`e2e browser: ${resolution.chromium.version} (${resolution.chromium.source}, ${resolution.chromium.executablePath})`);
  return resolution.chromium;
}
