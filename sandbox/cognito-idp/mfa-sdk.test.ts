import {
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  type InitiateAuthCommandOutput,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO, MFA, outboxCodes, sdkClient, sdkFailure } from "../test-support";

/**
 * MFA against the official SDK: the challenges, the TOTP registration calls and AWS's answers to
 * wrong codes and stale sessions, as a backend that drives Cognito itself would meet them.
 */

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

/** The code an authenticator app shows at the sandbox's time. */
const totpCode = (secret: string) => generate({ secret, epoch: Math.floor(clock / 1000) });
/** Moves time to the next 30-second step, so a new code comes up. */
const nextStep = () => {
  clock += 30_000;
};

const passwordSignIn = (username: string, password: string, clientId: string = MFA.clientId) =>
  cognito.send(new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));

const answer = (challenge: InitiateAuthCommandOutput, ChallengeName: "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP" | "MFA_SETUP" | "SELECT_MFA_TYPE", responses: Record<string, string>, Session = challenge.Session) =>
  cognito.send(new RespondToAuthChallengeCommand({ ClientId: MFA.clientId, ChallengeName, Session, ChallengeResponses: responses }));

async function failure(call: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  const e = await sdkFailure(call);
  return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
}

describe("MFA_SETUP: a user of a pool that requires MFA registers an authenticator app", () => {
  it("walks MFA_SETUP → AssociateSoftwareToken → VerifySoftwareToken → MFA_SETUP, refusing wrong codes on the way", async () => {
    const { username, password } = MFA.setupUser;
    const challenge = await passwordSignIn(username, password);
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.ChallengeName).toBe("MFA_SETUP");
    expect(challenge.ChallengeParameters).toEqual({ MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' });

    // Tokens cannot be had before a factor is set up.
    const early = await failure(answer(challenge, "MFA_SETUP", { USERNAME: username }));
    expect(early.name).toBe("MFAMethodNotFoundException");

    const associated = await cognito.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }));
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(associated.Session).toBeTruthy();
    // The challenge's session was for AssociateSoftwareToken only.
    const stale = await failure(cognito.send(new VerifySoftwareTokenCommand({ Session: challenge.Session, UserCode: "123456" })));
    expect([stale.name, stale.message]).toEqual(["NotAuthorizedException", "Invalid session for the user, session can only be used once."]);

    const letters = await failure(cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: "userCode" })));
    expect([letters.name, letters.message]).toEqual([
      "InvalidParameterException",
      // The value is shown and the pattern comes first, as in the four-letter capture errors.ts cites.
      "2 validation errors detected: Value 'userCode' at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+; " +
        "Value 'userCode' at 'userCode' failed to satisfy constraint: Member must have length less than or equal to 6",
    ]);
    const secret = associated.SecretCode!;
    const good = await totpCode(secret);
    const wrong = good === "000000" ? "111111" : "000000";
    const mismatch = await failure(cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: wrong })));
    expect([mismatch.name, mismatch.message, mismatch.status]).toEqual([
      "EnableSoftwareTokenMFAException",
      "Code mismatch and fail enable Software Token MFA",
      400,
    ]);

    // The same session takes another try.
    const verified = await cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: good, FriendlyDeviceName: "phone" }));
    expect(verified.Status).toBe("SUCCESS");
    const done = await answer(challenge, "MFA_SETUP", { USERNAME: username }, verified.Session);
    expect(decodeJwt(done.AuthenticationResult!.AccessToken!)["username"]).toBe(username);

    // From now on the app's codes are asked for, and the code used to register is spent.
    const next = await passwordSignIn(username, password);
    expect(next.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    const reused = await failure(answer(next, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: good }));
    expect([reused.name, reused.message]).toEqual(["ExpiredCodeException", "Your software token has already been used once."]);
    nextStep();
    const signedIn = await answer(next, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(secret) });
    expect(signedIn.AuthenticationResult?.IdToken).toBeTruthy();
  });
});

