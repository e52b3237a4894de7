import { Amplify } from "aws-amplify";
import { confirmSignIn, fetchAuthSession, fetchMFAPreference, signIn, signOut } from "aws-amplify/auth";
import { generate } from "otplib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { MFA, outboxCodes } from "../test-support";

/**
 * MFA against aws-amplify v6 in Node: what the dashboard's Authenticator calls (signIn with SRP,
 * then confirmSignIn for each step), so the challenges, their parameters and the TOTP
 * registration calls are proven by interoperation with AWS's own client.
 */

let sandbox: RunningSandbox;
// The sandbox's clock; moved forward 30 s when a fresh TOTP code is needed.
let offset = 0;
const now = () => Date.now() + offset;
const totpCode = (secret: string) => generate({ secret, epoch: Math.floor(now() / 1000) });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now });
  Amplify.configure({
    Auth: { Cognito: { userPoolId: MFA.userPoolId, userPoolClientId: MFA.clientId, userPoolEndpoint: sandbox.url } },
  });
});
afterEach(async () => {
  await signOut().catch(() => undefined);
});
afterAll(async () => {
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

const signedInUser = async () => (await fetchAuthSession()).tokens?.accessToken?.payload["username"];

describe("aws-amplify through the sandbox's MFA", () => {
  it("sets up an authenticator app at first sign-in, then asks for its codes", async () => {
    const { username, password } = MFA.setupUser;
    const first = await signIn({ username, password });
    expect(first.nextStep).toEqual({ signInStep: "CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION", allowedMFATypes: ["TOTP", "EMAIL"] });

    const setup = await confirmSignIn({ challengeResponse: "TOTP" });
    if (setup.nextStep.signInStep !== "CONTINUE_SIGN_IN_WITH_TOTP_SETUP") throw new Error(`got ${setup.nextStep.signInStep}`);
    const secret = setup.nextStep.totpSetupDetails.sharedSecret;
    expect(setup.nextStep.totpSetupDetails.getSetupUri("Sandbox").href).toContain(`secret=${secret}`);

    const good = await totpCode(secret);
    const wrong = await errorOf(confirmSignIn({ challengeResponse: good === "000000" ? "111111" : "000000" }));
    expect([wrong.name, wrong.message]).toEqual(["EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA"]);
    const done = await confirmSignIn({ challengeResponse: good });
    expect(done).toMatchObject({ isSignedIn: true, nextStep: { signInStep: "DONE" } });
    expect(await signedInUser()).toBe(username);
    expect(await fetchMFAPreference()).toEqual({ enabled: ["TOTP"] });

    await signOut();
    offset += 30_000;
    const again = await signIn({ username, password });
    expect(again.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
    const signedIn = await confirmSignIn({ challengeResponse: await totpCode(secret) });
    expect(signedIn.isSignedIn).toBe(true);
  });

  it("signs in a registered user with a code from the app, after refusing a wrong one", async () => {
    offset += 30_000;
    const { username, password, secret } = MFA.totpUser;
    const challenge = await signIn({ username, password });
    expect(challenge.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
    const good = await totpCode(secret);
    const wrong = await errorOf(confirmSignIn({ challengeResponse: good === "123456" ? "654321" : "123456" }));
    expect([wrong.name, wrong.message]).toEqual(["CodeMismatchException", "Invalid code received for user"]);
    const done = await confirmSignIn({ challengeResponse: good });
    expect(done.isSignedIn).toBe(true);
    expect(await signedInUser()).toBe(username);
  });

  it("signs in with a code mailed to the user, read from the outbox", async () => {
    const { username, password, email } = MFA.emailUser;
    const challenge = await signIn({ username, password });
    expect(challenge.nextStep).toEqual({
      signInStep: "CONFIRM_SIGN_IN_WITH_EMAIL_CODE",
      codeDeliveryDetails: { deliveryMedium: "EMAIL", destination: "e***@e***.com" },
    });
    const code = (await outboxCodes(sandbox.url, email)).at(-1)!;
    const wrong = await errorOf(confirmSignIn({ challengeResponse: code === "000000" ? "111111" : "000000" }));
    expect([wrong.name, wrong.message]).toEqual(["CodeMismatchException", "Invalid code or auth state for the user."]);
    const done = await confirmSignIn({ challengeResponse: code });
    expect(done.isSignedIn).toBe(true);
    expect((await fetchAuthSession()).tokens?.idToken?.payload["email"]).toBe(email);
  });

  it("lets a user with two factors choose one", async () => {
    const { username, password, email } = MFA.twoFactorUser;
    const choose = await signIn({ username, password });
    expect(choose.nextStep).toEqual({ signInStep: "CONTINUE_SIGN_IN_WITH_MFA_SELECTION", allowedMFATypes: ["TOTP", "EMAIL"] });
    const emailStep = await confirmSignIn({ challengeResponse: "EMAIL" });
    expect(emailStep.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
    const done = await confirmSignIn({ challengeResponse: (await outboxCodes(sandbox.url, email)).at(-1)! });
    expect(done.isSignedIn).toBe(true);
  });
});
