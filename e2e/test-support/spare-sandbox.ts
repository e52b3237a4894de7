import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect } from "@playwright/test";
import { environmentSchema, type Environment } from "../../lib/config/environment";
import { SPARE_SANDBOX_PORT, SPARE_SANDBOX_URL } from "./ports";

/**
 * A sandbox of the spec's own, on SPARE_SANDBOX_PORT, serving one scenario: unlike the suite's
 * shared sandbox it can be killed and started again mid-test. Its state directory keeps signing
 * keys and issued credentials across restarts, as AWS keeps them across an outage.
 */
export class SpareSandbox {
  readonly url = SPARE_SANDBOX_URL;
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), "e2e-spare-sandbox-"));

  constructor(readonly scenario: string) {
    mkdirSync(join(this.dir, "scenarios"));
    copyFileSync(resolve("sandbox/scenarios", `${scenario}.json`), join(this.dir, "scenarios", `${scenario}.json`));
  }

  async start(): Promise<void> {
    // One process (node with tsx's loader), so a signal reaches the sandbox itself.
    const args = ["--import", "tsx", "sandbox/main.ts", "--port", String(SPARE_SANDBOX_PORT), "--scenarios", join(this.dir, "scenarios"), "--state-dir", join(this.dir, "state")];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    this.child = child;
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`the spare sandbox exited (${child.exitCode}): ${stderr}`);
          return fetch(`${this.url}/_sandbox/health`).then((r) => r.ok, () => false);
        },
        { timeout: 20_000, intervals: [100] },
      )
      .toBe(true);
  }

  /** SIGKILL: no clean shutdown, open connections just die, as when a process crashes. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGKILL");
    await exited;
    this.child = undefined;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async setFaults(settings: Record<string, number | string>): Promise<void> {
    const response = await fetch(`${this.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify(settings) });
    expect(response.ok, await response.clone().text()).toBe(true);
  }

  /** The dashboard environment for the scenario, as the sandbox offers it. */
  async environment(): Promise<Environment> {
    const body = (await (await fetch(`${this.url}/_sandbox/environments`)).json()) as { environments: unknown[] };
    const environment = body.environments.map((p) => environmentSchema.parse(p)).find((p) => p.id === `sandbox-${this.scenario}`);
    if (!environment) throw new Error(`the spare sandbox offers no environment for ${this.scenario}`);
    return environment;
  }
}
