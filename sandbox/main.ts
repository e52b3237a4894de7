import { DEFAULT_PORT, startSandbox } from "./server";

/**
 * `npm run sandbox` / `npx tsx sandbox/main.ts [--port N] [--tls-port N] [--scenarios DIR] [--state-dir DIR]`
 * Port precedence: --port, then SANDBOX_PORT, then 4577. SANDBOX_LOG=1 logs one line per request.
 * --state-dir (or SANDBOX_STATE_DIR) keeps keys, refresh tokens and issued credentials across
 * restarts, so a browser's session outlives a sandbox restart.
 * --tls-port (or SANDBOX_TLS_PORT) adds an https/wss listener on that port, with a local CA made on
 * first start (in {state dir}/tls, else .sandbox-state/tls); off unless asked for.
 */

const USAGE = "usage: tsx sandbox/main.ts [--port N] [--tls-port N] [--scenarios DIR] [--state-dir DIR]";

interface Args {
  port?: string;
  tlsPort?: string;
  scenariosDir?: string;
  stateDir?: string;
}

function parseArgs(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--port") out.port = value();
    else if (flag === "--tls-port") out.tlsPort = value();
    else if (flag === "--scenarios") out.scenariosDir = value();
    else if (flag === "--state-dir") out.stateDir = value();
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return out;
}

function toPort(raw: string | undefined, from: string): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${from} must be a port number, got ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = toPort(args.port, "--port") ?? toPort(process.env["SANDBOX_PORT"], "SANDBOX_PORT") ?? DEFAULT_PORT;
  const tlsPort = toPort(args.tlsPort, "--tls-port") ?? toPort(process.env["SANDBOX_TLS_PORT"], "SANDBOX_TLS_PORT");
  const stateDir = args.stateDir || process.env["SANDBOX_STATE_DIR"] || undefined;
  const sandbox = await startSandbox({
    port,
    ...(args.scenariosDir ? { scenariosDir: args.scenariosDir } : {}),
    ...(stateDir ? { stateDir } : {}),
    ...(tlsPort !== undefined ? { tls: { port: tlsPort } } : {}),
  });
  const names = sandbox.scenarios.map((scenario) => scenario.name).join(", ") || "none";
  const tls = sandbox.tls ? ` and ${sandbox.tls.url} (trust the sandbox's local CA: ${sandbox.tls.caPath})` : "";
  console.log(`sandbox listening on ${sandbox.url}${tls} (scenarios: ${names})`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${(error as Error).message}`);
  process.exit(1);
});
