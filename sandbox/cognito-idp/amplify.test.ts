import { Amplify } from "aws-amplify";
import { confirmSignIn, fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO, sdkClient } from "../test-support";

/**
 * The sandbox against a real client: aws-amplify v6 running in Node, signing in with SRP
 * (USER_SRP_AUTH, its default), so the PASSWORD_VERIFIER maths is proven by interoperation
 * rather than by our own reading of it. Node 20 already has fetch and Web Crypto, and Amplify
 * falls back to in-memory token storage without a window, so no globals are needed.
 */

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  Amplify.configure({
    Auth: {
      Cognito: { userPoolId: DEMO.userPoolId, userPoolClientId: DEMO.clientId, userPoolEndpoint: sandbox.url },
    },
  });
});
afterAll(async () => {
  await signOut().catch(() => undefined);
  await sandbox.close();
});

async function errorOf(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe("aws-amplify against the sandbox", () => {
  it("rejects a wrong password after the SRP exchange", async () => {
    const error = await errorOf(signIn({ username: DEMO.user.email, password: "Wrong-Passw0rd!" }));
    expect(error.name).toBe("NotAuthorizedException");
    expect(error.message).toBe("Incorrect username or password.");
  });

  it("hides unknown users behind the same answer", async () => {
    const error = await errorOf(signIn({ username: "nobody@example.com", password: "Wrong-Passw0rd!" }));
    expect(error.name).toBe("NotAuthorizedException");
    expect(error.message).toBe("Incorrect username or password.");
  });

  it("signs in with SRP, hands out tokens and refreshes them", async () => {
    const result = await signIn({ username: DEMO.user.email, password: DEMO.user.password });
    expect(result.isSignedIn).toBe(true);
    expect(result.nextStep.signInStep).toBe("DONE");

    const session = await fetchAuthSession();
    const accessToken = session.tokens?.accessToken;
    expect(accessToken?.payload["username"]).toBe(DEMO.user.username);
    expect(session.tokens?.idToken?.payload["email"]).toBe(DEMO.user.email);

    // Make the refresh observable: new tokens get a later iat.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    const newAccess = refreshed.tokens?.accessToken;
    expect(newAccess?.toString()).not.toBe(accessToken?.toString());
    expect(newAccess?.payload["origin_jti"]).toBe(accessToken?.payload["origin_jti"]);
    expect(newAccess?.payload["iat"]).toBeGreaterThan(accessToken?.payload["iat"] as number);
  });

  it("signs out by revoking the refresh token (RevokeToken)", async () => {
    const access = (await fetchAuthSession()).tokens?.accessToken?.toString();
    expect(access).toBeTruthy();
    await signOut();
    const cognito = sdkClient(sandbox.url);
    const error = await errorOf(cognito.send(new GetUserCommand({ AccessToken: access! })));
    cognito.destroy();
    expect(error.message).toBe("Access Token has been revoked");
  });

  it("walks a FORCE_CHANGE_PASSWORD user through NEW_PASSWORD_REQUIRED", async () => {
    const first = await signIn({ username: DEMO.newUser.email, password: DEMO.newUser.password });
    expect(first.isSignedIn).toBe(false);
    expect(first.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED");
    const done = await confirmSignIn({ challengeResponse: "Amplify-Passw0rd!" });
    expect(done.isSignedIn).toBe(true);
    const idToken = (await fetchAuthSession()).tokens?.idToken?.toString();
    expect(decodeJwt(idToken!)["cognito:username"]).toBe(DEMO.newUser.username);
    await signOut({ global: true });
    const again = await signIn({ username: DEMO.newUser.email, password: "Amplify-Passw0rd!" });
    expect(again.isSignedIn).toBe(true);
  });
});