describe("SOFTWARE_TOKEN_MFA: a user with a registered authenticator app", () => {
  it("refuses a wrong code, takes the right one on the same session, and the session only once", async () => {
    nextStep();
    const { username, password, secret } = MFA.totpUser;
    const challenge = await passwordSignIn(username, password);
    expect(challenge.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    expect(challenge.ChallengeParameters).toEqual({});
    const good = await totpCode(secret);
    const wrong = await failure(answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: good === "123456" ? "654321" : "123456" }));
    expect([wrong.name, wrong.message]).toEqual(["CodeMismatchException", "Invalid code received for user"]);
    const missing = await failure(answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username }));
    expect([missing.name, missing.message]).toEqual(["InvalidParameterException", "Missing required parameter SOFTWARE_TOKEN_MFA_CODE"]);

    const done = await answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: good });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    nextStep();
    const again = await failure(answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(secret) }));
    expect(again.message).toBe("Invalid session for the user, session can only be used once.");
  });

  it("accepts a code one step late, for clock skew, but not two", async () => {
    nextStep();
    const { username, password, secret } = MFA.totpUser;
    const code = await totpCode(secret);
    const challenge = await passwordSignIn(username, password);
    nextStep();
    nextStep();
    const twoLate = await failure(answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code }));
    expect(twoLate.name).toBe("CodeMismatchException");
    clock -= 30_000;
    const oneLate = await answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code });
    expect(oneLate.AuthenticationResult).toBeDefined();
    clock += 30_000;
  });

  it("lets a challenge session expire after three minutes", async () => {
    nextStep();
    const { username, password, secret } = MFA.totpUser;
    const challenge = await passwordSignIn(username, password);
    clock += 3 * 60_000 + 1_000;
    const expired = await failure(answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(secret) }));
    expect([expired.name, expired.message]).toEqual(["NotAuthorizedException", "Invalid session for the user, session is expired."]);
  });
});

