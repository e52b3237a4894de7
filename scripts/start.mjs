#!/usr/bin/env node
// Runs the dashboard and the local AWS sandbox together, both on 127.0.0.1, and stops both on
// Ctrl-C or when either one exits.
//
//   node scripts/start.mjs                 build, then serve the production app (.next/standalone) + sandbox
//   node scripts/start.mjs --dev           next dev + sandbox
//   node scripts/start.mjs --no-build      serve the existing build (the e2e tests use this)
//   options: --port 3000 --sandbox-port 4577 --no-sandbox
import { spawn } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "no-sandbox": { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "sandbox-port": { type: "string", default: process.env.SANDBOX_PORT ?? "4577" },
  },
});

const HOST = "127.0.0.1";
const bin = (name) => `node_modules/.bin/${name}`;
const children = new Set();
let stopping = false;

function run(command, args, env = {}) {
  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping && (code !== 0 || signal)) {
      console.error(`${command} ${args[0] ?? ""} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  // Give both a moment to close their sockets, then make sure nothing is left behind.
  setTimeout(() => {
    for (const child of children) child.kill("SIGKILL");
    process.exit(code);
  }, 3000).unref();
  Promise.all([...children].map((c) => new Promise((r) => c.once("exit", r)))).then(() => process.exit(code));
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function waitFor(url, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await delay(200);
  }
  if (!stopping) {
    console.error(`${what} did not come up at ${url} within ${timeoutMs / 1000} s.`);
    stop(1);
  }
}

async function build() {
  const child = spawn(bin("next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0) process.exit(code ?? 1);
}

// Build before starting anything, so a failed build leaves no server behind.
if (!values.dev && (!values["no-build"] || !existsSync(".next/BUILD_ID"))) await build();

const appEnv = {};
if (!values["no-sandbox"]) {
  const sandboxUrl = `http://${HOST}:${values["sandbox-port"]}`;
  run(bin("tsx"), ["sandbox/main.ts", "--port", values["sandbox-port"]]);
  await waitFor(`${sandboxUrl}/_sandbox/health`, "The local sandbox");
  appEnv.AUTH_DEBUGGER_SANDBOX_URL = sandboxUrl;
  appEnv.AUTH_DEBUGGER_DEFAULT_ENVIRONMENT = process.env.AUTH_DEBUGGER_DEFAULT_ENVIRONMENT ?? process.env.AUTH_DEBUGGER_DEFAULT_PROFILE ?? "sandbox-demo";
}

/**
 * `output: "standalone"` (next.config.ts) builds .next/standalone/server.js, the server the Docker
 * image runs; serve that same server here. Like the Dockerfile, it needs the static files and
 * public/ beside it. A build from before standalone falls back to `next start`.
 */
function startStandalone() {
  const dir = ".next/standalone";
  for (const [from, to] of [[".next/static", `${dir}/.next/static`], ["public", `${dir}/public`]]) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  // server.js changes into its own directory: make a relative presets file path absolute first.
  const presetsFile = process.env.AUTH_DEBUGGER_PRESETS_FILE;
  const fileEnv = presetsFile ? { AUTH_DEBUGGER_PRESETS_FILE: resolve(presetsFile) } : {};
  run(process.execPath, [`${dir}/server.js`], { ...appEnv, ...fileEnv, PORT: values.port, HOSTNAME: HOST, NODE_ENV: "production" });
}

if (values.dev) {
  run(bin("next"), ["dev", "-H", HOST, "-p", values.port], appEnv);
} else if (existsSync(".next/standalone/server.js")) {
  startStandalone();
} else {
  run(bin("next"), ["start", "-H", HOST, "-p", values.port], appEnv);
}
if (!stopping) {
  await waitFor(`http://${HOST}:${values.port}/api/presets`, "The dashboard", 60_000);
  if (!stopping) console.log(`\nAuth Flow Debugger is ready: http://localhost:${values.port}\n`);
}
