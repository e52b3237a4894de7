import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from "amazon-cognito-identity-js";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";

/**
 * amazon-cognito-identity-js, the SRP client AWS shipped before Amplify v6 and still found in many
 * apps: it computes SRP itself (its own BigInteger maths, not ours), so a sign-in that completes
 * proves the sandbox's SRP answers are the ones Cognito gives. Pointed at the sandbox with the
 * pool's documented `endpoint` option, nothing else.
 */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

function signIn(username: string, password: string): Promise<CognitoUserSession> {
  const pool = new CognitoUserPool({ UserPoolId: DEMO.userPoolId, ClientId: DEMO.clientId, endpoint: `${sandbox.url}/` });
  const user = new CognitoUser({ Username: username, Pool: pool });
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error("newPasswordRequired")),
    }),
  );
}

describe("amazon-cognito-identity-js against the sandbox", () => {
  it("signs in with SRP and gets the pool's ID and access tokens", async () => {
    const session = await signIn(DEMO.user.email, DEMO.user.password);
    expect(session.isValid()).toBe(true);
    expect(decodeJwt(session.getIdToken().getJwtToken())).toMatchObject({ token_use: "id", aud: DEMO.clientId, email: DEMO.user.email });
    expect(decodeJwt(session.getAccessToken().getJwtToken())).toMatchObject({ token_use: "access", client_id: DEMO.clientId });
  });

  it("gets Cognito's NotAuthorizedException for a wrong password, after the SRP exchange", async () => {
    await expect(signIn(DEMO.user.email, "Wrong-Passw0rd!")).rejects.toMatchObject({ code: "NotAuthorizedException", message: "Incorrect username or password." });
  });

  it("is asked for a new password when the user must set one", async () => {
    await expect(signIn(DEMO.newUser.email, DEMO.newUser.password)).rejects.toThrow("newPasswordRequired");
  });
});
