import { randomBytes, timingSafeEqual } from "node:crypto";
import type { RequestContext } from "../http/types";
import * as fail from "./errors";
import { parseInput } from "./input";
import { refreshWithToken } from "./refresh";
import type { CognitoContext } from "./context";
import { completeSignIn, srpVerifier } from "./sign-in";
import { modPow, N, newSalt, g, serverEphemeral } from "./srp";
import type { ClientRecord, PoolRecord } from "./store";

/** Every AuthFlow the API accepts; the sandbox implements the ones a scenario can enable. */
const AUTH_FLOWS = [
  "USER_SRP_AUTH",
  "REFRESH_TOKEN_AUTH",
  "REFRESH_TOKEN",
  "CUSTOM_AUTH",
  "ADMIN_NO_SRP_AUTH",
  "USER_PASSWORD_AUTH",
  "ADMIN_USER_PASSWORD_AUTH",
  "USER_AUTH",
] as const;

export async function initiateAuth(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const request = parseInput(input, {
    AuthFlow: { type: "string", required: true, enum: AUTH_FLOWS },
    AuthParameters: { type: "map" },
    ClientId: { type: "string", required: true },
    ClientMetadata: { type: "map" },
  });
  // Admin flows exist only on AdminInitiateAuth (getmoto/moto#4836 quotes AWS's answer).
  if (request.AuthFlow.startsWith("ADMIN_")) throw fail.invalidParameter("Initiate Auth method not supported.");
  const found = ctx.store.client(request.ClientId);
  if (!found) throw fail.clientNotFound(request.ClientId);
  const { pool, client } = found;
  const flow = request.AuthFlow === "REFRESH_TOKEN" ? "REFRESH_TOKEN_AUTH" : request.AuthFlow;
  if (!client.authFlows.has(flow)) throw fail.flowNotEnabled(flow);
  const params = request.AuthParameters ?? {};

  switch (flow) {
    case "USER_PASSWORD_AUTH":
      return passwordAuth(ctx, req, pool, client, params);
    case "USER_SRP_AUTH":
      return srpAuth(ctx, pool, client, params);
    case "REFRESH_TOKEN_AUTH": {
      const token = params["REFRESH_TOKEN"];
      if (!token) throw fail.missingParameter("REFRESH_TOKEN");
      return refreshWithToken(ctx, req, client, token);
    }
    default:
      // Unreachable: scenarios can only enable the three flows above.
      throw fail.flowNotEnabled(flow);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

async function passwordAuth(
  ctx: CognitoContext,
  req: RequestContext,
  pool: PoolRecord,
  client: ClientRecord,
  params: Record<string, string>,
) {
  const login = params["USERNAME"];
  if (!login) throw fail.missingParameter("USERNAME");
  const password = params["PASSWORD"];
  if (!password) throw fail.missingParameter("PASSWORD");
  const user = ctx.store.findUser(pool, login);
  // Same answer for an unknown user and a wrong password: Cognito hides which it was.
  if (!user || !sameSecret(password, user.password)) throw fail.incorrectCredentials();
  return completeSignIn(ctx, req, pool, client, user);
}

/**
 * First SRP step: remember (A, b, B, v) under a fresh secret block and send the client the
 * salt and B. For an unknown user Cognito still answers with a plausible challenge and only
 * fails at the next step, so user existence does not leak; the decoy here does the same.
 */
function srpAuth(ctx: CognitoContext, pool: PoolRecord, client: ClientRecord, params: Record<string, string>) {
  const login = params["USERNAME"];
  if (!login) throw fail.missingParameter("USERNAME");
  const srpA = params["SRP_A"];
  if (!srpA) throw fail.missingParameter("SRP_A");
  // Best guess at Cognito's answer to a malformed or degenerate A (never sent by real clients).
  if (!/^[0-9a-fA-F]{1,2048}$/.test(srpA)) throw fail.invalidParameter("SRP_A is not a valid hex number");
  const A = BigInt(`0x${srpA}`);
  if (A % N === 0n) throw fail.invalidParameter("SRP_A mod N cannot be 0");

  const user = ctx.store.findUser(pool, login);
  const { salt, v } = user
    ? srpVerifier(ctx, pool, user)
    : { salt: newSalt(), v: modPow(g, BigInt(`0x${randomBytes(32).toString("hex")}`), N) };
  const { b, B } = serverEphemeral(v);
  const userIdForSrp = user?.username ?? login;
  const secretBlock = ctx.sessions.putSrp({
    poolId: pool.id,
    clientId: client.id,
    userIdForSrp,
    userExists: Boolean(user),
    A,
    B,
    b,
    v,
    // Real secret blocks are opaque base64 (about 1.5 KB); the client only echoes and hashes it.
    secretBlock: randomBytes(768),
  });
  // Key order as captured from Cognito; no Session on this response.
  return {
    ChallengeName: "PASSWORD_VERIFIER",
    ChallengeParameters: {
      SALT: salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: B.toString(16),
      USERNAME: userIdForSrp,
      USER_ID_FOR_SRP: userIdForSrp,
    },
  };
}
