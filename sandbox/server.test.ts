import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentSchema } from "../lib/config/environment";
import type { ScenarioInput } from "./scenario";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "./server";
import { DEMO, sdkClient } from "./test-support";

/** A second scenario next to demo: an app client that only allows SRP. */
const SRP_ONLY: ScenarioInput = {
  name: "srp-only",
  region: "us-east-1",
  accountId: "210987654321",
  userPools: [
    {
      id: "us-east-1_SrpOnly01",
      name: "srp-only-pool",
      clients: [
        {
          id: "srponlyclient0000000000001",
          name: "srp-only",
          authFlows: ["USER_SRP_AUTH"],
          idTokenValidityMinutes: 5,
          accessTokenValidityMinutes: 5,
          refreshTokenValidityDays: 1,
        },
      ],
      users: [{ username: "alice", password: "Alice-Passw0rd!", status: "CONFIRMED", attributes: { email: "alice@example.com" } }],
    },
  ],
};

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenarios: [SRP_ONLY], scenariosDir: DEFAULT_SCENARIOS_DIR });
});
afterAll(() => sandbox.close());

const rpc = (target: string, body: string) =>
  fetch(sandbox.url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
    body,
  });

describe("sandbox endpoints", () => {
  it("listens on loopback and reports health", async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${sandbox.url}/_sandbox/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("serves one valid dashboard environment per scenario", async () => {
    const { environments } = (await (await fetch(`${sandbox.url}/_sandbox/environments`)).json()) as { environments: unknown[] };
    // One per scenario: srp-only plus every file in sandbox/scenarios/.
    expect(environments).toHaveLength(sandbox.scenarios.length);
    const parsed = environments.map((environment) => environmentSchema.parse(environment));
    const demo = parsed.find((environment) => environment.id === "sandbox-demo");
    expect(demo).toMatchObject({
      name: "Local sandbox: demo",
      source: "sandbox",
      region: DEMO.region,
      userPoolId: DEMO.userPoolId,
      userPoolClientId: DEMO.clientId,
      signInFlow: "USER_SRP_AUTH",
      identityPoolId: DEMO.identityPoolId,
      endpoints: { cognitoIdp: sandbox.url, cognitoIdentity: `${sandbox.url}/cognito-identity`, sts: `${sandbox.url}/sts` },
    });
    expect(demo?.description).toBeTruthy();
    // The role check starts from the identity pool's roles, which only the sandbox can hand over.
    const wrong = parsed.find((environment) => environment.id === "sandbox-appsync-role-wrong-resource");
    expect(wrong?.sandboxFacts).toMatchObject({
      accountId: "111122223333",
      roles: [{ kind: "authenticated", arn: "arn:aws:iam::111122223333:role/service-role/migrated-app-authenticated-role", policies: [{ Statement: [{ Sid: "AppSyncGraphQL" }, { Sid: "AgentCoreInvoke" }] }] }],
    });
  });

  it("tells the dashboard's server each scenario's CloudTrail reader and the pools it stands beside", async () => {
    const { readers } = (await (await fetch(`${sandbox.url}/_sandbox/cloudtrail-readers`)).json()) as {
      readers: { scenario: string; accountId: string; userPoolIds: string[]; accessKeyId: string; secretAccessKey: string }[];
    };
    expect(readers.find((r) => r.scenario === "demo")).toMatchObject({ accountId: "123456789012", userPoolIds: [DEMO.userPoolId], accessKeyId: "AKIAEXAMPLEDEMOTRAIL" });
    // A scenario without readers is not listed.
    expect(readers.some((r) => r.scenario === "srp-only")).toBe(false);
  });

  it("answers CORS preflights the way Cognito does", async () => {
    const response = await fetch(sandbox.url, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-amz-target,x-amz-user-agent,cache-control",
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type,x-amz-target,x-amz-user-agent,cache-control");
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    // Cognito's list, plus the sandbox's own marker of unconfirmed answers (lib/http/unconfirmed-wording.ts).
    expect(response.headers.get("access-control-expose-headers")).toBe("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date,x-sandbox-unconfirmed");
  });

  it("sends AWS's error headers, CORS included, on errors", async () => {
    const response = await rpc(
      "AWSCognitoIdentityProviderService.InitiateAuth",
      JSON.stringify({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: DEMO.clientId, AuthParameters: { USERNAME: DEMO.user.email, PASSWORD: "x" } }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-errortype")).toBe("NotAuthorizedException:");
    expect(response.headers.get("x-amzn-errormessage")).toBe("Incorrect username or password.");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({ __type: "NotAuthorizedException", message: "Incorrect username or password." });
  });

  it("rejects unknown targets, bad JSON and missing members like AWS", async () => {
    const unknown = await rpc("AWSCognitoIdentityProviderService.NoSuchThing", "{}");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ __type: "com.amazon.coral.service#UnknownOperationException" });

    const badJson = await rpc("AWSCognitoIdentityProviderService.InitiateAuth", "{not json");
    expect((await badJson.json()) as object).toEqual({ __type: "SerializationException" });

    const wrongType = await rpc("AWSCognitoIdentityProviderService.InitiateAuth", JSON.stringify({ ClientId: { a: 1 } }));
    expect(await wrongType.json()).toMatchObject({ __type: "SerializationException" });

    const missing = await rpc("AWSCognitoIdentityProviderService.GetUser", "{}");
    expect(await missing.json()).toEqual({
      __type: "InvalidParameterException",
      message: "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null",
    });
  });

  it("refuses an auth flow the app client does not allow", async () => {
    const cognito = sdkClient(sandbox.url);
    const send = (AuthFlow: "USER_PASSWORD_AUTH" | "ADMIN_USER_PASSWORD_AUTH") =>
      cognito.send(new InitiateAuthCommand({ AuthFlow, ClientId: "srponlyclient0000000000001", AuthParameters: { USERNAME: "alice", PASSWORD: "x" } }));
    await expect(send("USER_PASSWORD_AUTH")).rejects.toMatchObject({
      name: "InvalidParameterException",
      message: "USER_PASSWORD_AUTH flow not enabled for this client",
    });
    await expect(send("ADMIN_USER_PASSWORD_AUTH")).rejects.toMatchObject({
      name: "InvalidParameterException",
      message: "Initiate Auth method not supported.",
    });
    cognito.destroy();
  });

  it("publishes each pool's two keys and 404s unknown pools", async () => {
    const jwks = (await (await fetch(`${sandbox.url}/us-east-1_SrpOnly01/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[0]).toMatchObject({ alg: "RS256", kty: "RSA", use: "sig", e: "AQAB" });
    expect(jwks.keys[0]?.["kid"]).not.toBe(jwks.keys[1]?.["kid"]);
    const missing = await fetch(`${sandbox.url}/us-east-1_Nope/.well-known/jwks.json`);
    expect(missing.status).toBe(404);
  });
});
