import { describe, expect, it } from "vitest";
import { diagnose } from "./engine";
import { clarify } from "./question";

/** A refusal that names no cause gets the candidates and one question; the answer narrows it. */

const SEED_001 = `{ message: "Unauthorized", recoverySuggestion: \`If you're calling an Amplify-generated API, make sure to set the "authMode" in generateClient({ authMode: '...' }) to the backend authorization rule's auth provider ('apiKey', 'userPool', 'iam', 'oidc', 'lambda')\` }`;

const answer = (text: string, service: string, variant: string) =>
  clarify(text)?.answers.find((a) => a.option.service === service && a.option.variant === variant);

describe("clarify", () => {
  it("asks about AppSync credentials for Amplify's recoverySuggestion, and IAM narrows it to seed 001's cause", () => {
    expect(diagnose(SEED_001)).toEqual([]);
    const q = clarify(SEED_001);
    expect(q?.services).toEqual(["appsync"]);
    expect(q?.evidence.join(" ")).toContain("recoverySuggestion");
    expect(q?.candidates.map((m) => m.id)).toContain("appsync-unauthorized-iam");
    expect(answer(SEED_001, "appsync", "iam")?.match?.id).toBe("appsync-unauthorized-iam");
    expect(answer(SEED_001, "appsync", "api-key")?.match?.id).toBe("appsync-api-key-invalid");
  });

  it("asks about both services for a bare Unauthorized, each credential naming its own cause", () => {
    const q = clarify("Unauthorized");
    expect(q?.services).toEqual(["appsync", "agentcore"]);
    expect(answer("Unauthorized", "appsync", "user-pool")?.match?.id).toBe("appsync-unauthorized-userpool");
    expect(answer("Unauthorized", "appsync", "iam")?.match?.id).toBe("appsync-unauthorized-iam");
    // No single cause for a refused bearer token at AgentCore: the checks to make instead.
    const bearer = answer("Unauthorized", "agentcore", "bearer");
    expect(bearer?.match).toBeUndefined();
    expect(bearer?.related.map((r) => r.id)).toEqual(expect.arrayContaining(["cognito-client-id-mismatch", "agentcore-discovery-url"]));
  });

  it("says honestly that nothing is known for a Lambda authorizer", () => {
    const lambda = answer("Unauthorized", "appsync", "lambda");
    expect(lambda?.match).toBeUndefined();
  });

  it("does not ask when a rule already fits, when the credential is known, or when nothing was refused", () => {
    expect(clarify('{"errors":[{"errorType":"UnauthorizedException","message":"Permission denied"}]}')).toBeNull();
    expect(clarify({ text: "Unauthorized", service: "appsync", variant: "iam" })).toBeNull();
    expect(clarify("ConditionalCheckFailedException: The conditional request failed")).toBeNull();
    // aws-amplify's own refusal before any request (nobody signed in) names its cause: no question.
    expect(clarify('NoValidAuthTokens: No federated jwt')).toBeNull();
  });

  it("asks about API Gateway's authorizers for API Gateway's own 401, and a Lambda authorizer gets no Cognito cause", () => {
    const apigw = '< HTTP/2 401\n< x-amzn-errortype: UnauthorizedException\n< x-amz-apigw-id: abc=\n{"message":"Unauthorized"}';
    expect(diagnose(apigw)).toEqual([]);
    expect(clarify(apigw)?.services).toEqual(["api-gateway"]);
    expect(answer(apigw, "api-gateway", "access-token")?.match?.id).toBe("apigateway-cognito-token-use");
    expect(answer(apigw, "api-gateway", "lambda")?.match).toBeUndefined();
  });

  it("narrows the services by what the text names", () => {
    expect(clarify("POST https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/x/invocations 401 Unauthorized")?.services).toEqual(["agentcore"]);
    expect(clarify("GraphQL request failed: Unauthorized")?.services).toEqual(["appsync"]);
  });
});
