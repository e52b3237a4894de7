import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  type CognitoIdentityClient,
} from "@aws-sdk/client-cognito-identity";
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";
import {
  awsLoginKey,
  CLASSIC,
  CLASSIC_SCENARIO,
  failure,
  identityClient,
  sandboxLoginKey,
  userPoolTokens,
} from "../iam/test-support";

/** The official @aws-sdk/client-cognito-identity against /cognito-identity. */

let sandbox: RunningSandbox;
let demo: CognitoIdentityClient;
let classic: CognitoIdentityClient;
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenarios: [CLASSIC_SCENARIO], scenariosDir: DEFAULT_SCENARIOS_DIR, now: () => clock });
  demo = identityClient(sandbox.url);
  classic = identityClient(sandbox.url, CLASSIC.region);
});
afterAll(async () => {
  demo.destroy();
  classic.destroy();
  await sandbox.close();
});

const demoTokens = () => userPoolTokens(sandbox.url, DEMO.clientId, DEMO.user.email, DEMO.user.password);
const demoLogins = (idToken: string) => ({ [sandboxLoginKey(sandbox.url, DEMO.userPoolId)]: idToken });
const classicTokens = (clientId: string = CLASSIC.clientId) => userPoolTokens(sandbox.url, clientId, CLASSIC.user.username, CLASSIC.user.password);

describe("enhanced flow: GetId + GetCredentialsForIdentity", () => {
  it("gives a signed-in user a stable identity id under either Logins key", async () => {
    const { idToken } = await demoTokens();
    const first = await demo.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: demoLogins(idToken) }));
    expect(first.IdentityId).toMatch(/^ap-northeast-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await demo.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: demoLogins(idToken) }));
    const awsKey = await demo.send(
      new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: { [awsLoginKey(DEMO.region, DEMO.userPoolId)]: idToken } }),
    );
    expect(again.IdentityId).toBe(first.IdentityId);
    expect(awsKey.IdentityId).toBe(first.IdentityId);
  });

  it("issues one-hour temporary credentials for the authenticated role", async () => {
    const { idToken } = await demoTokens();
    const { IdentityId } = await demo.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: demoLogins(idToken) }));
    const result = await demo.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: demoLogins(idToken) }));
    expect(result.IdentityId).toBe(IdentityId);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(result.Credentials?.SecretKey).toHaveLength(40);
    expect(result.Credentials?.SessionToken).toMatch(/^IQoJb3JpZ2luX2Vj/);
    const expiresIn = result.Credentials!.Expiration!.getTime() - clock;
    expect(expiresIn).toBeGreaterThan(3590_000);
    expect(expiresIn).toBeLessThanOrEqual(3600_000);
  });

  it("gives guests credentials for the unauthenticated role when the pool allows guests", async () => {
    const { IdentityId } = await classic.send(new GetIdCommand({ IdentityPoolId: CLASSIC.identityPoolId }));
    const result = await classic.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });
});

