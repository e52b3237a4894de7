import { createServer, type Server } from "node:http";
import { createServer as createTlsServer, type Server as TlsServer } from "node:https";
import type { AddressInfo, Server as NetServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAgentCore } from "./agentcore/index";
import { createAppSync } from "./appsync/index";
import { createAppSyncEvents } from "./appsync/events/index";
import { createCognitoIdentity } from "./cognito-identity/index";
import { createCloudTrail } from "./cloudtrail/index";
import { createCognitoIdp } from "./cognito-idp/index";
import { Outbox, outboxService } from "./cognito-idp/outbox";
import { bindIamState, createIamState } from "./iam/state";
import { sandboxMeta } from "./meta";
import { createSts } from "./sts/index";
import { createRouter } from "./router";
import { createUpgradeRouter } from "./upgrade-router";
import { createFaults } from "./faults";
import { openStateDir } from "./state-dir";
import { assertDistinctIds, loadScenarioDir, parseScenario, type Scenario, type ScenarioInput } from "./scenario";

/**
 * The local AWS sandbox: one HTTP server on loopback standing in for every AWS endpoint the
 * dashboard talks to. Each AWS service is a module that hands the router its operations and
 * routes; adding a service means adding it to `services` below.
 */

export const DEFAULT_PORT = 4577;
export const DEFAULT_SCENARIOS_DIR = fileURLToPath(new URL("./scenarios/", import.meta.url));
/** Loopback only: the sandbox hands out tokens for made-up users and must not be reachable. */
const HOST = "127.0.0.1";

interface SandboxOptions {
  /** 0 picks a free port (tests). Defaults to 4577. */
  port?: number;
  /** Scenarios given directly; validated like files. */
  scenarios?: ScenarioInput[];
  /** A directory of scenario JSON files. When neither option is set, sandbox/scenarios/. */
  scenariosDir?: string;
  /** Clock in milliseconds, for tests that need tokens to expire. */
  now?: () => number;
  /**
   * A directory that keeps signing keys, refresh tokens and issued credentials across restarts
   * (state-dir.ts). Without one, they are new at every start.
   */
  stateDir?: string;
  /**
   * An https listener beside the HTTP one, serving the same routes and WebSocket upgrades, for
   * clients that only speak https/wss. `port` 0 picks a free port. `dir` keeps the sandbox's local
   * CA and server certificate (tls/certificates.ts); default `{stateDir}/tls`, else
   * `.sandbox-state/tls` under the working directory.
   */
  tls?: { port: number; dir?: string };
}

export interface RunningTls {
  /** `https://127.0.0.1:{port}`, no trailing slash: the base of issuers and URLs handed out through it. */
  url: string;
  port: number;
  /** The CA certificate clients trust (NODE_EXTRA_CA_CERTS for Node). */
  caPath: string;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:{port}`, no trailing slash. */
  url: string;
  port: number;
  /** Present when started with `tls`. */
  tls?: RunningTls;
  scenarios: Scenario[];
  close(): Promise<void>;
}

async function collectScenarios(options: SandboxOptions): Promise<Scenario[]> {
  const given = (options.scenarios ?? []).map((scenario, i) => parseScenario(scenario, `options.scenarios[${i}]`));
  const dir = options.scenariosDir ?? (options.scenarios ? undefined : DEFAULT_SCENARIOS_DIR);
  const fromDir = dir ? await loadScenarioDir(dir) : [];
  const all = [...given, ...fromDir];
  assertDistinctIds(all);
  return all;
}

function listen(server: NetServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} on ${HOST} is already in use (is a sandbox already running?)`) : error);
    };
    server.once("error", onError);
    server.listen(port, HOST, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/** Where the local CA lives when `tls.dir` is not given. */
const defaultTlsDir = (stateDir?: string) => (stateDir ? join(stateDir, "tls") : resolve(".sandbox-state", "tls"));

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const scenarios = await collectScenarios(options);
  // Loaded only when asked for: without TLS the sandbox starts exactly as before, X.509 code unloaded.
  const tlsMaterial = options.tls
    ? await (await import("./tls/certificates")).loadOrCreateTlsMaterial(resolve(options.tls.dir ?? defaultTlsDir(options.stateDir)))
    : undefined;
  // The sandbox fetches its own JWKS and discovery documents; through the TLS listener those are https.
  const selfFetch = tlsMaterial ? { fetch: (await import("./tls/trusting-fetch")).fetchTrustingCa(tlsMaterial.caPem) } : {};
  const now = options.now ?? Date.now;
  // Roles, issued credentials and the CloudTrail log, shared by every service of this sandbox.
  const state = options.stateDir ? openStateDir(options.stateDir) : undefined;
  const iam = await createIamState(scenarios, now, state);
  const faults = createFaults();
  // Codes the user pools "email" (email MFA), readable at GET /_sandbox/outbox.
  const outbox = new Outbox(now);
  const services = [
    sandboxMeta(scenarios, faults),
    outboxService(outbox),
    await createCognitoIdp(scenarios, now, { faults, state, outbox }),
    createCognitoIdentity(scenarios, iam, selfFetch),
    createSts(iam),
    ...createCloudTrail(scenarios, iam),
    ...createAppSync(scenarios, now, selfFetch),
    createAppSyncEvents(scenarios, now, selfFetch),
    ...createAgentCore(scenarios, now, selfFetch),
  ];

  // The base URL is only known once listening (port 0); the router reads it per request. Each
  // listener has its own: what a client is handed (issuers, discovery URLs, environments) names the
  // scheme and port it came in on.
  let url = "";
  const server = createServer(createRouter(services, () => url, faults));
  server.on("upgrade", createUpgradeRouter(services, () => url, faults));
  await listen(server, options.port ?? DEFAULT_PORT);
  const { port } = server.address() as AddressInfo;
  url = `http://${HOST}:${port}`;
  const unbind = [bindIamState(url, iam)];
  const servers: (Server | TlsServer)[] = [server];

  let tls: RunningTls | undefined;
  if (options.tls && tlsMaterial) {
    let tlsUrl = "";
    const tlsServer = createTlsServer({ key: tlsMaterial.key, cert: tlsMaterial.cert }, createRouter(services, () => tlsUrl, faults));
    tlsServer.on("upgrade", createUpgradeRouter(services, () => tlsUrl, faults));
    try {
      await listen(tlsServer, options.tls.port);
    } catch (error) {
      await closeServer(server);
      unbind.forEach((undo) => undo());
      throw error;
    }
    const tlsPort = (tlsServer.address() as AddressInfo).port;
    tlsUrl = `https://${HOST}:${tlsPort}`;
    unbind.push(bindIamState(tlsUrl, iam));
    servers.push(tlsServer);
    tls = { url: tlsUrl, port: tlsPort, caPath: tlsMaterial.caPath };
  }

  return {
    url,
    port,
    ...(tls ? { tls } : {}),
    scenarios,
    close: async () => {
      unbind.forEach((undo) => undo());
      await Promise.all(servers.map(closeServer));
    },
  };
}

function closeServer(server: Server | TlsServer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Browsers and SDKs keep connections alive; don't wait for them to time out.
    server.closeAllConnections();
  });
}
