import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScenarioInput } from "../scenario";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";
import { DEMO_API, gql, graphqlUrl, post, signIn, type GraphqlResponse, type Tokens } from "./test-support";

/** Next to demo: a second user pool, and APIs with a client regex, OIDC, and defaultAction DENY. */
const TEST_SCENARIO: ScenarioInput = {
  name: "appsync-http-test",
  region: "ap-northeast-1",
  accountId: "111122223333",
  userPools: [
    {
      id: "ap-northeast-1_OtherPool1",
      name: "other-pool",
      clients: [{ id: "otherclient000000000000001", name: "other", authFlows: ["USER_PASSWORD_AUTH"], idTokenValidityMinutes: 60, accessTokenValidityMinutes: 60, refreshTokenValidityDays: 1 }],
      users: [{ username: "bob", password: "Bob-Passw0rd!", status: "CONFIRMED", attributes: { email: "bob@example.com" } }],
    },
  ],
  appSyncApis: [
    { id: "regexapi000000000000000001", name: "regex", region: "ap-northeast-1", defaultAuthMode: "AMAZON_COGNITO_USER_POOLS", userPoolConfig: { userPoolId: DEMO.userPoolId, appIdClientRegex: "mobile-[a-z0-9]+", defaultAction: "ALLOW" }, schema: "type Query { whoami: String }" },
    { id: "oidcapi0000000000000000001", name: "oidc", region: "ap-northeast-1", defaultAuthMode: "OPENID_CONNECT", openIdConnectConfig: { issuer: `{sandbox}/${DEMO.userPoolId}`, clientId: DEMO.clientId }, schema: "type Query { whoami: String }" },
    { id: "defdenyapi0000000000000001", name: "deny", region: "ap-northeast-1", defaultAuthMode: "AMAZON_COGNITO_USER_POOLS", userPoolConfig: { userPoolId: DEMO.userPoolId, defaultAction: "DENY" }, schema: 'type Query { whoami: String  support: String @aws_cognito_user_pools(cognito_groups: ["support"]) }', data: { "Query.support": "hello, support" } },
  ],
};

let sandbox: RunningSandbox;
let tokens: Tokens;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenarios: [TEST_SCENARIO], scenariosDir: DEFAULT_SCENARIOS_DIR });
  tokens = await signIn(sandbox.url);
  url = graphqlUrl(sandbox.url);
});
afterAll(() => sandbox.close());

/** AppSync's 401: `{"errors":[{errorType, message}]}` and the type in x-amzn-ErrorType. */
function expect401(response: GraphqlResponse, message: string) {
  expect(response.status).toBe(401);
  expect(response.errorType).toBe("UnauthorizedException");
  expect(response.body).toEqual({ errors: [{ errorType: "UnauthorizedException", message }] });
}

