import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { STSClient } from "@aws-sdk/client-sts";
import type { ScenarioInput } from "../scenario";
import { sdkClient } from "../test-support";

/**
 * Shared by the identity pool, STS and IAM tests: a scenario with what demo.json leaves out on
 * purpose (basic flow, guests, a pool without roles, an app client the pool does not trust), and
 * SDK clients pointed at the sandbox the way a environment's endpoints point them.
 */

const trust = (poolId: string, amr: "authenticated" | "unauthenticated") => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "cognito-identity.amazonaws.com:aud": poolId },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
      },
    },
  ],
});

const client = (id: string, name: string) => ({
  id,
  name,
  authFlows: ["USER_PASSWORD_AUTH", "REFRESH_TOKEN_AUTH"] as ("USER_PASSWORD_AUTH" | "REFRESH_TOKEN_AUTH")[],
  idTokenValidityMinutes: 60,
  accessTokenValidityMinutes: 60,
  refreshTokenValidityDays: 1,
});

export const CLASSIC = {
  region: "us-west-2",
  accountId: "999988887777",
  userPoolId: "us-west-2_Classic01",
  clientId: "classicclient0000000000001",
  untrustedClientId: "classicother00000000000001",
  identityPoolId: "us-west-2:11111111-2222-4333-8444-555555555555",
  noRolesPoolId: "us-west-2:66666666-7777-4888-9999-aaaaaaaaaaaa",
  authRoleArn: "arn:aws:iam::999988887777:role/classic-auth",
  guestRoleArn: "arn:aws:iam::999988887777:role/classic-guest",
  user: { username: "carol", password: "Carol-Passw0rd!" },
} as const;

export const CLASSIC_SCENARIO: ScenarioInput = {
  name: "classic-flow",
  region: CLASSIC.region,
  accountId: CLASSIC.accountId,
  userPools: [
    {
      id: CLASSIC.userPoolId,
      name: "classic-user-pool",
      clients: [client(CLASSIC.clientId, "trusted"), client(CLASSIC.untrustedClientId, "not-in-identity-pool")],
      users: [{ username: CLASSIC.user.username, password: CLASSIC.user.password, status: "CONFIRMED" }],
    },
  ],
  identityPools: [
    {
      id: CLASSIC.identityPoolId,
      name: "classic_pool",
      allowUnauthenticatedIdentities: true,
      allowClassicFlow: true,
      providers: [{ userPoolId: CLASSIC.userPoolId, clientId: CLASSIC.clientId }],
      authenticatedRoleArn: CLASSIC.authRoleArn,
      unauthenticatedRoleArn: CLASSIC.guestRoleArn,
    },
    { id: CLASSIC.noRolesPoolId, name: "no_roles_pool", allowUnauthenticatedIdentities: true },
  ],
  roles: [
    { arn: CLASSIC.authRoleArn, trustPolicy: trust(CLASSIC.identityPoolId, "authenticated") },
    { arn: CLASSIC.guestRoleArn, trustPolicy: trust(CLASSIC.identityPoolId, "unauthenticated") },
  ],
};

/** Any key signs; the identity pool APIs are public, the sandbox ignores it as AWS would. */
const DUMMY = { accessKeyId: "AKIASANDBOXEXAMPLE", secretAccessKey: "sandbox-secret" };

export const identityClient = (sandboxUrl: string, region = "ap-northeast-1") =>
  new CognitoIdentityClient({ region, endpoint: `${sandboxUrl}/cognito-identity`, credentials: DUMMY, maxAttempts: 1 });

export const stsClient = (sandboxUrl: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = DUMMY) =>
  new STSClient({ region: "ap-northeast-1", endpoint: `${sandboxUrl}/sts`, credentials, maxAttempts: 1 });

/** Signs in with USER_PASSWORD_AUTH and returns the user pool tokens. */
export async function userPoolTokens(sandboxUrl: string, clientId: string, username: string, password: string) {
  const cognito = sdkClient(sandboxUrl);
  try {
    const result = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );
    const tokens = result.AuthenticationResult;
    if (!tokens?.IdToken || !tokens.AccessToken) throw new Error("sign-in returned no tokens");
    return { idToken: tokens.IdToken, accessToken: tokens.AccessToken };
  } finally {
    cognito.destroy();
  }
}

/** The Logins key Amplify builds from a sandbox token (issuer without scheme). */
export const sandboxLoginKey = (sandboxUrl: string, userPoolId: string) => `${new URL(sandboxUrl).host}/${userPoolId}`;
export const awsLoginKey = (region: string, userPoolId: string) => `cognito-idp.${region}.amazonaws.com/${userPoolId}`;

/** Runs a call that must fail and returns the SDK's error. */
export async function failure(call: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail");
}
