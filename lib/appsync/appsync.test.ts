import { describe, expect, it } from "vitest";
import { appSyncEndpoints } from "./endpoints";
import { interpretAppSyncResponse } from "./response";
import { encodeAuthSubprotocol, legacyRealtimeUrl } from "./realtime-auth";
import { base64url } from "jose";
import { appSyncVariantsFor, missingFor } from "./variants";

describe("appSyncEndpoints", () => {
  it("derives AWS's realtime host from the GraphQL host", () => {
    const e = appSyncEndpoints("https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql");
    expect(e.realtimeUrl).toBe("wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.ap-northeast-1.amazonaws.com/graphql");
    expect(e.connectUrl).toBe("https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql/connect");
    expect(e.host).toBe("abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com");
    expect(e.apiId).toBe("abcdefghijklmnopqrstuvwxyz");
  });

  it("serves realtime under /realtime on custom domains and the sandbox", () => {
    expect(appSyncEndpoints("https://api.example.com/graphql").realtimeUrl).toBe("wss://api.example.com/graphql/realtime");
    const sandbox = appSyncEndpoints("http://127.0.0.1:4577/appsync/demoapi/graphql");
    expect(sandbox.realtimeUrl).toBe("ws://127.0.0.1:4577/appsync/demoapi/graphql/realtime");
    expect(sandbox.apiId).toBe("demoapi");
  });
});

describe("appSyncVariantsFor", () => {
  it("adds the Lambda-token column only for an API with AWS_LAMBDA, default or additional", () => {
    expect(appSyncVariantsFor({ defaultAuthMode: "API_KEY", additionalAuthModes: ["AWS_IAM"] })).toEqual(["api-key", "id-token", "access-token", "iam"]);
    expect(appSyncVariantsFor({ defaultAuthMode: "AMAZON_COGNITO_USER_POOLS", additionalAuthModes: ["AWS_LAMBDA"] })).toContain("lambda-token");
    expect(appSyncVariantsFor({ defaultAuthMode: "AWS_LAMBDA", additionalAuthModes: [] })).toContain("lambda-token");
  });

  it("says where to type the token when none was given", () => {
    expect(missingFor("lambda-token", {})).toMatch(/Lambda authorizer token/);
    expect(missingFor("lambda-token", { lambdaToken: "t" })).toBeUndefined();
  });
});

describe("realtime auth encoding", () => {
  const header = { host: "x.appsync-api.us-east-1.amazonaws.com", Authorization: "eyJ?a>b" };

  it("puts the header JSON in a base64url subprotocol", () => {
    const protocol = encodeAuthSubprotocol(header);
    expect(protocol.startsWith("header-")).toBe(true);
    expect(protocol).not.toMatch(/[+/=]/);
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(protocol.slice(7))))).toEqual(header);
  });

  it("keeps the legacy query form with payload e30=", () => {
    const url = new URL(legacyRealtimeUrl(appSyncEndpoints("https://api.example.com/graphql"), header));
    expect(url.searchParams.get("payload")).toBe("e30=");
    expect(JSON.parse(atob(url.searchParams.get("header")!))).toEqual(header);
  });
});

describe("interpretAppSyncResponse", () => {
  it.each([
    [200, '{"data":{"listNotes":[]}}', { ok: true }],
    [401, '{"errors":[{"errorType":"UnauthorizedException","message":"Valid authorization header not provided."}]}', { ok: false, errorType: "UnauthorizedException", message: "Valid authorization header not provided." }],
    [200, '{"data":{"secret":null},"errors":[{"errorType":"Unauthorized","message":"Not Authorized to access secret on type Query"}]}', { ok: false, partial: false, errorType: "Unauthorized", message: "Not Authorized to access secret on type Query" }],
    [200, '{"data":{"a":1,"b":null},"errors":[{"errorType":"Unauthorized","message":"Not Authorized to access b on type Query"}]}', { ok: false, partial: true, errorType: "Unauthorized", message: "Not Authorized to access b on type Query" }],
    [502, "<html>Bad gateway</html>", { ok: false, errorType: undefined, message: "<html>Bad gateway</html>" }],
    [400, '{"errors":[{"errorType":"BadRequestException"}]}', { ok: false, errorType: "BadRequestException" }],
  ])("HTTP %d %s", (status, body, verdict) => {
    expect(interpretAppSyncResponse(status, body)).toEqual(verdict);
  });

  it("falls back to x-amzn-ErrorType when the body says nothing", () => {
    expect(interpretAppSyncResponse(403, "", "ForbiddenException:http://internal.amazon.com/").errorType).toBe("ForbiddenException");
  });
});
