import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ID, createFakePool, JWE_LIKE, tamper, type FakePool } from "../lib/tokens/test-support/cognito-tokens";

/**
 * The real launcher, spawned as a user would run it (node bin/auth-flow-debugger.mjs), against
 * tokens signed here and a local JWKS endpoint shaped like the sandbox's
 * (http://127.0.0.1:{port}/{userPoolId}/.well-known/jwks.json).
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const POOL = "ap-northeast-1_CliTest01";

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/auth-flow-debugger.mjs", ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

const json = (o: Outcome) => JSON.parse(o.stdout) as { checks: Array<{ name: string; status: string; message: string }>; [k: string]: unknown };
const row = (o: Outcome, name: string) => json(o).checks.find((c) => c.name === name);

let server: Server;
let jwksHits = 0;
let pool: FakePool;
let issuer: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === `/${POOL}/.well-known/jwks.json`) {
      jwksHits++;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(pool.jwks));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${POOL}`;
  pool = await createFakePool(issuer);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("auth-flow-debugger (spawned)", () => {
  // One batch of processes in parallel keeps the suite fast; each assertion block reads its own.
  let results: Record<string, Outcome>;
  let hitsWithoutVerify: number;
  beforeAll(async () => {
    const [id, access] = await Promise.all([pool.id(), pool.access()]);
    const discovery = `${issuer}/.well-known/openid-configuration`;
    const agentcore = ["--authorizer", "agentcore", "--discovery-url", discovery, "--allowed-clients", CLIENT_ID, "--json"];
    const [decodeJson, seed000, good] = await Promise.all([
      cli(["decode", id, "--json"]),
      cli(["check", id, ...agentcore]),
      cli(["check", "-", ...agentcore], `curl -H 'Authorization: Bearer ${access}' ${discovery}`),
    ]);
    hitsWithoutVerify = jwksHits;
    const verify = ["--verify", "--client-id", CLIENT_ID, "--token-use", "access", "--json"];
    const [verified, tampered, garbage] = await Promise.all([
      cli(["check", access, ...verify]),
      cli(["check", tamper(access, { ...JSON.parse(atob(access.split(".")[1] ?? "")), client_id: "evil" }), ...verify]),
      cli(["check", "-", ...verify], JWE_LIKE),
    ]);
    results = { decodeJson, seed000, good, verified, tampered, garbage };
  }, 20_000);

  it("decode TOKEN --json prints header, claims and tokenUse, exit 0", () => {
    const out = results["decodeJson"]!;
    expect(out.code).toBe(0);
    expect(json(out)).toMatchObject({ header: { alg: "RS256", kid: pool.idKey.kid }, claims: { aud: CLIENT_ID }, tokenUse: "id", kind: "cognito" });
  });

  it("check --authorizer agentcore with an ID token: exit 1 and AgentCore's client_id wording (seed 000)", () => {
    const out = results["seed000"]!;
    expect(out.code).toBe(1);
    expect(json(out)).toMatchObject({ tokenUse: "id", verdict: "fail", response: { status: 401, message: "Claim 'client_id' value mismatch with configuration." } });
    expect(row(out, "client_id")).toMatchObject({ status: "fail", message: expect.stringMatching(/Send the access token/) });
    for (const c of json(out).checks) expect(Object.keys(c).sort()).toEqual(["actual", "expected", "message", "name", "status"]);
  });

  it("check - (stdin: a curl command) --authorizer agentcore with the access token: exit 0", () => {
    const out = results["good"]!;
    expect(out.code).toBe(0);
    expect(json(out)).toMatchObject({ tokenUse: "access", verdict: "pass", response: null, source: "curl -H Authorization header" });
    expect(row(out, "Authorization header")?.status).toBe("pass");
  });

  it("check without --verify never fetched the JWKS", () => {
    expect(hitsWithoutVerify).toBe(0);
  });

  it("check --verify fetches {iss}/.well-known/jwks.json and passes a good token", () => {
    const out = results["verified"]!;
    expect(out.code).toBe(0);
    expect(json(out).checks.map((c) => [c.name, c.status])).toEqual([
      ["signature", "pass"], ["alg", "pass"], ["kid", "pass"], ["iss", "n/a"], ["token_use", "pass"],
      ["client", "pass"], ["exp", "pass"], ["nbf", "n/a"], ["iat", "pass"],
    ]);
    expect(jwksHits).toBeGreaterThanOrEqual(1);
  });

  it("check --verify fails a tampered token on its signature and client, exit 1", () => {
    const out = results["tampered"]!;
    expect(out.code).toBe(1);
    expect(row(out, "signature")?.status).toBe("fail");
    expect(row(out, "client")?.status).toBe("fail");
  });

  it("check of a refresh token (JWE) from stdin exits 2 with the decode error on stderr", () => {
    const out = results["garbage"]!;
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^5 segments: this is an encrypted JWE, which cannot be decoded without the key\..*Cognito refresh tokens/);
  });
});
