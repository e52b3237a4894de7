import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { execFile, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { commandWithCredentials, type SnippetCredentials } from "../lib/http/credential-snippet";

/** Ids from sandbox/scenarios/demo.json, shared by the sandbox's tests. */
export const DEMO = {
  region: "ap-northeast-1",
  userPoolId: "ap-northeast-1_DemoPool1",
  clientId: "tuxqnxeeb1fx6m6nyyzpcmtoky",
  identityPoolId: "ap-northeast-1:5f0c1a2b-3d4e-4f60-8a7b-9c0d1e2f3a4b",
  authenticatedRoleArn: "arn:aws:iam::123456789012:role/demo-authenticated",
  accountId: "123456789012",
  user: { email: "demo@example.com", password: "Demo-Passw0rd!", username: "a472fb37-2692-48cd-a822-c1f5545d0b1b" },
  newUser: { email: "newuser@example.com", password: "Temp-Passw0rd!", username: "6a7616ff-ad59-4144-b60c-8f83a0d1ebb9" },
} as const;

/** The official SDK pointed at the sandbox; the user pool APIs used here are unsigned. */
export function sdkClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: DEMO.region,
    endpoint,
    credentials: { accessKeyId: "AKIASANDBOXEXAMPLE", secretAccessKey: "sandbox-secret" },
    maxAttempts: 1,
  });
}

/** Ids and users from sandbox/scenarios/mfa-required.json. */
export const MFA = {
  userPoolId: "ap-northeast-1_MfaReq001",
  clientId: "mfarequiredclient000000001",
  setupUser: { username: "totp-setup", password: "Setup-Passw0rd!" },
  totpUser: { username: "totp-user", password: "Totp-Passw0rd!", secret: "T6WOKV644US4EMVX72G5UGLERW74GSBHVIYHCKIV2UXAEETMRRJA" },
  emailUser: { username: "email-user", password: "Email-Passw0rd!", email: "email-user@example.com" },
  twoFactorUser: { username: "two-factor", password: "Both-Passw0rd!", email: "two-factor@example.com", secret: "3FDYIXURCBKA6PXO4ZBFL4N5M3BOLN4A5UYARXDBCJDOAZCWNYYQ" },
} as const;

/** App clients and the token endpoint of sandbox/scenarios/agentcore-m2m-scopes.json. */
export const M2M = {
  pool: "ap-northeast-1_M2mScp001",
  tokenPath: "/cognito-domain/m2m-scopes-demo/oauth2/token",
  invoker: { id: "m2minvokerclient000000001", secret: "sandboxM2mInvokerSecretEXAMPLE000000000000000001" },
  reader: { id: "m2mreaderclient0000000001", secret: "sandboxM2mReaderSecretEXAMPLE0000000000000000001" },
  noFlag: { id: "m2mnoflagclient0000000001", secret: "sandboxM2mNoFlagSecretEXAMPLE0000000000000000001" },
} as const;

/** The codes the sandbox "emailed" to an address, oldest first. */
export async function outboxCodes(sandboxUrl: string, to: string): Promise<string[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/outbox?to=${encodeURIComponent(to)}`);
  const body = (await response.json()) as { messages: { code: string }[] };
  return body.messages.map((message) => message.code);
}

/** Runs an SDK call that must fail and returns the SDK's error (its name, message and HTTP status). */
export async function sdkFailure(call: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail");
}

/**
 * Node-only scaffolding for tests in every layer: lib/ tests get a dead port and a shell from here,
 * so lib/ itself stays free of Node builtins.
 */
export async function closedLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Runs one command line through `sh -c`, as a user pasting it into a terminal would. */
export function runInShell(commandLine: string): string {
  return execFileSync("sh", ["-c", commandLine]).toString();
}

/**
 * A cell's copied command with the run's credentials, pasted into bash, as a user would: its
 * stdout, whatever the exit code. The sandbox runs in the test's process, so the shell is awaited.
 * The packages a command asks the user to `npm install` are the project's own copies.
 */
export async function pasteIntoBash(command: string | undefined, credentials: SnippetCredentials): Promise<string> {
  const snippet = commandWithCredentials(command ?? "", credentials);
  if (!snippet.ok) throw new Error(`missing ${snippet.missing.join(", ")}`);
  const clean = { ...process.env };
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"]) delete clean[name];
  const { stdout } = await promisify(execFile)("bash", ["-c", snippet.text], { env: { ...clean, NODE_PATH: path.resolve("node_modules") }, timeout: 15_000 }).catch(
    (e: { stdout: string }) => e,
  );
  return stdout;
}
