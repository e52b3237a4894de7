import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../lib/sigv4/sign";
import { startSandbox, type RunningSandbox } from "../server";
import { credentialsFor, IAM, invokeUrl, send, SESSION, tokensFor, WS_MISSING, XACCT } from "./test-support";

/** AWS_IAM runtimes over plain HTTPS: SigV4 for InvokeAgentRuntime, evaluated by the shared IAM module. */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

async function signedInvoke(arn: string, credentials: Awaited<ReturnType<typeof credentialsFor>>) {
  const url = invokeUrl(sandbox.url, arn);
  const body = '{"prompt":"signed hello"}';
  const headers = { "content-type": "application/json", accept: "application/json", "x-amzn-bedrock-agentcore-runtime-session-id": SESSION };
  const signed = await signRequest({ method: "POST", url, headers, body }, { credentials, region: IAM.region, service: "bedrock-agentcore" });
  return send(url, signed.headers, body);
}

describe("agentcore-iam", () => {
  it("accepts SigV4 from the identity pool's role and names the assumed role", async () => {
    const answer = await signedInvoke(IAM.runtimeArn, await credentialsFor(sandbox.url, IAM));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      response: "Echo: signed hello",
      caller: expect.stringMatching(/^AWS_IAM: arn:aws:sts::310000000002:assumed-role\/agentcore-iam-authenticated\/CognitoIdentityCredentials/),
    });
  });

  it("refuses a JWT with Authorization method mismatch (seed 003)", async () => {
    const tokens = await tokensFor(sandbox.url, IAM);
    const answer = await send(invokeUrl(sandbox.url, IAM.runtimeArn), { authorization: `Bearer ${tokens.accessToken}` });
    expect(answer).toMatchObject({ status: 403, errorType: "AccessDeniedException" });
    expect(answer.message).toMatch(/^Authorization method mismatch\./);
  });

  it("refuses an unsigned request as AWS refuses one without credentials", async () => {
    const answer = await send(invokeUrl(sandbox.url, IAM.runtimeArn), {});
    expect(answer).toMatchObject({ status: 403, errorType: "MissingAuthenticationTokenException" });
  });

  it("refuses credentials whose role allows another runtime", async () => {
    const strangers = await credentialsFor(sandbox.url, WS_MISSING);
    const answer = await signedInvoke(IAM.runtimeArn, strangers);
    expect(answer).toMatchObject({ status: 403, errorType: "AccessDeniedException" });
    expect(answer.message).toBe(
      "User: arn:aws:sts::310000000003:assumed-role/agentcore-ws-authenticated/CognitoIdentityCredentials is not authorized to perform: " +
        `bedrock-agentcore:InvokeAgentRuntime on resource: ${IAM.runtimeArn} because no identity-based policy allows the bedrock-agentcore:InvokeAgentRuntime action`,
    );
  });
});

describe("agentcore-ws-permission-missing", () => {
  it("still allows HTTP invocations: grantInvoke grants InvokeAgentRuntime", async () => {
    const answer = await signedInvoke(WS_MISSING.runtimeArn, await credentialsFor(sandbox.url, WS_MISSING));
    expect(answer.status).toBe(200);
  });
});

describe("agentcore-cross-account (runtimes in 310000000006, caller in 310000000005)", () => {
  it("refuses a role whose own policy allows Resource * when the runtime has no resource-based policy (aws/agentcore-cli#607)", async () => {
    const answer = await signedInvoke(XACCT.runtimeArn, await credentialsFor(sandbox.url, XACCT));
    expect(answer).toMatchObject({ status: 403, errorType: "AccessDeniedException" });
    expect(answer.message).toBe(
      "User: arn:aws:sts::310000000005:assumed-role/agentcore-xacct-authenticated/CognitoIdentityCredentials is not authorized to perform: " +
        `bedrock-agentcore:InvokeAgentRuntime on resource: ${XACCT.runtimeArn} because no resource-based policy allows the bedrock-agentcore:InvokeAgentRuntime action`,
    );
  });

  it("answers when the runtime's resource-based policy names the calling role", async () => {
    const answer = await signedInvoke(XACCT.sharedRuntimeArn, await credentialsFor(sandbox.url, XACCT));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ caller: expect.stringContaining("arn:aws:sts::310000000005:assumed-role/agentcore-xacct-authenticated/") });
  });
});