describe("AppSync HTTP: who may call", () => {
  it("refuses a request without credentials", async () => {
    expect401(await gql(url, {}, "{ whoami }"), "Valid authorization header not provided.");
  });

  it("accepts a valid API key", async () => {
    const response = await gql(url, { "x-api-key": DEMO_API.apiKey }, "{ whoami listNotes { id } }");
    expect(response.status).toBe(200);
    expect(response.body.data?.["whoami"]).toBe("API_KEY");
    expect(response.body.errors).toBeUndefined();
  });

  it.each([
    ["a wrong API key", "da2-doesnotexist00000000000001"],
    ["an expired API key", DEMO_API.expiredApiKey],
  ])("refuses %s", async (_what, key) => {
    expect401(await gql(url, { "x-api-key": key }, "{ whoami }"), "You are not authorized to make this call.");
  });

  it("accepts ID and access tokens, raw in Authorization", async () => {
    const id = await gql(url, { authorization: tokens.idToken }, "{ whoami }");
    const access = await gql(url, { authorization: tokens.accessToken }, "{ whoami }");
    expect(id.body.data?.["whoami"]).toMatch(/^AMAZON_COGNITO_USER_POOLS: a472fb37-.* \(ID token, .*groups: support\)$/);
    expect(access.body.data?.["whoami"]).toMatch(/\(access token, /);
  });

  it.each([
    ["a Bearer-prefixed token", () => `Bearer ${tokens.idToken}`],
    ["something that is not a JWT", () => "not-a-token"],
  ])("cannot parse %s", async (_what, value) => {
    expect401(await gql(url, { authorization: value() }, "{ whoami }"), "Unable to parse JWT token.");
  });

  it("refuses a token from another user pool, and a token with a broken signature", async () => {
    const other = await signIn(sandbox.url, "bob", "Bob-Passw0rd!", "otherclient000000000000001");
    expect401(await gql(url, { authorization: other.idToken }, "{ whoami }"), "Valid authorization header not provided.");
    const [head, body] = tokens.idToken.split(".");
    const forged = `${head}.${body}.${"A".repeat(342)}`;
    expect401(await gql(url, { authorization: forged }, "{ whoami }"), "Valid authorization header not provided.");
  });

  it("refuses an app client that appIdClientRegex does not match", async () => {
    expect401(await gql(graphqlUrl(sandbox.url, "regexapi000000000000000001"), { authorization: tokens.idToken }, "{ whoami }"), "Valid authorization header not provided.");
  });

  it("takes pool tokens in OPENID_CONNECT mode and ignores x-api-key where API_KEY is off", async () => {
    const oidc = graphqlUrl(sandbox.url, "oidcapi0000000000000000001");
    const response = await gql(oidc, { authorization: tokens.idToken }, "{ whoami }");
    expect(response.body.data?.["whoami"]).toMatch(/^OPENID_CONNECT: sub a472fb37-/);
    expect401(await gql(oidc, { "x-api-key": DEMO_API.apiKey }, "{ whoami }"), "Valid authorization header not provided.");
  });
});

describe("AppSync HTTP: field authorization (200 with Unauthorized)", () => {
  it("denies a group-restricted field to a user outside the group", async () => {
    const response = await gql(url, { authorization: tokens.idToken }, "query {\n  whoami\n  adminReport\n}");
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ whoami: expect.any(String), adminReport: null });
    expect(response.body.errors).toEqual([
      { path: ["adminReport"], data: null, errorType: "Unauthorized", errorInfo: null, locations: [{ line: 3, column: 3, sourceName: null }], message: "Not Authorized to access adminReport on type Query" },
    ]);
  });

  it("keeps fields without directives to the default mode", async () => {
    const byKey = await gql(url, { "x-api-key": DEMO_API.apiKey }, "{ defaultModeOnly }");
    expect(byKey.body.errors?.[0]?.["message"]).toBe("Not Authorized to access defaultModeOnly on type Query");
    const byPool = await gql(url, { authorization: tokens.accessToken }, "{ defaultModeOnly }");
    expect(byPool.body.errors).toBeUndefined();
  });

  it("with defaultAction DENY admits pool users only where their group is listed", async () => {
    const response = await gql(graphqlUrl(sandbox.url, "defdenyapi0000000000000001"), { authorization: tokens.idToken }, "{ whoami support }");
    expect(response.body.data).toEqual({ whoami: null, support: "hello, support" });
    expect(response.body.errors?.map((e) => e["message"])).toEqual(["Not Authorized to access whoami on type Query"]);
  });
});

describe("AppSync HTTP: requests AppSync cannot run", () => {
  const auth = () => ({ "x-api-key": DEMO_API.apiKey });

  it("answers validation errors in graphql-java's words, with no errorType", async () => {
    const response = await gql(url, auth(), "{ badfield }");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 3, sourceName: null }], message: "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'" }],
    });
  });

  it.each([
    ["an empty body", "", "Request body is empty."],
    ["a body that is not JSON", "meow", "Unable to parse GraphQL query."],
    ["JSON without a query", "{}", "Unable to parse GraphQL query."],
  ])("refuses %s with 400 MalformedHttpRequestException", async (_what, body, message) => {
    const response = await post(url, auth(), body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ errorType: "MalformedHttpRequestException", message }] });
  });

  it("allows introspection and exposes AppSync's headers to browsers", async () => {
    const response = await gql(url, auth(), "{ __schema { queryType { name } } }");
    expect(response.body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-amz-schema-version");
    const preflight = await fetch(url, { method: "OPTIONS", headers: { origin: "http://localhost:3000", "access-control-request-method": "POST", "access-control-request-headers": "authorization,x-api-key" } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,x-api-key");
  });

  it("has no API under an unknown id", async () => {
    expect((await gql(graphqlUrl(sandbox.url, "nosuchapi00000000000000001"), auth(), "{ whoami }")).status).toBe(404);
  });
});

describe("AppSync HTTP: expiry", () => {
  it("refuses a token past its exp with Token has expired.", async () => {
    let clock = Date.now();
    const timed = await startSandbox({ port: 0, now: () => clock });
    try {
      const fresh = await signIn(timed.url);
      clock += 61 * 60 * 1000;
      expect401(await gql(graphqlUrl(timed.url), { authorization: fresh.accessToken }, "{ whoami }"), "Token has expired.");
    } finally {
      await timed.close();
    }
  });
});
