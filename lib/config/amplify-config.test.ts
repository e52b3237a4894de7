import { describe, expect, it } from "vitest";
import { toAmplifyConfig } from "./amplify-config";
import { environmentSchema } from "./environment";

const base = environmentSchema.parse({
  id: "p",
  name: "P",
  region: "ap-northeast-1",
  userPoolId: "ap-northeast-1_AbC123",
  userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
  usernameAttributes: ["email"],
});

describe("toAmplifyConfig", () => {
  it("points Amplify at the real regional endpoint when nothing is overridden", () => {
    expect(toAmplifyConfig(base)).toEqual({
      Auth: {
        Cognito: {
          userPoolId: "ap-northeast-1_AbC123",
          userPoolClientId: "abcdefghijklmnopqrstuvwxyz",
          loginWith: { email: true, phone: false, username: false },
        },
      },
    });
  });

  it("sends user pool and identity pool calls to the overrides (the sandbox)", () => {
    const environment = environmentSchema.parse({
      ...base,
      identityPoolId: "ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
      endpoints: { cognitoIdp: "http://127.0.0.1:4577", cognitoIdentity: "http://127.0.0.1:4577" },
    });
    const cognito = toAmplifyConfig(environment).Auth?.Cognito;
    expect(cognito).toMatchObject({
      userPoolEndpoint: "http://127.0.0.1:4577",
      identityPoolId: "ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
      identityPoolEndpoint: "http://127.0.0.1:4577",
      allowGuestAccess: false,
    });
  });

  it("signs in with a plain username when the pool has no username attributes", () => {
    const cognito = toAmplifyConfig({ ...base, usernameAttributes: [] }).Auth?.Cognito;
    expect(cognito?.loginWith).toEqual({ email: false, phone: false, username: true });
  });
});

describe("toAmplifyConfig with AppSync", () => {
  it("configures the first API the way generateClient() expects", () => {
    const environment = environmentSchema.parse({
      ...base,
      appSync: [{ name: "data", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql", region: "ap-northeast-1", defaultAuthMode: "AMAZON_COGNITO_USER_POOLS", additionalAuthModes: ["API_KEY"], apiKey: "da2-x" }],
    });
    expect(toAmplifyConfig(environment).API).toEqual({
      GraphQL: { endpoint: environment.appSync[0]!.url, region: "ap-northeast-1", defaultAuthMode: "userPool", apiKey: "da2-x" },
    });
  });
});
