import { describe, expect, it } from "vitest";
import {
  agentCoreEndpoint,
  gatewayIdOf,
  gatewayMcpUrl,
  newSessionId,
  parseRuntimeArn,
  runtimeInvokeUrl,
  runtimeWebSocketUrl,
  sessionIdProblem,
  unencodedInvokeUrl,
} from "./urls";

const ARN = "arn:aws:bedrock-agentcore:us-east-1:988417841316:runtime/StrandsAgentsTS-6uPM3vBzd1";
const ENCODED = "arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A988417841316%3Aruntime%2FStrandsAgentsTS-6uPM3vBzd1";

describe("runtime URLs", () => {
  it.each([
    ["us-east-1", `https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/${ENCODED}/invocations?qualifier=DEFAULT`],
    ["http://127.0.0.1:4577/agentcore/", `http://127.0.0.1:4577/agentcore/runtimes/${ENCODED}/invocations?qualifier=DEFAULT`],
  ])("encodes the ARN as one path segment (%s)", (endpoint, expected) => {
    expect(runtimeInvokeUrl(endpoint, ARN)).toBe(expected);
  });

  it("puts the qualifier in the query, encoded", () => {
    expect(runtimeInvokeUrl("us-east-1", ARN, "prod v2")).toMatch(/\/invocations\?qualifier=prod%20v2$/);
  });

  it("builds the raw-ARN URL people paste, whose '/' splits the path", () => {
    const wrong = unencodedInvokeUrl("us-east-1", ARN);
    expect(wrong).toBe(`https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/${ARN}/invocations?qualifier=DEFAULT`);
    expect(new URL(wrong).pathname.split("/")).toHaveLength(5);
  });

  it("uses wss for AWS and ws for a plain-http override", () => {
    expect(runtimeWebSocketUrl("ap-northeast-1", ARN)).toBe(`wss://bedrock-agentcore.ap-northeast-1.amazonaws.com/runtimes/${ENCODED}/ws?qualifier=DEFAULT`);
    expect(runtimeWebSocketUrl("http://127.0.0.1:4577/agentcore", ARN)).toMatch(/^ws:\/\/127\.0\.0\.1:4577\/agentcore\/runtimes\//);
  });

  it("reads an ARN and refuses other shapes", () => {
    expect(parseRuntimeArn(ARN)).toEqual({ partition: "aws", region: "us-east-1", accountId: "988417841316", runtimeId: "StrandsAgentsTS-6uPM3vBzd1" });
    expect(parseRuntimeArn(ENCODED)).toBeNull();
    expect(agentCoreEndpoint("eu-west-3")).toBe("https://bedrock-agentcore.eu-west-3.amazonaws.com");
  });
});

describe("gateway URLs", () => {
  it("builds AWS's host and reads the id back from AWS and sandbox URLs", () => {
    const url = gatewayMcpUrl("default-gateway-0wpcw3peau", "us-east-1");
    expect(url).toBe("https://default-gateway-0wpcw3peau.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp");
    expect(gatewayIdOf(url)).toBe("default-gateway-0wpcw3peau");
    expect(gatewayIdOf("http://127.0.0.1:4577/agentcore-gateway/acjwt-gateway-k2m9x7q4za/mcp")).toBe("acjwt-gateway-k2m9x7q4za");
  });
});

describe("session ids", () => {
  it("makes ids AgentCore accepts, different every time", () => {
    const a = newSessionId();
    expect(a.length).toBeGreaterThanOrEqual(33);
    expect(sessionIdProblem(a)).toBeUndefined();
    expect(newSessionId()).not.toBe(a);
  });

  it("explains ids that are too short or too long", () => {
    expect(sessionIdProblem("user-123")).toMatch(/8 characters; AgentCore wants at least 33/);
    expect(sessionIdProblem("x".repeat(257))).toMatch(/at most 256/);
    expect(sessionIdProblem("x".repeat(33))).toBeUndefined();
  });
});