describe("EMAIL_OTP: a code by email, read from the sandbox's outbox", () => {
  it("masks the address, refuses a wrong code, signs in with the one sent, and marks the address verified", async () => {
    const { username, password, email } = MFA.emailUser;
    const challenge = await passwordSignIn(username, password);
    expect(challenge.ChallengeName).toBe("EMAIL_OTP");
    expect(challenge.ChallengeParameters).toEqual({ CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL", CODE_DELIVERY_DESTINATION: "e***@e***.com" });
    const codes = await outboxCodes(sandbox.url, email);
    const code = codes.at(-1)!;
    expect(code).toMatch(/^[0-9]{6}$/);
    const wrong = await failure(answer(challenge, "EMAIL_OTP", { USERNAME: username, EMAIL_OTP_CODE: code === "000000" ? "111111" : "000000" }));
    expect([wrong.name, wrong.message]).toEqual(["CodeMismatchException", "Invalid code or auth state for the user."]);
    const done = await answer(challenge, "EMAIL_OTP", { USERNAME: username, EMAIL_OTP_CODE: code });
    expect(decodeJwt(done.AuthenticationResult!.IdToken!)["email"]).toBe(email);

    // Each sign-in mails a new code; the outbox keeps them in order.
    await passwordSignIn(username, password);
    expect(await outboxCodes(sandbox.url, email)).toHaveLength(codes.length + 1);
  });

  it("keeps the outbox away from web pages (no CORS headers)", async () => {
    const response = await fetch(`${sandbox.url}/_sandbox/outbox`, { headers: { Origin: "https://example.com" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("SELECT_MFA_TYPE: a user with two factors and no preference", () => {
  it("offers both, then puts the chosen one", async () => {
    nextStep();
    const { username, password, secret } = MFA.twoFactorUser;
    const choose = await passwordSignIn(username, password);
    expect(choose.ChallengeName).toBe("SELECT_MFA_TYPE");
    expect(choose.ChallengeParameters).toEqual({ MFAS_CAN_CHOOSE: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' });
    const totp = await answer(choose, "SELECT_MFA_TYPE", { USERNAME: username, ANSWER: "SOFTWARE_TOKEN_MFA" });
    expect(totp.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    const done = await answer(totp, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(secret) });
    expect(done.AuthenticationResult).toBeDefined();

    // SetUserMFAPreference makes email the preferred factor: no more choosing.
    await cognito.send(
      new SetUserMFAPreferenceCommand({ AccessToken: done.AuthenticationResult!.AccessToken!, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
    const user = await cognito.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken! }));
    expect(user.PreferredMfaSetting).toBe("EMAIL_OTP");
    expect(user.UserMFASettingList).toEqual(["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]);
    const next = await passwordSignIn(username, password);
    expect(next.ChallengeName).toBe("EMAIL_OTP");
    const both = await failure(
      cognito.send(
        new SetUserMFAPreferenceCommand({
          AccessToken: done.AuthenticationResult!.AccessToken!,
          EmailMfaSettings: { PreferredMfa: true },
          SoftwareTokenMfaSettings: { PreferredMfa: true },
        }),
      ),
    );
    expect(both.name).toBe("InvalidParameterException");
  });
});

describe("signed-in registration (AccessToken instead of Session)", () => {
  it("returns no Session, verifies, and refuses pools without TOTP", async () => {
    nextStep();
    const { username, password, secret } = MFA.totpUser;
    const challenge = await passwordSignIn(username, password);
    const { AccessToken } = (await answer(challenge, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(secret) })).AuthenticationResult!;
    const both = await failure(cognito.send(new AssociateSoftwareTokenCommand({ AccessToken, Session: challenge.Session })));
    expect(both.name).toBe("InvalidParameterException");

    const associated = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(associated.Session).toBeUndefined();
    // Until the new app is verified the old one still answers sign-ins ("Amazon Cognito
    // disassociates an existing software token when you verify the new token", API reference).
    nextStep();
    const meanwhile = await passwordSignIn(username, password);
    expect(meanwhile.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    const withOld = await answer(meanwhile, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(secret) });
    expect(withOld.AuthenticationResult?.AccessToken).toBeTruthy();

    nextStep();
    const verified = await cognito.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: await totpCode(associated.SecretCode!) }));
    expect(verified).toMatchObject({ Status: "SUCCESS" });
    expect(verified.Session).toBeUndefined();
    // Now the old app's codes are refused and the new one's signs in.
    nextStep();
    const after = await passwordSignIn(username, password);
    const oldCode = await failure(answer(after, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(secret) }));
    expect(oldCode.name).toBe("CodeMismatchException");
    const newCode = await answer(after, "SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await totpCode(associated.SecretCode!) });
    expect(newCode.AuthenticationResult?.AccessToken).toBeTruthy();

    const demo = (await passwordSignIn(DEMO.user.email, DEMO.user.password, DEMO.clientId)).AuthenticationResult!;
    const noTotp = await failure(cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: demo.AccessToken })));
    expect([noTotp.name, noTotp.message]).toEqual(["SoftwareTokenMFANotFoundException", "Software Token MFA has not been enabled by the userPool."]);
    const notSetUp = await failure(cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: demo.AccessToken, SoftwareTokenMfaSettings: { Enabled: true } })));
    expect(notSetUp.message).toBe("User has not set up software token mfa");
  });
});

describe("the dashboard preset", () => {
  it("says the pool requires MFA, in amplify_outputs.json's words, and signs in by username", async () => {
    const body = (await (await fetch(`${sandbox.url}/_sandbox/environments`)).json()) as { environments: Array<Record<string, unknown>> };
    const preset = body.environments.find((environment) => environment["id"] === "sandbox-mfa-required");
    expect(preset).toMatchObject({
      userPoolId: MFA.userPoolId,
      userPoolClientId: MFA.clientId,
      usernameAttributes: [],
      poolDetails: { mfaConfiguration: "REQUIRED", mfaMethods: ["TOTP", "EMAIL"] },
    });
    const demo = body.environments.find((environment) => environment["id"] === "sandbox-demo");
    expect(demo?.["poolDetails"]).toMatchObject({ mfaConfiguration: "NONE" });
  });
});
