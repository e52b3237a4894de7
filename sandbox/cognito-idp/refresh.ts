import type { RequestContext } from "../http/types";
import * as fail from "./errors";
import { parseInput } from "./input";
import type { CognitoContext } from "./context";
import type { ClientRecord } from "./store";
import { mintTokens } from "./tokens";

/**
 * Token refresh, reached two ways: InitiateAuth with REFRESH_TOKEN_AUTH (older clients) and
 * GetTokensFromRefreshToken (aws-amplify v6 uses this one). New tokens keep the sign-in's
 * origin_jti and auth_time, so revoking the refresh token revokes them too. Refresh token
 * rotation is off, as it is by default: no new RefreshToken comes back.
 */
export async function refreshWithToken(ctx: CognitoContext, req: RequestContext, client: ClientRecord, token: string) {
  const record = ctx.sessions.refreshRecord(token);
  // A token minted for another app client is as good as a made-up one.
  if (!record || record.clientId !== client.id) throw fail.invalidRefreshToken();
  if (record.revoked) throw fail.refreshTokenRevoked();
  if (record.expiresAt <= ctx.now()) throw fail.refreshTokenExpired();
  const pool = ctx.store.pool(record.poolId);
  const user = pool && ctx.store.user(pool, record.username);
  if (!pool || !user) throw fail.userDoesNotExist();
  const tokens = await mintTokens(ctx, req.baseUrl, {
    pool,
    client,
    user,
    originJti: record.originJti,
    authTime: record.authTime,
  });
  return {
    AuthenticationResult: {
      AccessToken: tokens.accessToken,
      ExpiresIn: tokens.expiresIn,
      IdToken: tokens.idToken,
      TokenType: "Bearer",
    },
    ChallengeParameters: {},
  };
}

export async function getTokensFromRefreshToken(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const request = parseInput(input, {
    RefreshToken: { type: "string", required: true },
    ClientId: { type: "string", required: true },
    ClientSecret: { type: "string" },
    DeviceKey: { type: "string" },
    ClientMetadata: { type: "map" },
  });
  const found = ctx.store.client(request.ClientId);
  if (!found) throw fail.clientNotFound(request.ClientId);
  // Assumed to need the same client setting as REFRESH_TOKEN_AUTH (unconfirmed).
  if (!found.client.authFlows.has("REFRESH_TOKEN_AUTH")) throw fail.flowNotEnabled("REFRESH_TOKEN_AUTH");
  // The operation's output has no ChallengeParameters member.
  const { AuthenticationResult } = await refreshWithToken(ctx, req, found.client, request.RefreshToken);
  return { AuthenticationResult };
}
