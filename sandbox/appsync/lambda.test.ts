import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { appSyncEndpoints } from "../../lib/appsync/endpoints";
import { appSyncTestCalls } from "../../lib/appsync/test-calls";
import { probeRealtime } from "../../lib/appsync/realtime-probe";
import type { WebSocketLike } from "../../lib/ws";
import { parseScenario, type ScenarioInput } from "../scenario";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { gql, graphqlUrl, signIn, type GraphqlResponse } from "./test-support";

/**
 * AWS_LAMBDA against the shipped scenarios (appsync-lambda-authorizer, appsync-lambda-not-invokable)
 * and one API whose only mode is AWS_LAMBDA.
 */

const API = "lambdaauthapi0000000000001";
const NOT_INVOKABLE = "lambdanotinvokableapi00001";
const ONLY_LAMBDA = "lambdaonlyapi0000000000001";

const LAMBDA_ONLY: ScenarioInput = {
  name: "appsync-lambda-test",
  region: "ap-northeast-1",
  accountId: "111122223333",
  appSyncApis: [
    {
      id: ONLY_LAMBDA,
      name: "lambda-only",
      region: "ap-northeast-1",
      defaultAuthMode: "AWS_LAMBDA",
      lambdaAuthorizerConfig: {
        authorizerUri: "arn:aws:lambda:ap-northeast-1:111122223333:function:only",
        decisions: [{ tokenPattern: "ok-.*", returns: { isAuthorized: true, ttlOverride: 0 } }],
      },
      schema: "type Query { whoami: String }",
    },
  ],
};

let sandbox: RunningSandbox;
const url = (apiId = API) => graphqlUrl(sandbox.url, apiId);
const LIST = "query Notes { listNotes { id title content } }";

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenarios: [LAMBDA_ONLY], scenariosDir: DEFAULT_SCENARIOS_DIR });
});
afterAll(() => sandbox.close());

async function invocations(apiId = API): Promise<Array<{ event: Record<string, any>; outcome: string }>> {
  const response = await fetch(`${sandbox.url}/_sandbox/lambda-invocations?apiId=${apiId}`);
  return ((await response.json()) as { invocations: Array<{ event: Record<string, any>; outcome: string }> }).invocations;
}

function expect401(response: GraphqlResponse) {
  expect(response.status).toBe(401);
  expect(response.body).toEqual({ errors: [{ errorType: "UnauthorizedException", message: "You are not authorized to make this call." }] });
}

