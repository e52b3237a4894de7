import { expect, test } from "vitest";
import { launchArgs, resolveChromium, type ResolverInputs, type Started } from "./browser";

// Which Chromium the suite picks on machines unlike this one, with the file system and the
// browsers' answers stood in for. Runs in the e2e suite (no page needed).

const PACKAGE_BINARY = "/project/node_modules/.cache/e2e-chromium/153.0.0/chromium";
const PACKAGE_LIBS = "/project/node_modules/.cache/e2e-chromium/153.0.0/al2023/lib";
const PLAYWRIGHT_BINARY = "/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux/chrome";

interface Machine {
  override?: string;
  arch?: string;
  files?: string[];
  /** Binaries that start, and whether they need the package's libraries to. */
  starting?: Record<string, "alone" | "with package libraries">;
  packageMissing?: boolean;
}

function inputs(machine: Machine): ResolverInputs {
  const files = new Set(machine.files ?? []);
  const starts = (path: string, env?: Record<string, string>): Started => {
    const how = machine.starting?.[path];
    if (how === "alone" || (how === "with package libraries" && env?.LD_LIBRARY_PATH === PACKAGE_LIBS)) return { ok: true, version: `Chromium 1.0 at ${path}` };
    return { ok: false, reason: "error while loading shared libraries: libnss3.so" };
  };
  return {
    override: machine.override,
    platform: "linux",
    arch: machine.arch ?? "x64",
    exists: (path) => files.has(path),
    starts,
    packageChromium: async () => {
      if (machine.packageMissing) throw new Error("Cannot find module '@sparticuz/chromium'");
      return { executablePath: PACKAGE_BINARY, libraryPath: PACKAGE_LIBS };
    },
    systemPaths: ["/usr/bin/chromium"],
    playwrightPath: () => PLAYWRIGHT_BINARY,
  };
}

async function chosen(machine: Machine) {
  const resolution = await resolveChromium(inputs(machine));
  if (!resolution.ok) throw new Error(`expected a browser, got: ${resolution.message}`);
  return resolution.chromium;
}

async function failure(machine: Machine) {
  const resolution = await resolveChromium(inputs(machine));
  if (resolution.ok) throw new Error(`expected no browser, got ${resolution.chromium.executablePath}`);
  return resolution.message;
}

test("a fresh machine with no Chromium installed uses the package's", async () => {
  const chromium = await chosen({ starting: { [PACKAGE_BINARY]: "alone" } });
  expect(chromium).toEqual({ source: "@sparticuz/chromium", executablePath: PACKAGE_BINARY, version: `Chromium 1.0 at ${PACKAGE_BINARY}` });
});

test("the package's Chromium comes before Debian's, so every machine tests in the locked version", async () => {
  const chromium = await chosen({ files: ["/usr/bin/chromium"], starting: { [PACKAGE_BINARY]: "alone", "/usr/bin/chromium": "alone" } });
  expect(chromium.executablePath).toBe(PACKAGE_BINARY);
});

test("a machine without libnss3 runs the package's Chromium on the libraries it ships", async () => {
  const chromium = await chosen({ starting: { [PACKAGE_BINARY]: "with package libraries" } });
  expect(chromium.executablePath).toBe(PACKAGE_BINARY);
  expect(chromium.env).toEqual({ LD_LIBRARY_PATH: PACKAGE_LIBS });
});

test("Debian's Chromium is used where the package has no binary for the machine", async () => {
  const chromium = await chosen({ arch: "arm64", files: ["/usr/bin/chromium"], starting: { "/usr/bin/chromium": "alone" } });
  expect(chromium).toMatchObject({ source: "system", executablePath: "/usr/bin/chromium" });
});

test("Playwright's own download is the last resort", async () => {
  const chromium = await chosen({ packageMissing: true, files: [PLAYWRIGHT_BINARY], starting: { [PLAYWRIGHT_BINARY]: "alone" } });
  expect(chromium).toMatchObject({ source: "playwright", executablePath: PLAYWRIGHT_BINARY });
});

test("E2E_CHROMIUM names the browser, ahead of everything else", async () => {
  const chromium = await chosen({ override: "/opt/chrome/chrome", files: ["/opt/chrome/chrome", "/usr/bin/chromium"], starting: { "/opt/chrome/chrome": "alone", [PACKAGE_BINARY]: "alone" } });
  expect(chromium).toMatchObject({ source: "E2E_CHROMIUM", executablePath: "/opt/chrome/chrome" });
});

test("E2E_CHROMIUM=package fails rather than fall back to Debian's", async () => {
  const message = await failure({ override: "package", packageMissing: true, files: ["/usr/bin/chromium"], starting: { "/usr/bin/chromium": "alone" } });
  expect(message).toContain("E2E_CHROMIUM=package: @sparticuz/chromium not unpacked (Cannot find module '@sparticuz/chromium')");
});

test("E2E_CHROMIUM=system ignores the package", async () => {
  const chromium = await chosen({ override: "system", files: ["/usr/bin/chromium"], starting: { [PACKAGE_BINARY]: "alone", "/usr/bin/chromium": "alone" } });
  expect(chromium.executablePath).toBe("/usr/bin/chromium");
});

test("a wrong E2E_CHROMIUM path is named in the failure", async () => {
  const message = await failure({ override: "/opt/nothing", starting: { [PACKAGE_BINARY]: "alone" } });
  expect(message).toContain("E2E_CHROMIUM: /opt/nothing does not exist");
});

test("no browser at all: one line saying why each source failed and what to do", async () => {
  const message = await failure({ packageMissing: true });
  expect(message.split("\n")).toHaveLength(1);
  expect(message).toContain("@sparticuz/chromium: not unpacked");
  expect(message).toContain("system Chromium: not installed");
  expect(message).toContain("Run `npm ci`");
  expect(message).toContain("E2E_CHROMIUM=/path/to/chromium");
});

test("a package binary that cannot start even with its own libraries is reported, not launched", async () => {
  const message = await failure({});
  expect(message).toContain("@sparticuz/chromium: does not start (error while loading shared libraries: libnss3.so)");
});

test("root gets --no-sandbox, other users keep Chromium's sandbox flags untouched", () => {
  expect(launchArgs(true)).toContain("--no-sandbox");
  expect(launchArgs(false)).not.toContain("--no-sandbox");
});
