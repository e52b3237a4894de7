// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { z } from "zod";
import { LookupError } from "../../lib/cloudtrail/lookup/errors";
import type { JwksCache } from "../../lib/tokens/jwks-cache";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { fetchLimited } from "../net/fetch-limited";
import { verifiedAccessToken } from "./server-mode";
import { confirmTokenNotRevoked } from "./token-revocation";

/**
 * "Use the sandbox's CloudTrail reader": where a local sandbox is configured
 * (AUTH_DEBUGGER_SANDBOX_URL, never in a deployment), the server looks up CloudTrail with the
 * reader key pair the caller's scenario declares, so nobody has to copy keys out of scenario
 * files. The keys are credentials the server holds, so the rules of server mode apply: the caller
 * proves with a current access token of one of the sandbox's own user pools (signature, claims,
 * and Cognito's word that it is not revoked) who they are, gets only their own scenario's reader
 * (and so only that account's events), and each use is logged by the route. The keys never reach
 * the browser.
 */

const readersSchema = z.object({
  readers: z.array(
    z.object({
      scenario: z.string(),
      accountId: z.string(),
      userPoolIds: z.array(z.string()),
      accessKeyId: z.string(),
      secretAccessKey: z.string(),
    }),
  ),
});

export interface SandboxReaderUse {
  subject: string;
  userPoolId: string;
  scenario: string;
  accountId: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

const sameOrigin = (a: string, b: string) => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

async function readersOf(sandboxUrl: string, sandboxOrigins: readonly string[], fetchImpl?: typeof fetch) {
  const target = checkOutboundUrl(`${sandboxUrl.replace(/\/+$/, "")}/_sandbox/cloudtrail-readers`, { services: [], sandboxOrigins });
  if (!target.ok || target.via !== "sandbox") throw new LookupError("forbidden:cloudtrail:sandbox-reader-off");
  const answer = await fetchLimited(target.url, { timeoutMs: 2_000, maxBytes: 64 * 1024 }, fetchImpl).catch(() => {
    throw new LookupError("unreachable:cloudtrail", "The local sandbox did not say which CloudTrail reader its scenarios declare; is it running?");
  });
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  const parsed = answer.status === 200 ? readersSchema.safeParse(json) : undefined;
  if (!parsed?.success) throw new LookupError("unreachable:cloudtrail", `The local sandbox answered ${answer.status} when asked for its CloudTrail readers.`);
  return parsed.data.readers;
}

export async function authorizeSandboxReader(
  header: string | null,
  options: {
    /** AUTH_DEBUGGER_SANDBOX_URL: the one sandbox this deployment talks to. */
    sandboxUrl: string | undefined;
    jwks: JwksCache;
    now?: number;
    confirmNotRevoked?: typeof confirmTokenNotRevoked;
    fetchImpl?: typeof fetch;
  },
): Promise<SandboxReaderUse> {
  const sandboxUrl = options.sandboxUrl;
  if (!sandboxUrl) throw new LookupError("forbidden:cloudtrail:sandbox-reader-off");
  const origins = [new URL(sandboxUrl).origin];
  const { raw, token, issuer, pool } = await verifiedAccessToken(
    header,
    { issuer: (iss) => sameOrigin(iss, sandboxUrl), clientIds: null, refusal: "Only a signed-in user of one of the local sandbox's user pools may use its CloudTrail reader." },
    options.jwks,
    options.now,
  );
  await (options.confirmNotRevoked ?? confirmTokenNotRevoked)(raw, issuer, pool.region, origins);
  const reader = (await readersOf(sandboxUrl, origins, options.fetchImpl)).find((r) => r.userPoolIds.includes(pool.userPoolId));
  if (!reader) throw new LookupError("forbidden:cloudtrail:no-sandbox-reader");
  return {
    subject: String(token.claims.sub ?? ""),
    userPoolId: pool.userPoolId,
    scenario: reader.scenario,
    accountId: reader.accountId,
    credentials: { accessKeyId: reader.accessKeyId, secretAccessKey: reader.secretAccessKey },
  };
}
