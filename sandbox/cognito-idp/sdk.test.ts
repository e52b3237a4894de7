import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO, sdkClient, sdkFailure } from "../test-support";

let sandbox: RunningSandbox;
let cognito: CognitoIdentityProviderClient;
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: () => clock });
  cognito = sdkClient(sandbox.url);
});
afterAll(async () => {
  cognito.destroy();
  await sandbox.close();
});

const passwordSignIn = (username: string = DEMO.user.email, password: string = DEMO.user.password, clientId: string = DEMO.clientId) =>
  cognito.send(
    new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );

async function signedIn() {
  const result = (await passwordSignIn()).AuthenticationResult;
  if (!result?.AccessToken || !result.IdToken || !result.RefreshToken) throw new Error("no tokens");
  return { accessToken: result.AccessToken, idToken: result.IdToken, refreshToken: result.RefreshToken };
}

const failure = sdkFailure;

describe("USER_PASSWORD_AUTH", () => {
  it("issues Cognito-shaped ID and access tokens signed with two published keys", async () => {
    const response = await passwordSignIn();
    expect(response.ChallengeParameters).toEqual({});
    const result = response.AuthenticationResult!;
    expect(result.TokenType).toBe("Bearer");
    expect(result.ExpiresIn).toBe(3600);
    expect(result.RefreshToken?.split(".")).toHaveLength(5);

    const id = decodeJwt(result.IdToken!);
    const access = decodeJwt(result.AccessToken!);
    const iss = `${sandbox.url}/${DEMO.userPoolId}`;
    expect(id).toMatchObject({
      sub: DEMO.user.username,
      "cognito:groups": ["support"],
      email_verified: true,
      iss,
      "cognito:username": DEMO.user.username,
      aud: DEMO.clientId,
      token_use: "id",
      email: DEMO.user.email,
    });
    expect(Object.keys(id)).toEqual(
      ["sub", "cognito:groups", "email_verified", "iss", "cognito:username", "origin_jti", "aud", "event_id", "token_use", "auth_time", "exp", "iat", "jti", "email"],
    );
    expect(access).toMatchObject({
      sub: DEMO.user.username,
      "cognito:groups": ["support"],
      iss,
      client_id: DEMO.clientId,
      token_use: "access",
      scope: "aws.cognito.signin.user.admin",
      username: DEMO.user.username,
    });
    expect(access).not.toHaveProperty("aud");
    expect(access.origin_jti).toBe(id.origin_jti);
    expect(access.exp! - access.iat!).toBe(3600);

    const idKid = decodeProtectedHeader(result.IdToken!).kid;
    const accessKid = decodeProtectedHeader(result.AccessToken!).kid;
    expect(idKid).not.toBe(accessKid);
    const jwks = createRemoteJWKSet(new URL(`${sandbox.url}/${DEMO.userPoolId}/.well-known/jwks.json`));
    await expect(jwtVerify(result.IdToken!, jwks, { issuer: iss, audience: DEMO.clientId, currentDate: new Date(clock) })).resolves.toBeTruthy();
    await expect(jwtVerify(result.AccessToken!, jwks, { issuer: iss, currentDate: new Date(clock) })).resolves.toBeTruthy();
  });

  it("accepts the internal username as well as the email", async () => {
    const response = await passwordSignIn(DEMO.user.username);
    expect(response.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("answers a wrong password and an unknown user identically", async () => {
    for (const call of [passwordSignIn(DEMO.user.email, "wrong"), passwordSignIn("nobody@example.com", "wrong")]) {
      const error = await failure(call);
      expect(error.name).toBe("NotAuthorizedException");
      expect(error.message).toBe("Incorrect username or password.");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });

  it("reports an unknown app client", async () => {
    const error = await failure(passwordSignIn(DEMO.user.email, DEMO.user.password, "nosuchclient123"));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.message).toBe("User pool client nosuchclient123 does not exist.");
  });

  it("reports missing auth parameters", async () => {
    const error = await failure(cognito.send(new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: DEMO.clientId, AuthParameters: { USERNAME: "x" } })));
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toBe("Missing required parameter PASSWORD");
  });
});

describe("refresh", () => {
  it("keeps origin_jti and auth_time through REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken", async () => {
    const first = await signedIn();
    const origin = decodeJwt(first.accessToken);
    clock += 60_000;
    const viaInitiate = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: DEMO.clientId, AuthParameters: { REFRESH_TOKEN: first.refreshToken } }),
    );
    const viaGetTokens = await cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: DEMO.clientId, RefreshToken: first.refreshToken }));
    for (const result of [viaInitiate.AuthenticationResult, viaGetTokens.AuthenticationResult]) {
      expect(result?.RefreshToken).toBeUndefined();
      const access = decodeJwt(result!.AccessToken!);
      const id = decodeJwt(result!.IdToken!);
      expect(access.origin_jti).toBe(origin.origin_jti);
      expect(id.origin_jti).toBe(origin.origin_jti);
      expect(access.auth_time).toBe(origin.auth_time);
      expect(access.iat).toBeGreaterThan(origin.iat!);
      expect(access.jti).not.toBe(origin.jti);
    }
  });

  it("rejects a refresh token it never issued", async () => {
    const error = await failure(cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: DEMO.clientId, RefreshToken: "a.b.c.d.e" })));
    expect(error.name).toBe("NotAuthorizedException");
    expect(error.message).toBe("Invalid Refresh Token.");
  });
});