describe("AWS_LAMBDA over HTTP", () => {
  it("runs the query for a token the authorizer allows, and hands the function AppSync's event", async () => {
    const response = await gql(url(), { authorization: "notes-reader-token", "x-trace": "t-1" }, LIST, { unused: 1 });
    expect(response.status).toBe(200);
    expect(response.body.data?.["listNotes"]).toEqual([
      { id: "note-0001", title: "Quarterly plan", content: "Ship the Lambda authorizer by Friday." },
      expect.objectContaining({ id: "note-0002" }),
    ]);
    const [latest] = (await invocations()).slice(-1);
    expect(latest?.event).toEqual({
      authorizationToken: "note… (18 characters)",
      requestContext: { apiId: API, accountId: "330000000001", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), queryString: LIST, operationName: "Notes", variables: { unused: 1 } },
      requestHeaders: expect.objectContaining({ authorization: "…", "x-trace": "t-1", "content-type": "application/json" }),
    });
  });

  it("gives resolvers the resolverContext", async () => {
    const response = await gql(url(), { authorization: "notes-reader-token" }, "{ whoami }");
    expect(response.body.data?.["whoami"]).toBe('AWS_LAMBDA: resolverContext {"userid":"reader-1","tenant":"acme"}');
  });

  it("reuses a decision for the API's TTL instead of invoking the function again", async () => {
    const before = (await invocations()).length;
    await gql(url(), { authorization: "notes-reader-token" }, "{ whoami }");
    expect((await invocations()).length).toBe(before);
    // revoked-token answers ttlOverride: 0, so each call invokes the function.
    await gql(url(), { authorization: "revoked-token" }, "{ whoami }");
    await gql(url(), { authorization: "revoked-token" }, "{ whoami }");
    expect((await invocations()).length).toBe(before + 2);
  });

  it("answers isAuthorized: false with AppSync's fixed 401", async () => {
    expect401(await gql(url(), { authorization: "revoked-token" }, LIST));
  });

  it("nulls deniedFields and marks the entry beside it as not confirmed", async () => {
    const response = await gql(url(), { authorization: "shared-authorizer-token" }, LIST);
    expect(response.status).toBe(200);
    expect(response.body.data?.["listNotes"]).toEqual([
      { id: "note-0001", title: "Quarterly plan", content: null },
      { id: "note-0002", title: "Runbook", content: null },
    ]);
    expect(response.body.errors?.[0]).toMatchObject({ errorType: "Unauthorized", message: "Not Authorized to access content on type Note", path: ["listNotes", 0, "content"] });
    expect(response.headers.get("x-sandbox-unconfirmed")).toMatch(/deniedFields/);
  });

  it("takes a JWT for the user-pool mode: the authorizer is not called, fields without its directive are denied", async () => {
    const tokens = await signIn(sandbox.url, "lambda@example.com", "Lambda-Passw0rd!", "lambdaauthclient0000000001");
    const before = (await invocations()).length;
    const response = await gql(url(), { authorization: tokens.accessToken }, LIST);
    expect(response.body.errors?.[0]).toMatchObject({ errorType: "Unauthorized", message: "Not Authorized to access listNotes on type Query" });
    expect((await gql(url(), { authorization: tokens.accessToken }, "{ whoami }")).body.data?.["whoami"]).toMatch(/^AMAZON_COGNITO_USER_POOLS/);
    expect((await invocations()).length).toBe(before);
  });

  it("refuses a token that fails identityValidationExpression without calling the function", async () => {
    const before = (await invocations()).length;
    const response = await gql(url(), { authorization: "bad token!" }, LIST);
    expect401(response);
    expect(response.headers.get("x-sandbox-unconfirmed")).toMatch(/identityValidationExpression/);
    expect((await invocations()).length).toBe(before);
  });

  it.each([
    ["throws", "crash-token", "threw"],
    ["times out", "slow-token", "timed out"],
    ["returns no isAuthorized", "legacy-response-token", "returned"],
  ])("refuses when the function %s, marked as not confirmed", async (_what, token, outcome) => {
    const response = await gql(url(), { authorization: token }, LIST);
    expect401(response);
    expect(response.headers.get("x-sandbox-unconfirmed")).toMatch(/^status and wording for /);
    expect((await invocations()).slice(-1)[0]?.outcome).toBe(outcome);
  });

  it("answers a bare BadRequestException when AppSync may not invoke the function, which never runs", async () => {
    const response = await gql(url(NOT_INVOKABLE), { authorization: "notes-reader-token" }, LIST);
    expect(response.errorType).toBe("BadRequestException");
    expect(response.body).toEqual({ errors: [{ errorType: "BadRequestException" }] });
    expect(response.headers.get("x-sandbox-unconfirmed")).toMatch(/status/);
    expect(await invocations(NOT_INVOKABLE)).toEqual([]);
  });

  it("refuses a request without Authorization on a Lambda-only API, marked as not confirmed", async () => {
    const response = await gql(url(ONLY_LAMBDA), {}, "{ whoami }");
    expect(response.body).toEqual({ errors: [{ errorType: "UnauthorizedException", message: "Valid authorization header not provided." }] });
    expect(response.headers.get("x-sandbox-unconfirmed")).toMatch(/AWS_LAMBDA/);
    expect((await gql(url(ONLY_LAMBDA), { authorization: "ok-1" }, "{ whoami }")).body.data?.["whoami"]).toBe("AWS_LAMBDA: resolverContext {}");
  });
});

