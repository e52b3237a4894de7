import { describe, expect, it } from "vitest";
import { importAmplifyOutputs } from "./amplify-outputs";
import { ConfigInputError } from "./field-errors";

const outputs = {
  version: "1.4",
  auth: {
    aws_region: "ap-northeast-1",
    user_pool_id: "ap-northeast-1_AbC123xyz",
    user_pool_client_id: "1h2g3f4e5d6c7b8a9z0y1x2w3v",
    identity_pool_id: "ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    authentication_flow_type: "USER_SRP_AUTH",
    password_policy: { min_length: 8, require_numbers: true, require_lowercase: true, require_uppercase: true, require_symbols: true },
    oauth: {
      identity_providers: ["GOOGLE"],
      domain: "myapp.auth.ap-northeast-1.amazoncognito.com",
      scopes: ["openid", "email"],
      redirect_sign_in_uri: ["http://localhost:3000/"],
      redirect_sign_out_uri: ["http://localhost:3000/"],
      response_type: "code",
    },
    standard_required_attributes: ["email"],
    username_attributes: ["email"],
    user_verification_types: ["email"],
    unauthenticated_identities_enabled: true,
    mfa_configuration: "OFF",
    mfa_methods: [],
    groups: [{ ADMINS: { precedence: 0 } }, { support: { precedence: 1 } }],
  },
  data: {
    url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql",
    aws_region: "ap-northeast-1",
    api_key: "da2-abcdefghijklmnopqrstuvwxyz",
    default_authorization_type: "AMAZON_COGNITO_USER_POOLS",
    authorization_types: ["API_KEY", "AWS_IAM"],
  },
  custom: {
    agentCore: {
      runtimeArn: "arn:aws:bedrock-agentcore:ap-northeast-1:123456789012:runtime/my_agent-AbC123",
      gatewayUrl: "https://gw-1.gateway.bedrock-agentcore.ap-northeast-1.amazonaws.com/mcp",
    },
  },
};

function problems(text: string): string[] {
  try {
    importAmplifyOutputs(text, { id: "x" });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigInputError);
    const e = error as ConfigInputError;
    return e.fieldErrors.length ? e.fieldErrors.map((f) => `${f.path} | ${f.message}`) : [e.message];
  }
  throw new Error("expected the import to fail");
}

describe("importAmplifyOutputs", () => {
  it("maps every auth and data field of a Gen 2 file", () => {
    const environment = importAmplifyOutputs(JSON.stringify(outputs), { id: "customer-a" });
    expect(environment).toMatchObject({
      id: "customer-a",
      region: "ap-northeast-1",
      userPoolId: "ap-northeast-1_AbC123xyz",
      userPoolClientId: "1h2g3f4e5d6c7b8a9z0y1x2w3v",
      identityPoolId: "ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
      signInFlow: "USER_SRP_AUTH",
      usernameAttributes: ["email"],
      oauth: { domain: "myapp.auth.ap-northeast-1.amazoncognito.com", scopes: ["openid", "email"], identityProviders: ["GOOGLE"] },
      poolDetails: { mfaConfiguration: "OFF", groups: ["ADMINS", "support"], unauthenticatedIdentitiesEnabled: true, passwordPolicy: { minLength: 8 } },
      appSync: [
        {
          name: "data",
          defaultAuthMode: "AMAZON_COGNITO_USER_POOLS",
          additionalAuthModes: ["API_KEY", "AWS_IAM"],
          apiKey: "da2-abcdefghijklmnopqrstuvwxyz",
        },
      ],
      agentCore: { qualifier: "DEFAULT", gatewayUrl: outputs.custom.agentCore.gatewayUrl },
      endpoints: {},
    });
  });

  it("keeps USER_PASSWORD_AUTH when the file asks for it", () => {
    const file = { auth: { ...outputs.auth, authentication_flow_type: "USER_PASSWORD_AUTH" } };
    expect(importAmplifyOutputs(JSON.stringify(file), { id: "x" }).signInFlow).toBe("USER_PASSWORD_AUTH");
  });

  it("names each broken field by the file's own path", () => {
    const broken = {
      auth: { ...outputs.auth, user_pool_id: "not-a-pool", aws_region: "tokyo" },
      data: { ...outputs.data, default_authorization_type: "COGNITO" },
    };
    const list = problems(JSON.stringify(broken));
    expect(list).toContain("auth.user_pool_id | auth.user_pool_id must look like ap-northeast-1_AbC123");
    expect(list).toContain("auth.aws_region | auth.aws_region must look like ap-northeast-1");
    expect(list.some((p) => p.startsWith("data.default_authorization_type | must be one of API_KEY"))).toBe(true);
  });

  it("reports a missing field as required", () => {
    const { user_pool_client_id: _omit, ...auth } = outputs.auth;
    expect(problems(JSON.stringify({ auth }))).toEqual(["auth.user_pool_client_id | auth.user_pool_client_id is required"]);
  });

  it("explains a file without auth", () => {
    expect(problems(JSON.stringify({ data: outputs.data }))[0]).toMatch(/auth is missing/);
  });

  it("catches a pool id from another region", () => {
    const file = { auth: { ...outputs.auth, user_pool_id: "us-east-1_AbC123" } };
    expect(problems(JSON.stringify(file))).toEqual([
      "auth.user_pool_id | auth.user_pool_id: user pool id is in us-east-1 but the environment's region is ap-northeast-1",
    ]);
  });

  it.each([
    ["{ auth: ", /not valid JSON/],
    ["[]", /must be a JSON object/],
    ["null", /must be a JSON object/],
    ["x".repeat(1_000_001), /KB; an amplify_outputs.json is a few KB/],
  ])("rejects %#: not an outputs file", (text, message) => {
    expect(problems(text)[0]).toMatch(message);
  });

  it("reports a broken custom.agentCore block", () => {
    const file = { ...outputs, custom: { agentCore: { runtimeArn: "arn:aws:lambda:x" } } };
    expect(problems(JSON.stringify(file))[0]).toMatch(/^custom\.agentCore\.runtimeArn \| custom\.agentCore\.runtimeArn: runtime ARN must look like/);
  });

  it("imports an Event API from custom.events, as backend.addOutput writes it", () => {
    const file = { ...outputs, custom: { events: { url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/event", aws_region: "ap-northeast-1", default_authorization_type: "AMAZON_COGNITO_USER_POOLS", api_key: "da2-eventsapikey" } } };
    const environment = importAmplifyOutputs(JSON.stringify(file), { id: "with-events" });
    expect(environment.appSyncEvents).toEqual([{ name: "events", url: file.custom.events.url, region: "ap-northeast-1", apiKey: "da2-eventsapikey", channel: "/default/test" }]);
    const broken = { ...outputs, custom: { events: { url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql", aws_region: "ap-northeast-1" } } };
    expect(problems(JSON.stringify(broken))[0]).toMatch(/custom\.events\.url/);
  });
});