describe("identity pool errors", () => {
  it("names an unknown pool and rejects a malformed id as Coral does", async () => {
    const missing = "ap-northeast-1:00000000-0000-4000-8000-000000000000";
    expect(await failure(demo.send(new GetIdCommand({ IdentityPoolId: missing })))).toMatchObject({
      name: "ResourceNotFoundException",
      message: `IdentityPool '${missing}' not found.`,
    });
    expect(await failure(demo.send(new GetIdCommand({ IdentityPoolId: DEMO.userPoolId })))).toMatchObject({
      name: "ValidationException",
      message: `1 validation error detected: Value '${DEMO.userPoolId}' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`,
    });
  });

  it("refuses guests where the pool does not allow them", async () => {
    expect(await failure(demo.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId })))).toMatchObject({
      name: "NotAuthorizedException",
      message: "Unauthenticated access is not supported for this identity pool.",
    });
  });

  it("refuses tokens from user pools or app clients the identity pool does not list", async () => {
    const { idToken } = await demoTokens();
    const otherPool = { [awsLoginKey(CLASSIC.region, CLASSIC.userPoolId)]: idToken };
    expect(await failure(demo.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: otherPool })))).toMatchObject({
      name: "NotAuthorizedException",
      message: "Token is not from a supported provider of this identity pool.",
    });
    const untrusted = await classicTokens(CLASSIC.untrustedClientId);
    const logins = { [awsLoginKey(CLASSIC.region, CLASSIC.userPoolId)]: untrusted.idToken };
    expect(await failure(classic.send(new GetIdCommand({ IdentityPoolId: CLASSIC.identityPoolId, Logins: logins })))).toMatchObject({
      message: "Token is not from a supported provider of this identity pool.",
    });
  });

  it("checks the token itself: issuer, signature, kind and expiry", async () => {
    const { idToken } = await demoTokens();
    const send = (key: string, token: string) =>
      failure(classic.send(new GetIdCommand({ IdentityPoolId: CLASSIC.identityPoolId, Logins: { [key]: token } })));
    const classicKey = awsLoginKey(CLASSIC.region, CLASSIC.userPoolId);
    expect((await send(classicKey, idToken)).message).toBe("Invalid login token. Issuer doesn't match providerName");

    const own = await classicTokens();
    const [head, body, signature] = own.idToken.split(".");
    const forged = `${head}.${body}.${signature!.slice(0, -4)}AAAA`;
    expect((await send(classicKey, forged)).message).toBe("Invalid login token. Couldn't verify signed token.");
    expect((await send(classicKey, own.accessToken)).message).toBe("Invalid login token. Missing a required claim: aud");

    clock += 2 * 3600_000;
    try {
      const error = await send(classicKey, own.idToken);
      expect(error.name).toBe("NotAuthorizedException");
      expect(error.message).toMatch(/^Invalid login token\. Token expired: (\d+) >= (\d+)$/);
      const [, now, exp] = /(\d+) >= (\d+)/.exec(error.message)!;
      expect(Number(now)).toBe(Math.floor(clock / 1000));
      expect(Number(exp)).toBeLessThan(Number(now));
    } finally {
      clock -= 2 * 3600_000;
    }
  });

  it("wants the identity's own login, and knows only identities it issued", async () => {
    const { idToken } = await demoTokens();
    const { IdentityId } = await demo.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: demoLogins(idToken) }));
    expect(await failure(demo.send(new GetCredentialsForIdentityCommand({ IdentityId })))).toMatchObject({
      name: "NotAuthorizedException",
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    const unknown = "ap-northeast-1:00000000-0000-4000-8000-000000000000";
    expect(await failure(demo.send(new GetCredentialsForIdentityCommand({ IdentityId: unknown })))).toMatchObject({
      name: "ResourceNotFoundException",
      message: `Identity '${unknown}' not found.`,
    });
  });

  it("reports a pool without a role for the identity as a configuration error", async () => {
    const { IdentityId } = await classic.send(new GetIdCommand({ IdentityPoolId: CLASSIC.noRolesPoolId }));
    expect(await failure(classic.send(new GetCredentialsForIdentityCommand({ IdentityId })))).toMatchObject({
      name: "InvalidIdentityPoolConfigurationException",
      message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    });
  });
});

describe("basic flow: GetOpenIdToken", () => {
  it("is refused where the pool keeps the classic flow off", async () => {
    const { idToken } = await demoTokens();
    const { IdentityId } = await demo.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: demoLogins(idToken) }));
    expect(await failure(demo.send(new GetOpenIdTokenCommand({ IdentityId, Logins: demoLogins(idToken) })))).toMatchObject({
      name: "InvalidParameterException",
      message: "Basic (classic) flow is not enabled, please use enhanced flow.",
    });
  });

  it("returns a Cognito identity OpenID token verifiable with the published keys", async () => {
    const { idToken } = await classicTokens();
    const logins = { [sandboxLoginKey(sandbox.url, CLASSIC.userPoolId)]: idToken };
    const { IdentityId } = await classic.send(new GetIdCommand({ IdentityPoolId: CLASSIC.identityPoolId, Logins: logins }));
    const result = await classic.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
    expect(result.IdentityId).toBe(IdentityId);
    expect(decodeProtectedHeader(result.Token!)).toEqual({ kid: "us-west-21", typ: "JWS", alg: "RS512" });
    const jwks = createRemoteJWKSet(new URL(`${sandbox.url}/cognito-identity/.well-known/jwks_uri`));
    const { payload } = await jwtVerify(result.Token!, jwks, { issuer: "https://cognito-identity.amazonaws.com", currentDate: new Date(clock) });
    const userSub = decodeJwt(idToken).sub;
    expect(payload).toMatchObject({
      sub: IdentityId,
      aud: CLASSIC.identityPoolId,
      amr: [
        "authenticated",
        `cognito-idp.us-west-2.amazonaws.com/${CLASSIC.userPoolId}`,
        `cognito-idp.us-west-2.amazonaws.com/${CLASSIC.userPoolId}:CognitoSignIn:${userSub}`,
      ],
      "https://cognito-identity.amazonaws.com/identity-pool-arn": `arn:aws:cognito-identity:us-west-2:${CLASSIC.accountId}:identitypool/${CLASSIC.identityPoolId}`,
    });
    expect(payload.exp! - payload.iat!).toBe(900);
  });
});
