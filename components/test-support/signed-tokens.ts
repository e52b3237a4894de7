import { generateKeyPair, SignJWT, type JWTPayload } from "jose";

/**
 * Test-only: an ID and an access token shaped like one Cognito sign-in's (the claims each kind
 * carries, a different kid for each), signed with a key pair made for the test run.
 */

const REGION = "eu-west-1";
export const POOL_ID = "eu-west-1_Example1";
export const ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${POOL_ID}`;
export const CLIENT_ID = "1example23456789abcdefghij";
export const SUB = "4f1c2a7e-0000-4000-8000-00000000beef";

interface SignedPair {
  readonly id: string;
  readonly access: string;
}

let keys: ReturnType<typeof generateKeyPair> | undefined;

/** Both tokens issued `issuedSecondsAgo` before now, valid for an hour; `extra` adds or overrides ID-token claims. */
export async function signPair(issuedSecondsAgo = 0, extra: JWTPayload = {}): Promise<SignedPair> {
  const { privateKey } = await (keys ??= generateKeyPair("RS256"));
  const iat = Math.floor(Date.now() / 1000) - issuedSecondsAgo;
  const shared = { sub: SUB, iss: ISSUER, origin_jti: "origin-1", event_id: "event-1", auth_time: iat, iat, exp: iat + 3600 };
  const sign = (claims: JWTPayload, kid: string) => new SignJWT(claims).setProtectedHeader({ kid, alg: "RS256" }).sign(privateKey);
  const [id, access] = await Promise.all([
    sign({ ...shared, aud: CLIENT_ID, token_use: "id", "cognito:username": "demo", email: "demo@example.com", jti: "id-jti", ...extra }, "id-key"),
    sign({ ...shared, client_id: CLIENT_ID, token_use: "access", scope: "aws.cognito.signin.user.admin", username: "demo", jti: "access-jti" }, "access-key"),
  ]);
  return { id, access };
}
