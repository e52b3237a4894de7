import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand, RetryableConflictException, RuntimeClientError, ThrottlingException } from "@aws-sdk/client-bedrock-agentcore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNCONFIRMED_WORDING_HEADER } from "../../lib/http/unconfirmed-wording";
import { startSandbox, type RunningSandbox } from "../server";
import { sdkFailure } from "../test-support";
import { credentialsFor, FAILING, PER_USER, SESSION } from "./test-support";

/**
 * Per-user invocation and the runtime's own errors, through the official SDK: its `runtimeUserId`
 * input goes out as X-Amzn-Bedrock-AgentCore-Runtime-User-Id, and its error classes must recognise
 * the sandbox's answers (shape names and statuses from the service model).
 */

const arnOf = (name: string) => `arn:aws:bedrock-agentcore:ap-northeast-1:310000000042:runtime/${name}`;

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

async function invoke(s: typeof PER_USER, arn: string, runtimeUserId?: string) {
  const sdk = new BedrockAgentCoreClient({ region: s.region, endpoint: `${sandbox.url}/agentcore`, credentials: await credentialsFor(sandbox.url, s), maxAttempts: 1 });
  return sdk.send(
    new InvokeAgentRuntimeCommand({
      agentRuntimeArn: arn,
      runtimeSessionId: SESSION,
      accept: "application/json",
      ...(runtimeUserId ? { runtimeUserId } : {}),
      payload: new TextEncoder().encode(JSON.stringify({ prompt: "hi" })),
    }),
  );
}

describe("runtimeUserId (X-Amzn-Bedrock-AgentCore-Runtime-User-Id)", () => {
  it("a role with InvokeAgentRuntime alone invokes without a user", async () => {
    const output = await invoke(PER_USER, PER_USER.runtimeArn);
    expect(JSON.parse(await output.response!.transformToString())).toMatchObject({ response: "Echo: hi" });
  });

  it("the same role naming a user is refused for want of InvokeAgentRuntimeForUser, marked not confirmed", async () => {
    const error = await sdkFailure(invoke(PER_USER, PER_USER.runtimeArn, "user-0001"));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeForUser on resource:");
  });

  it("a role with both actions gets through to the agent, which learns the user", async () => {
    const error = await sdkFailure(invoke(FAILING, FAILING.runtimeArn, "user-0001"));
    // Authorized: what answers is the agent's start failure, not IAM.
    expect(error).toBeInstanceOf(RuntimeClientError);
    expect(error.$metadata.httpStatusCode).toBe(424);
  });
});

describe("runtime faults answer with the model's error shapes", () => {
  it("an agent that errors: 424 RuntimeClientError with the captured wording", async () => {
    const error = await sdkFailure(invoke(FAILING, arnOf("erroring_agent-Er7oR2aG5e")));
    expect(error).toBeInstanceOf(RuntimeClientError);
    expect(error.message).toBe("Received error (500) from runtime. Please check your CloudWatch logs for more information.");
  });

  it("a throttled runtime: 429 ThrottlingException", async () => {
    const error = await sdkFailure(invoke(FAILING, arnOf("throttled_agent-Th9rT4lD6f")));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.$metadata.httpStatusCode).toBe(429);
  });

  it("a busy session: 409 RetryableConflictException, whose wording the sandbox flags as its own", async () => {
    const error = await sdkFailure(invoke(FAILING, arnOf("busy_session_agent-Bs3yS6nA8g")));
    expect(error).toBeInstanceOf(RetryableConflictException);
    expect(error.$metadata.httpStatusCode).toBe(409);
    const headers = (error as unknown as { $response?: { headers?: Record<string, string> } }).$response?.headers;
    if (headers) expect(headers[UNCONFIRMED_WORDING_HEADER]).toBeTruthy();
  });
});