describe("AWS_LAMBDA over realtime", () => {
  const createSocket = (u: string, protocols: string[]) => new WebSocket(u, protocols) as unknown as WebSocketLike;
  const probe = (lambdaToken: string) =>
    probeRealtime({
      variant: "lambda-token",
      endpoints: appSyncEndpoints(url()),
      subscription: { query: "subscription { onCreateNote { id title } }" },
      credentials: { lambdaToken },
      region: "ap-northeast-1",
      createSocket,
      timeoutMs: 5000,
    });

  it("acknowledges a connection and a subscription the authorizer allows", async () => {
    const outcome = await probe("notes-reader-token");
    expect(outcome.ok).toBe(true);
    expect(outcome.reached).toBe("start_ack");
  });

  it("refuses the connection for a token the authorizer refuses", async () => {
    const outcome = await probe("revoked-token");
    expect(outcome.ok).toBe(false);
    expect(outcome).toMatchObject({ errorType: "UnauthorizedException", message: "You are not authorized to make this call." });
  });
});

describe("the Lambda-token cells of the test calls", () => {
  it("show the authorizer's refusal and never the token: request, frames and command carry $LAMBDA_TOKEN or a redaction", async () => {
    const token = "revoked-token";
    const api = { name: "lambda-notes-api", url: url(), region: "ap-northeast-1", defaultAuthMode: "AWS_LAMBDA" as const, additionalAuthModes: ["AMAZON_COGNITO_USER_POOLS" as const] };
    const calls = appSyncTestCalls({
      api,
      query: { query: LIST },
      subscription: { query: "subscription { onCreateNote { id } }" },
      credentials: { lambdaToken: token },
      createSocket: (u, protocols) => new WebSocket(u, protocols) as unknown as WebSocketLike,
    }).filter((call) => call.column === "lambda-token");
    expect(calls.map((call) => call.row)).toEqual(["appsync-http", "appsync-realtime"]);
    for (const call of calls) {
      const result = await call.run({ signal: new AbortController().signal, timeoutMs: 5000, path: "browser" });
      expect(result).toMatchObject({ outcome: "fail", errorType: "UnauthorizedException", message: "You are not authorized to make this call." });
      expect(JSON.stringify(result)).not.toContain(token);
      expect(result.detail?.command).toContain("$LAMBDA_TOKEN");
    }
  });
});

describe("lambdaAuthorizerConfig in scenario files", () => {
  const base: ScenarioInput = { name: "lambda-config-test", region: "ap-northeast-1", accountId: "111122223333" };
  const api = { id: "configapi00000000000000001", name: "t", region: "ap-northeast-1", schema: "type Query { a: String }" };
  const config = { authorizerUri: "arn:aws:lambda:ap-northeast-1:111122223333:function:f" };
  it.each([
    ["AWS_LAMBDA without its configuration", { ...api, defaultAuthMode: "AWS_LAMBDA" }, "appSyncApis[0].lambdaAuthorizerConfig: required when AWS_LAMBDA is a mode"],
    ["a rule with both token and tokenPattern", { ...api, defaultAuthMode: "AWS_LAMBDA", lambdaAuthorizerConfig: { ...config, decisions: [{ token: "a", tokenPattern: "a", returns: {} }] } }, "give exactly one of token, tokenPattern"],
    ["a rule that both returns and throws", { ...api, defaultAuthMode: "AWS_LAMBDA", lambdaAuthorizerConfig: { ...config, decisions: [{ token: "a", returns: {}, throws: "x" }] } }, "give exactly one of returns, throws, timesOut"],
    ["an identityValidationExpression that is no regex", { ...api, defaultAuthMode: "AWS_LAMBDA", lambdaAuthorizerConfig: { ...config, identityValidationExpression: "(" } }, "identityValidationExpression: not a regular expression"],
    ["a TTL over AppSync's hour", { ...api, defaultAuthMode: "AWS_LAMBDA", lambdaAuthorizerConfig: { ...config, authorizerResultTtlInSeconds: 3601 } }, "authorizerResultTtlInSeconds"],
  ])("names the field for %s", (_what, entry, message) => {
    expect(() => parseScenario({ ...base, appSyncApis: [entry] }, "test.json")).toThrow(message);
  });
});