describe("GetUser, GlobalSignOut, RevokeToken", () => {
  it("returns the user and its attributes, sub first", async () => {
    const { accessToken } = await signedIn();
    const user = await cognito.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(user.Username).toBe(DEMO.user.username);
    expect(user.UserAttributes).toEqual([
      { Name: "sub", Value: DEMO.user.username },
      { Name: "email", Value: DEMO.user.email },
      { Name: "email_verified", Value: "true" },
    ]);
  });

  it("refuses an ID token and an expired access token", async () => {
    const { accessToken, idToken } = await signedIn();
    const byId = await failure(cognito.send(new GetUserCommand({ AccessToken: idToken })));
    expect([byId.name, byId.message]).toEqual(["NotAuthorizedException", "Invalid Access Token"]);
    clock += 3601_000;
    const expired = await failure(cognito.send(new GetUserCommand({ AccessToken: accessToken })));
    expect([expired.name, expired.message]).toEqual(["NotAuthorizedException", "Access Token has expired"]);
  });

  it("GlobalSignOut revokes the access token and every refresh token of the user", async () => {
    const session = await signedIn();
    const other = await signedIn();
    await cognito.send(new GlobalSignOutCommand({ AccessToken: session.accessToken }));
    const getUser = await failure(cognito.send(new GetUserCommand({ AccessToken: session.accessToken })));
    expect([getUser.name, getUser.message]).toEqual(["NotAuthorizedException", "Access Token has been revoked"]);
    const refresh = await failure(cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: DEMO.clientId, RefreshToken: other.refreshToken })));
    expect([refresh.name, refresh.message]).toEqual(["NotAuthorizedException", "Refresh Token has been revoked"]);
    // A new sign-in is unaffected.
    const fresh = await signedIn();
    await expect(cognito.send(new GetUserCommand({ AccessToken: fresh.accessToken }))).resolves.toBeTruthy();
  });

  it("RevokeToken revokes the refresh token and the access tokens of that sign-in only", async () => {
    const revoked = await signedIn();
    const kept = await signedIn();
    await cognito.send(new RevokeTokenCommand({ ClientId: DEMO.clientId, Token: revoked.refreshToken }));
    const refresh = await failure(
      cognito.send(new InitiateAuthCommand({ AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: DEMO.clientId, AuthParameters: { REFRESH_TOKEN: revoked.refreshToken } })),
    );
    expect([refresh.name, refresh.message]).toEqual(["NotAuthorizedException", "Refresh Token has been revoked"]);
    const getUser = await failure(cognito.send(new GetUserCommand({ AccessToken: revoked.accessToken })));
    expect(getUser.message).toBe("Access Token has been revoked");
    await expect(cognito.send(new GetUserCommand({ AccessToken: kept.accessToken }))).resolves.toBeTruthy();
  });
});

describe("NEW_PASSWORD_REQUIRED", () => {
  it("challenges a FORCE_CHANGE_PASSWORD user, enforces the policy, then signs in", async () => {
    const challenge = await passwordSignIn(DEMO.newUser.email, DEMO.newUser.password);
    expect(challenge.ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: DEMO.newUser.username,
      requiredAttributes: "[]",
      userAttributes: JSON.stringify({ email: DEMO.newUser.email, email_verified: "true" }),
    });
    const answer = (NEW_PASSWORD: string) =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: DEMO.clientId,
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: DEMO.newUser.username, NEW_PASSWORD },
        }),
      );
    const weak = await failure(answer("short"));
    expect([weak.name, weak.message]).toEqual(["InvalidPasswordException", "Password does not conform to policy: Password not long enough"]);
    const done = await answer("Brand-New-Passw0rd!");
    expect(decodeJwt(done.AuthenticationResult!.IdToken!)["cognito:username"]).toBe(DEMO.newUser.username);
    const reused = await failure(answer("Another-Passw0rd!"));
    expect(reused.message).toBe("Invalid session for the user, session can only be used once.");
    await expect(passwordSignIn(DEMO.newUser.email, "Brand-New-Passw0rd!")).resolves.toMatchObject({ ChallengeParameters: {} });
    const old = await failure(passwordSignIn(DEMO.newUser.email, DEMO.newUser.password));
    expect(old.name).toBe("NotAuthorizedException");
  });
});

describe("discovery", () => {
  it("names the same issuer the tokens carry", async () => {
    const { idToken } = await signedIn();
    const response = await fetch(`${sandbox.url}/${DEMO.userPoolId}/.well-known/openid-configuration`);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc["issuer"]).toBe(decodeJwt(idToken).iss);
    expect(doc["jwks_uri"]).toBe(`${sandbox.url}/${DEMO.userPoolId}/.well-known/jwks.json`);
    expect(doc["id_token_signing_alg_values_supported"]).toEqual(["RS256"]);
    expect(doc["subject_types_supported"]).toEqual(["public"]);
  });
});
