/**
 * Finds the e2e tests' Chromium (order in browser.ts) and prints the answer as one JSON line.
 * Run by browser.ts's chromiumForTests() in a child process, because unpacking the package's
 * browser is asynchronous and playwright.config.ts is not. `node --import tsx` this file to see
 * which browser the tests would get.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveChromium, SYSTEM_CHROMIUM_PATHS, type Started } from "./browser";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);

function starts(path: string, env?: Record<string, string>): Started {
  const run = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 20_000, env: { ...process.env, ...env } });
  const version = run.stdout?.match(/Chrom\S* [\d.]+/)?.[0];
  if (run.status === 0 && version) return { ok: true, version };
  const said = (run.stderr || run.stdout || String(run.error ?? `exit ${run.status ?? run.signal}`)).trim().split("\n")[0];
  return { ok: false, reason: said ?? "no answer" };
}

/**
 * The package decompresses its binary into os.tmpdir()/chromium and reuses whatever is there,
 * whichever version or user put it there. So it unpacks into a folder of its own, keyed by the
 * package's version, and only a complete unpacking is moved into place.
 */
async function packageChromium(): Promise<{ executablePath: string; libraryPath: string }> {
  const packageDir = dirname(dirname(require.resolve("@sparticuz/chromium")));
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const target = join(projectRoot, "node_modules", ".cache", "e2e-chromium", version);
  const unpacked = { executablePath: join(target, "chromium"), libraryPath: join(target, "al2023", "lib") };
  if (existsSync(unpacked.executablePath)) return unpacked;

  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const tmpdirBefore = process.env.TMPDIR;
  process.env.TMPDIR = staging; // where the package unpacks (os.tmpdir() reads it on each call)
  try {
    const { default: chromium, inflate } = await import("@sparticuz/chromium");
    const binDir = join(packageDir, "bin");
    await chromium.executablePath(binDir);
    await inflate(join(binDir, "al2023.tar.br")); // libnss3, libnspr4, libexpat for machines without them
  } finally {
    if (tmpdirBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdirBefore;
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another run unpacked the same version first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(unpacked.executablePath)) throw error;
  }
  return unpacked;
}

const resolution = await resolveChromium({
  override: process.env.E2E_CHROMIUM,
  platform: process.platform,
  arch: process.arch,
  exists: existsSync,
  starts,
  packageChromium,
  systemPaths: SYSTEM_CHROMIUM_PATHS,
  // Loaded only when asked: Playwright takes a second to load and is rarely the answer.
  playwrightPath: () => (require("@playwright/test") as typeof import("@playwright/test")).chromium.executablePath(),
});
process.stdout.write(`${JSON.stringify(resolution)}\n`);
