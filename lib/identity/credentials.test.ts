import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { closedLoopbackPort, DEMO, sdkClient } from "../../sandbox/test-support";
import { getIdentityCredentials, IdentityPoolError } from "./credentials";

let sandbox: RunningSandbox;
let idToken: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const auth = await sdkClient(sandbox.url).send(
    new InitiateAuthCommand({ ClientId: DEMO.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: DEMO.user.email, PASSWORD: DEMO.user.password } }),
  );
  idToken = auth.AuthenticationResult!.IdToken!;
});
afterAll(() => sandbox.close());

const request = () => ({
  region: DEMO.region,
  identityPoolId: DEMO.identityPoolId,
  userPoolId: DEMO.userPoolId,
  idToken,
  cognitoIdentityEndpoint: `${sandbox.url}/cognito-identity`,
  stsEndpoint: `${sandbox.url}/sts`,
});

describe("getIdentityCredentials", () => {
  it("gets temporary credentials through the enhanced flow", async () => {
    const credentials = await getIdentityCredentials({ ...request(), flow: "enhanced" });
    expect(credentials.identityId).toMatch(/^ap-northeast-1:/);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.expiration.getTime()).toBeGreaterThan(Date.now());
  });

  it("names the step and carries AWS's error verbatim", async () => {
    const failure = getIdentityCredentials({ ...request(), idToken: "not-a-token", flow: "enhanced" });
    await expect(failure).rejects.toBeInstanceOf(IdentityPoolError);
    await expect(failure).rejects.toMatchObject({ step: "GetId", code: "aws:identity-pool", errorType: "NotAuthorizedException", answer: { status: 400 } });
  });

  it("names the endpoint when nothing answers there", async () => {
    const port = await closedLoopbackPort();
    const failure = getIdentityCredentials({ ...request(), cognitoIdentityEndpoint: `http://127.0.0.1:${port}/cognito-identity`, flow: "enhanced" });
    await expect(failure).rejects.toMatchObject({ step: "GetId", code: "unreachable:identity-pool", errorType: "NetworkError", message: expect.stringMatching(new RegExp(`^No connection to 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`)) });
  });

  it("gets a guest's credentials without an ID token where the pool allows guests, and names the refusal where it does not", async () => {
    const guest = await getIdentityCredentials({
      region: "ap-northeast-1",
      identityPoolId: "ap-northeast-1:7c3e9a1b-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
      userPoolId: "ap-northeast-1_GuestAc01",
      cognitoIdentityEndpoint: `${sandbox.url}/cognito-identity`,
      flow: "enhanced",
    });
    expect(guest.accessKeyId).toMatch(/^ASIA/);
    const { idToken: _none, ...withoutToken } = request();
    await expect(getIdentityCredentials({ ...withoutToken, flow: "enhanced" })).rejects.toMatchObject({
      step: "GetId",
      code: "aws:identity-pool",
      errorType: "NotAuthorizedException",
      message: "Unauthenticated access is not supported for this identity pool.",
    });
  });

  it("refuses the basic flow without a role to assume", async () => {
    await expect(getIdentityCredentials({ ...request(), flow: "basic" })).rejects.toMatchObject({ code: "invalid:identity-pool", errorType: "MissingRoleArn" });
  });
});
