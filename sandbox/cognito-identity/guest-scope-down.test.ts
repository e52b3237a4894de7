import { GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from "@aws-sdk/client-cognito-identity";
import { AssumeRoleWithWebIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../lib/sigv4/sign";
import { invokeUrl, send } from "../agentcore/test-support";
import { identityClient, sandboxLoginKey, stsClient, userPoolTokens } from "../iam/test-support";
import { startSandbox, type RunningSandbox } from "../server";

/**
 * The identity-pool-guest-agentcore scenario: the guest role allows InvokeAgentRuntime, but Cognito
 * scopes guests' enhanced-flow credentials down to its list of services, which AgentCore is not on.
 * Signed-in users and guests in the basic flow get the role's own permissions.
 */

const GUEST = {
  region: "ap-northeast-1",
  identityPoolId: "ap-northeast-1:7c3e9a1b-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
  userPoolId: "ap-northeast-1_GuestAc01",
  clientId: "guestacclient0000000000001",
  runtimeArn: "arn:aws:bedrock-agentcore:ap-northeast-1:520000000001:runtime/guest_echo_agent-Gs7kQ2mV9x",
  guestRoleArn: "arn:aws:iam::520000000001:role/guest-agentcore-unauth",
};

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

async function invoke(credentials: Creds) {
  const url = invokeUrl(sandbox.url, GUEST.runtimeArn);
  const body = '{"prompt":"guest hello"}';
  const headers = { "content-type": "application/json", "x-amzn-bedrock-agentcore-runtime-session-id": "guest-scope-down-test-session-000001" };
  const signed = await signRequest({ method: "POST", url, headers, body }, { credentials, region: GUEST.region, service: "bedrock-agentcore" });
  return send(url, signed.headers, body);
}

async function enhancedFlow(logins?: Record<string, string>): Promise<Creds> {
  const client = identityClient(sandbox.url);
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: GUEST.identityPoolId, ...(logins ? { Logins: logins } : {}) }));
  const { Credentials: c } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId, ...(logins ? { Logins: logins } : {}) }));
  client.destroy();
  return { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretKey!, sessionToken: c!.SessionToken! };
}

describe("guest credentials and AgentCore", () => {
  it("refuses a guest's enhanced-flow credentials with the session-policy denial, though the role allows the action", async () => {
    const answer = await invoke(await enhancedFlow());
    expect(answer).toMatchObject({ status: 403, errorType: "AccessDeniedException" });
    expect(answer.message).toBe(
      "User: arn:aws:sts::520000000001:assumed-role/guest-agentcore-unauth/CognitoIdentityCredentials is not authorized to perform: " +
        `bedrock-agentcore:InvokeAgentRuntime on resource: ${GUEST.runtimeArn} because no session policy allows the bedrock-agentcore:InvokeAgentRuntime action`,
    );
  });

  it("lets a signed-in user's credentials through: no scope-down for authenticated identities", async () => {
    const { idToken } = await userPoolTokens(sandbox.url, GUEST.clientId, "guest-demo@example.com", "Guest-Passw0rd!");
    const answer = await invoke(await enhancedFlow({ [sandboxLoginKey(sandbox.url, GUEST.userPoolId)]: idToken }));
    expect(answer.status).toBe(200);
  });

  it("lets a guest through in the basic flow, where the guest role's own policies apply", async () => {
    const client = identityClient(sandbox.url);
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: GUEST.identityPoolId }));
    const { Token } = await client.send(new GetOpenIdTokenCommand({ IdentityId }));
    client.destroy();
    const sts = stsClient(sandbox.url);
    const { Credentials: c } = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: GUEST.guestRoleArn, RoleSessionName: "guest-basic", WebIdentityToken: Token }),
    );
    sts.destroy();
    const answer = await invoke({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });
    expect(answer.status).toBe(200);
  });
});
