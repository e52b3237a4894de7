import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createAgentCore } from "./agentcore/index";
import { createAppSync } from "./appsync/index";
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

export interface SandboxOptions {
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
}

export interface RunningSandbox {
  /** `http://127.0.0.1:{port}`, no trailing slash. */
  url: string;
  port: number;
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

function listen(server: Server, port: number): Promise<void> {
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

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const scenarios = await collectScenarios(options);
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
    createCognitoIdentity(scenarios, iam),
    createSts(iam),
    ...createCloudTrail(scenarios, iam),
    createAppSync(scenarios, now),
    ...createAgentCore(scenarios, now),
  ];

  // The base URL is only known once listening (port 0); the router reads it per request.
  let url = "";
  const server = createServer(createRouter(services, () => url, faults));
  server.on("upgrade", createUpgradeRouter(services, () => url, faults));
  await listen(server, options.port ?? DEFAULT_PORT);
  const { port } = server.address() as AddressInfo;
  url = `http://${HOST}:${port}`;
  const unbindIam = bindIamState(url, iam);

  return {
    url,
    port,
    scenarios,
    close: () =>
      new Promise<void>((resolve, reject) => {
        unbindIam();
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers and SDKs keep connections alive; don't wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
