import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from "@aws-sdk/client-bedrock-agentcore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSse, sseChunkText } from "../../lib/agentcore/sse";
import { startSandbox, type RunningSandbox } from "../server";
import { credentialsFor, IAM, JWT, SESSION } from "./test-support";

/**
 * The official data-plane client (the AWS CLI's and boto3's model) against the sandbox: if the
 * SDK signs, routes and parses it, the wire format is AgentCore's. Endpoint `{sandbox}/agentcore`
 * stands for https://bedrock-agentcore.{region}.amazonaws.com.
 */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

async function client(scenario: typeof IAM | typeof JWT) {
  return new BedrockAgentCoreClient({
    region: scenario.region,
    endpoint: `${sandbox.url}/agentcore`,
    credentials: await credentialsFor(sandbox.url, scenario),
    maxAttempts: 1,
  });
}

describe("@aws-sdk/client-bedrock-agentcore InvokeAgentRuntimeCommand", () => {
  it("streams the echo reply from the AWS_IAM runtime", async () => {
    const sdk = await client(IAM);
    const output = await sdk.send(
      new InvokeAgentRuntimeCommand({
        agentRuntimeArn: IAM.runtimeArn,
        qualifier: "DEFAULT",
        runtimeSessionId: SESSION,
        payload: new TextEncoder().encode(JSON.stringify({ prompt: "from the SDK" })),
      }),
    );
    expect(output.contentType).toBe("text/event-stream");
    expect(output.runtimeSessionId).toBe(SESSION);
    const chunks: string[] = [];
    for await (const event of readSse(output.response as AsyncIterable<Uint8Array>)) chunks.push(sseChunkText(event));
    expect(chunks).toEqual(["Echo: ", "from ", "the ", "SDK"]);
  });

  it("invokes by runtime id with accountId, the model's other form of agentRuntimeArn", async () => {
    const sdk = await client(IAM);
    const output = await sdk.send(
      new InvokeAgentRuntimeCommand({
        agentRuntimeArn: IAM.runtimeArn.split("/").pop()!,
        accountId: "310000000002",
        qualifier: "DEFAULT",
        runtimeSessionId: SESSION,
        accept: "application/json",
        payload: new TextEncoder().encode(JSON.stringify({ prompt: "by id" })),
      }),
    );
    expect(JSON.parse(await output.response!.transformToString())).toMatchObject({ response: "Echo: by id" });
  });

  it("gets a 400 for the runtime id without accountId", async () => {
    const sdk = await client(IAM);
    const error = await sdk
      .send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: IAM.runtimeArn.split("/").pop()!, runtimeSessionId: SESSION, payload: new TextEncoder().encode("{}") }))
      .catch((e: unknown) => e as { message: string; $metadata: { httpStatusCode?: number } });
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 }, message: "accountID required" });
  });

  it("generates a session id itself when none is given (an idempotency token in the model)", async () => {
    const sdk = await client(IAM);
    const output = await sdk.send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: IAM.runtimeArn, payload: new TextEncoder().encode("{}") }));
    expect(output.runtimeSessionId?.length).toBeGreaterThanOrEqual(33);
    await output.response?.transformToString();
  });

  it("gets AccessDeniedException: Authorization method mismatch from the CUSTOM_JWT runtime (seed 003)", async () => {
    const sdk = await client(JWT);
    const error = await sdk
      .send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: JWT.runtimeArn, runtimeSessionId: SESSION, payload: new TextEncoder().encode("{}") }))
      .catch((e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode?: number } });
    expect(error).toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } });
    expect((error as { message: string }).message).toMatch(/^Authorization method mismatch\. .*\(OAuth or SigV4\)$/);
  });
});
