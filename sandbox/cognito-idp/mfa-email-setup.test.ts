import { InitiateAuthCommand, RespondToAuthChallengeCommand, type CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { outboxCodes, sdkClient } from "../test-support";

/**
 * Users without a second factor in a pool that requires MFA and allows email codes: one with an
 * address gets a code there, one without sets email MFA up by giving an address.
 */

describe("a pool that requires MFA and allows email codes", () => {
  let other: RunningSandbox;
  let client: CognitoIdentityProviderClient;
  beforeAll(async () => {
    other = await startSandbox({
      port: 0,
      scenarios: [
        {
          name: "email-fallback",
          region: "ap-northeast-1",
          accountId: "320000000009",
          userPools: [
            {
              id: "ap-northeast-1_EmailFb01",
              name: "email-fallback",
              mfa: { configuration: "ON", totp: true, email: true },
              clients: [
                {
                  id: "emailfallbackclient0000001",
                  name: "web",
                  authFlows: ["USER_PASSWORD_AUTH"],
                  idTokenValidityMinutes: 60,
                  accessTokenValidityMinutes: 60,
                  refreshTokenValidityDays: 30,
                },
              ],
              users: [
                { username: "has-email", password: "Has-Email-Passw0rd!", status: "CONFIRMED", attributes: { email: "has-email@example.org" } },
                { username: "no-email", password: "No-Email-Passw0rd!", status: "CONFIRMED" },
              ],
            },
          ],
        },
      ],
    });
    client = sdkClient(other.url);
  });
  afterAll(async () => {
    client.destroy();
    await other.close();
  });
  const signIn = (USERNAME: string, PASSWORD: string) =>
    client.send(new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: "emailfallbackclient0000001", AuthParameters: { USERNAME, PASSWORD } }));

  it("mails a code to a user who has an address, and lets one without set email MFA up", async () => {
    const withEmail = await signIn("has-email", "Has-Email-Passw0rd!");
    expect(withEmail.ChallengeName).toBe("EMAIL_OTP");
    expect(withEmail.ChallengeParameters?.["CODE_DELIVERY_DESTINATION"]).toBe("h***@e***.org");

    const setup = await signIn("no-email", "No-Email-Passw0rd!");
    expect(setup.ChallengeName).toBe("MFA_SETUP");
    const mailed = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: "emailfallbackclient0000001",
        ChallengeName: "MFA_SETUP",
        Session: setup.Session,
        ChallengeResponses: { USERNAME: "no-email", EMAIL: "new-address@example.net" },
      }),
    );
    expect(mailed.ChallengeName).toBe("EMAIL_OTP");
    const code = (await outboxCodes(other.url, "new-address@example.net")).at(-1)!;
    const done = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: "emailfallbackclient0000001",
        ChallengeName: "EMAIL_OTP",
        Session: mailed.Session,
        ChallengeResponses: { USERNAME: "no-email", EMAIL_OTP_CODE: code },
      }),
    );
    const id = decodeJwt(done.AuthenticationResult!.IdToken!);
    expect(id["email"]).toBe("new-address@example.net");
    expect(id["email_verified"]).toBe(true);
    // Next time the registered address gets the code straight away.
    expect((await signIn("no-email", "No-Email-Passw0rd!")).ChallengeName).toBe("EMAIL_OTP");
  });
});
