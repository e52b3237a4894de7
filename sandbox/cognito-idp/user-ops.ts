import { AwsError } from "../http/aws-json";
import type { RequestContext } from "../http/types";
import * as fail from "./errors";
import { parseInput } from "./input";
import type { CognitoContext } from "./context";
import { activeFactors } from "./mfa";
import { verifyAccessToken } from "./tokens";

/** Operations a signed-in user calls with their own access token, plus RevokeToken. */

const ADMIN_SCOPE = "aws.cognito.signin.user.admin";

export async function requireAccessToken(ctx: CognitoContext, req: RequestContext, token: string) {
  const verified = await verifyAccessToken(ctx, req.baseUrl, token);
  // Self-service user APIs need the admin scope; OAuth-only tokens without it are refused.
  if (!verified.scopes.includes(ADMIN_SCOPE)) throw fail.accessTokenMissingScope();
  return verified;
}

export async function getUser(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const { AccessToken } = parseInput(input, { AccessToken: { type: "string", required: true } });
  const { pool, user } = await requireAccessToken(ctx, req, AccessToken);
  // sub comes first, as in real responses; every value is a string ("true", not true).
  const attributes = Object.entries(user.attributes).filter(([name]) => name !== "sub");
  // The user's MFA factors, which aws-amplify's fetchMFAPreference reads (members of
  // GetUserResponse in botocore's model); left out when there are none.
  const factors = activeFactors(pool, user);
  const preferred = user.mfa.preferred && factors.includes(user.mfa.preferred) ? user.mfa.preferred : undefined;
  return {
    UserAttributes: [{ Name: "sub", Value: user.sub }, ...attributes.map(([Name, Value]) => ({ Name, Value }))],
    Username: user.username,
    ...(preferred ? { PreferredMfaSetting: preferred } : {}),
    ...(factors.length > 0 ? { UserMFASettingList: factors } : {}),
  };
}

/** Signs the user out everywhere: every refresh token, and the access tokens minted from them. */
export async function globalSignOut(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const { AccessToken } = parseInput(input, { AccessToken: { type: "string", required: true } });
  const { pool, user } = await requireAccessToken(ctx, req, AccessToken);
  ctx.sessions.revokeUser(pool.id, user.username);
  return {};
}

/**
 * Revokes one refresh token and every access token minted from the same sign-in. Real Cognito
 * only accepts refresh tokens here; what it says for other strings is not confirmed, so:
 * a JWT (an ID or access token) is UnsupportedTokenTypeException, a refresh token of another
 * client is UnauthorizedException, and an unknown token succeeds silently (RFC 7009 §2.2).
 */
export async function revokeToken(ctx: CognitoContext, input: Record<string, unknown>) {
  const request = parseInput(input, {
    Token: { type: "string", required: true },
    ClientId: { type: "string", required: true },
    ClientSecret: { type: "string" },
  });
  const found = ctx.store.client(request.ClientId);
  if (!found) throw fail.clientNotFound(request.ClientId);
  if (request.Token.split(".").length === 3) {
    throw new AwsError("UnsupportedTokenTypeException", "Only refresh tokens can be revoked.");
  }
  const record = ctx.sessions.refreshRecord(request.Token);
  if (!record) return {};
  if (record.clientId !== found.client.id) {
    throw new AwsError("UnauthorizedException", "The refresh token was not issued to this app client.");
  }
  ctx.sessions.revoke(record);
  return {};
}
