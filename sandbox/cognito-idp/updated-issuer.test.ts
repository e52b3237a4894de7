import { GetUserCommand, InitiateAuthCommand, type CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentIssuer, type Environment } from "../../lib/config/environment";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO, sdkClient } from "../test-support";

/**
 * A pool with IssuerConfiguration UPDATED (sandbox/scenarios/updated-issuer.json): tokens carry
 * the UPDATED issuer, `{sandbox}/issuer-cognito-idp/{pool}`, standing for
 * https://issuer-cognito-idp.{region}.amazonaws.com/{pool} (Cognito API reference,
 * IssuerConfigurationType), with its JWKS and discovery document under it.
 */

const POOL = "ap-northeast-1_UpdIss001";
const CLIENT = "updissuerclient00000000001";
let sandbox: RunningSandbox;
let cognito: CognitoIdentityProviderClient;
let tokens: { idToken: string; accessToken: string };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  cognito = sdkClient(sandbox.url);
  const result = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: CLIENT, AuthParameters: { USERNAME: DEMO.user.email, PASSWORD: DEMO.user.password } }),
  );
  tokens = { idToken: result.AuthenticationResult!.IdToken!, accessToken: result.AuthenticationResult!.AccessToken! };
}, 60_000);
afterAll(async () => {
  cognito.destroy();
  await sandbox.close();
});

const updated = () => `${sandbox.url}/issuer-cognito-idp/${POOL}`;
const original = () => `${sandbox.url}/${POOL}`;
const get = async (path: string) => {
  const response = await fetch(`${sandbox.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("a user pool with the UPDATED issuer", () => {
  it("signs both tokens with the UPDATED issuer, verifiable with the JWKS published under it", async () => {
    for (const token of [tokens.idToken, tokens.accessToken]) {
      expect(decodeJwt(token).iss).toBe(updated());
      const jwks = createRemoteJWKSet(new URL(`${updated()}/.well-known/jwks.json`));
      await expect(jwtVerify(token, jwks, { issuer: updated() })).resolves.toBeTruthy();
    }
  });

  it("publishes a discovery document per form, each naming the URL it is served under as issuer", async () => {
    const doc = await get(`/issuer-cognito-idp/${POOL}/.well-known/openid-configuration`);
    expect(doc).toMatchObject({ status: 200, body: { issuer: updated(), jwks_uri: `${updated()}/.well-known/jwks.json` } });
    // The ORIGINAL document still answers, naming the ORIGINAL issuer: a relying party pointed
    // at it gets good keys but an issuer the tokens do not carry.
    const old = await get(`/${POOL}/.well-known/openid-configuration`);
    expect(old).toMatchObject({ status: 200, body: { issuer: original() } });
    expect((await get(`/${POOL}/.well-known/jwks.json`)).body).toEqual((await get(`/issuer-cognito-idp/${POOL}/.well-known/jwks.json`)).body);
  });

  it("serves GetUser to an UPDATED-issuer access token", async () => {
    const user = await cognito.send(new GetUserCommand({ AccessToken: tokens.accessToken }));
    expect(user.UserAttributes).toContainEqual({ Name: "email", Value: DEMO.user.email });
  });

  it("is offered to the dashboard as a environment that expects the UPDATED issuer", async () => {
    const { environments } = (await (await fetch(`${sandbox.url}/_sandbox/environments`)).json()) as { environments: Environment[] };
    const environment = environments.find((p) => p.id === "sandbox-updated-issuer")!;
    expect(environment.issuerConfiguration).toBe("UPDATED");
    expect(environmentIssuer(environment)).toBe(decodeJwt(tokens.idToken).iss);
    expect(environments.find((p) => p.id === "sandbox-demo")?.issuerConfiguration).toBe("ORIGINAL");
  });
});

describe("a user pool with the ORIGINAL issuer (the default)", () => {
  it.each([
    // AWS answers 403 for the issuer-cognito-idp documents of a pool that never switched (awslabs/aws-jwt-verify#279).
    [`/issuer-cognito-idp/${DEMO.userPoolId}/.well-known/jwks.json`, 403],
    [`/issuer-cognito-idp/${DEMO.userPoolId}/.well-known/openid-configuration`, 403],
    [`/${DEMO.userPoolId}/.well-known/jwks.json`, 200],
    ["/issuer-cognito-idp/ap-northeast-1_NoSuchPool/.well-known/jwks.json", 404],
  ])("GET %s → %i", async (path, status) => {
    expect((await get(path)).status).toBe(status);
  });
});
