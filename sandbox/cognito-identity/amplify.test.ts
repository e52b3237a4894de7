import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { Amplify } from "aws-amplify";
import { fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iamStateFor } from "../iam/state";
import { stsClient } from "../iam/test-support";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";

/**
 * aws-amplify v6 in Node with `identityPoolEndpoint` pointed at /cognito-identity: proves that
 * Amplify's own GetId / GetCredentialsForIdentity requests (Logins key derived from the token's
 * iss, Expiration parsed as epoch seconds) work against the sandbox, and that the credentials it
 * gets are real ones the sandbox's STS recognises.
 */

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: DEMO.userPoolId,
        userPoolClientId: DEMO.clientId,
        userPoolEndpoint: sandbox.url,
        identityPoolId: DEMO.identityPoolId,
        identityPoolEndpoint: `${sandbox.url}/cognito-identity`,
      },
    },
  });
});
afterAll(async () => {
  await signOut().catch(() => undefined);
  await sandbox.close();
});

describe("aws-amplify fetchAuthSession against the sandbox's identity pool", () => {
  it("gets an identity id and temporary credentials for the authenticated role", async () => {
    const result = await signIn({ username: DEMO.user.email, password: DEMO.user.password });
    expect(result.isSignedIn).toBe(true);

    const session = await fetchAuthSession();
    expect(session.identityId).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
    const credentials = session.credentials!;
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.expiration!.getTime()).toBeGreaterThan(Date.now() + 3500_000);

    const sts = stsClient(sandbox.url, credentials);
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(caller.Arn).toBe(`arn:aws:sts::${DEMO.accountId}:assumed-role/demo-authenticated/CognitoIdentityCredentials`);

    const [event] = iamStateFor({ baseUrl: sandbox.url })!.events.listEvents({ accessKeyId: credentials.accessKeyId });
    expect(event?.userIdentity.userName).toBe(session.identityId);
  });
});
