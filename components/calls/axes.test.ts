import { describe, expect, it } from "vitest";
import { environmentSchema } from "@/lib/config/environment";
import { testCallKeyId } from "@/lib/test-calls/types";
import { INITIAL_APPSYNC } from "./appsync-controls";
import { plannedTestCalls } from "./axes";
import { buildTestCalls } from "./build-test-calls";

/**
 * "Run all" shows every cell as queued before the call machinery has loaded: the cells it plans
 * must be exactly the cells the run then builds, or a queued cell would vanish or a real one
 * appear from nowhere.
 */

const base = {
  id: "planned",
  name: "Planned",
  region: "ap-northeast-1",
  userPoolId: "ap-northeast-1_AbC123",
  userPoolClientId: "abc123",
};
const api = { name: "Notes", url: "https://abc.appsync-api.ap-northeast-1.amazonaws.com/graphql", region: "ap-northeast-1", defaultAuthMode: "AMAZON_COGNITO_USER_POOLS", additionalAuthModes: ["API_KEY", "AWS_IAM", "AWS_LAMBDA", "API_KEY"] };
const RUNTIME = "arn:aws:bedrock-agentcore:ap-northeast-1:123456789012:runtime/agent-AbC123";

const ENVIRONMENTS = {
  "AppSync and AgentCore (runtime and gateway)": { ...base, appSync: [api], agentCore: { runtimeArn: RUNTIME, gatewayUrl: "https://gw.gateway.bedrock-agentcore.ap-northeast-1.amazonaws.com/mcp" } },
  "AgentCore with neither runtime nor gateway": { ...base, agentCore: {} },
  "AppSync with one auth mode": { ...base, appSync: [{ ...api, defaultAuthMode: "API_KEY", additionalAuthModes: [] }] },
  "an Event API beside AppSync": { ...base, appSync: [api], appSyncEvents: [{ name: "Events", url: "https://abc.appsync-api.ap-northeast-1.amazonaws.com/event", region: "ap-northeast-1", channel: "/default/test" }] },
  "an Event API alone": { ...base, appSyncEvents: [{ name: "Events", url: "https://abc.appsync-api.ap-northeast-1.amazonaws.com/event", region: "ap-northeast-1" }] },
  "nothing to call": base,
};

describe("the cells Run all queues on the click", () => {
  for (const [name, input] of Object.entries(ENVIRONMENTS)) {
    for (const subscription of ["", "subscription OnNote { onCreateNote { id } }"]) {
      it(`${name}, ${subscription ? "with" : "without"} a subscription: the cells the run builds`, () => {
        const environment = environmentSchema.parse(input);
        const appSync = { ...INITIAL_APPSYNC, subscription };
        const built = buildTestCalls({ environment, appSync, agentCore: { sessionId: "s".repeat(33), prompt: "hi" }, credentials: {}, onChunk: () => undefined });
        if (typeof built === "string") throw new Error(built);
        expect(plannedTestCalls(environment, subscription).map(testCallKeyId).sort()).toEqual(built.map(testCallKeyId).sort());
      });
    }
  }
});
