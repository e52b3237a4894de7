import { randomUUID } from "node:crypto";
import { GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../lib/sigv4";
import type { RequestContext } from "../http/types";
import { parseScenario, ScenarioError } from "../scenario";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";
import { authorizeIamRequest, type IamAuthorizationRequest } from "./authorize";
import { iamStateFor } from "./state";
import { identityClient, sandboxLoginKey, userPoolTokens } from "./test-support";

/**
 * The shipped scenarios end to end: seed 001 (role allows AppSync on another API id), a trust
 * policy naming another identity pool, and the CloudTrail records both leave behind.
 */

const WRONG = {
  userPoolId: "ap-northeast-1_WrongRes1",
  clientId: "wrongresclient000000000001",
  identityPoolId: "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b",
  user: { email: "migrate@example.com", password: "Migrate-Passw0rd!" },
  apiId: "wrongres000000000000000001",
  oldApiId: "oldenvapi00000000000000001",
  account: "111122223333",
};
const BROKEN = {
  userPoolId: "ap-northeast-1_TrustBrk1",
  clientId: "trustbrokenclient000000001",
  identityPoolId: "ap-northeast-1:9e8d7c6b-5a49-4837-a261-504f3e2d1c0b",
  roleArn: "arn:aws:iam::444455556666:role/trust-broken-authenticated",
  user: { email: "trust@example.com", password: "Trust-Passw0rd!" },
};

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

/** Enhanced flow for one scenario's user: identity id, credentials, or the SDK's error. */
async function enhancedFlow(poolId: string, userPoolId: string, clientId: string, user: { email: string; password: string }) {
  const { idToken } = await userPoolTokens(sandbox.url, clientId, user.email, user.password);
  const identity = identityClient(sandbox.url);
  const logins = { [sandboxLoginKey(sandbox.url, userPoolId)]: idToken };
  try {
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const call = identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    return { identityId: IdentityId!, result: await call.then((r) => ({ ok: true as const, credentials: r.Credentials! }), (e: Error) => ({ ok: false as const, error: e })) };
  } finally {
    identity.destroy();
  }
}

const events = () => iamStateFor({ baseUrl: sandbox.url })!.events;

describe("identity-pool-trust-broken", () => {
  it("fails GetCredentialsForIdentity and leaves an AccessDenied AssumeRoleWithWebIdentity in CloudTrail", async () => {
    const { identityId, result } = await enhancedFlow(BROKEN.identityPoolId, BROKEN.userPoolId, BROKEN.clientId, BROKEN.user);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      name: "InvalidIdentityPoolConfigurationException",
      message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    });
    const [event] = events().listEvents({ username: identityId });
    expect(event).toMatchObject({
      eventSource: "sts.amazonaws.com",
      eventName: "AssumeRoleWithWebIdentity",
      errorCode: "AccessDenied",
      // The record's text, not the API's (re:Post eks-troubleshoot-sdk-workload).
      errorMessage: "An unknown error occurred",
      responseElements: null,
      userIdentity: { type: "WebIdentityUser", principalId: `cognito-identity.amazonaws.com:${BROKEN.identityPoolId}:${identityId}` },
      requestParameters: { roleArn: BROKEN.roleArn, roleSessionName: "CognitoIdentityCredentials" },
      resources: [{ accountId: "444455556666", type: "AWS::IAM::Role", ARN: BROKEN.roleArn }],
    });
    // A real refused record has no additionalEventData (greenpau/argo-workflows-aws-plugin).
    expect(event).not.toHaveProperty("additionalEventData");
  });
});

describe("CloudTrail record of a successful enhanced flow", () => {
  it("has the seed-001 shape and never holds the session token", async () => {
    const { identityId, result } = await enhancedFlow(DEMO.identityPoolId, DEMO.userPoolId, DEMO.clientId, DEMO.user);
    if (!result.ok) throw result.error;
    const [event] = events().listEvents({ accessKeyId: result.credentials.AccessKeyId! });
    expect(Object.keys(event!)).toEqual([
      "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent",
      "requestParameters", "responseElements", "additionalEventData", "requestID", "eventID", "readOnly", "resources",
      "eventType", "managementEvent", "recipientAccountId", "eventCategory",
    ]);
    expect(event).toMatchObject({
      eventVersion: "1.08",
      userIdentity: {
        type: "WebIdentityUser",
        principalId: `cognito-identity.amazonaws.com:${DEMO.identityPoolId}:${identityId}`,
        userName: identityId,
        identityProvider: "cognito-identity.amazonaws.com",
      },
      awsRegion: DEMO.region,
      requestParameters: { roleArn: DEMO.authenticatedRoleArn, roleSessionName: "CognitoIdentityCredentials" },
      responseElements: {
        credentials: { accessKeyId: result.credentials.AccessKeyId },
        subjectFromWebIdentityToken: identityId,
        assumedRoleUser: { arn: `arn:aws:sts::${DEMO.accountId}:assumed-role/demo-authenticated/CognitoIdentityCredentials` },
        provider: "cognito-identity.amazonaws.com",
        audience: DEMO.identityPoolId,
      },
      readOnly: true,
      resources: [{ accountId: DEMO.accountId, type: "AWS::IAM::Role", ARN: DEMO.authenticatedRoleArn }],
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: DEMO.accountId,
      eventCategory: "Management",
    });
    expect(event!.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const credentials = (event!.responseElements as { credentials: { sessionToken: string; expiration: string } }).credentials;
    expect(credentials.expiration).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/);
    expect(credentials.sessionToken).not.toBe(result.credentials.SessionToken);
    expect(JSON.stringify(event)).not.toContain(result.credentials.SessionToken!);
    expect(JSON.stringify(event)).not.toContain(result.credentials.SecretKey!);
  });
});

describe("appsync-role-wrong-resource (seed 001) through authorizeIamRequest", () => {
  /** A request to the sandbox signed for AppSync, as the AppSync service receives it. */
  async function signedContext(credentials: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string }, tamper = false): Promise<RequestContext> {
    const body = JSON.stringify({ query: "query { listTodos { items { id } } }" });
    const signed = await signRequest(
      { method: "POST", url: `${sandbox.url}/graphql`, headers: { "content-type": "application/json" }, body },
      {
        credentials: { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretKey!, sessionToken: credentials.SessionToken! },
        region: "ap-northeast-1",
        service: "appsync",
      },
    );
    const url = new URL(signed.url);
    const sent = tamper ? body.replace("id", "title") : body;
    return { requestId: randomUUID(), baseUrl: sandbox.url, method: signed.method, url, headers: signed.headers, body: Buffer.from(sent) };
  }
  const graphql = (apiId: string, family: IamAuthorizationRequest["family"] = "appsync"): IamAuthorizationRequest => ({
    service: "appsync",
    region: "ap-northeast-1",
    action: "appsync:GraphQL",
    resource: `arn:aws:appsync:ap-northeast-1:${WRONG.account}:apis/${apiId}/types/Query/fields/listTodos`,
    family,
  });

  it("assumes the role, then denies this API and allows the old environment's", async () => {
    const { identityId, result } = await enhancedFlow(WRONG.identityPoolId, WRONG.userPoolId, WRONG.clientId, WRONG.user);
    if (!result.ok) throw result.error;
    // CloudTrail proves the role was assumed: the problem is its permissions.
    expect(events().listEvents({ username: identityId })[0]).not.toHaveProperty("errorCode");

    const denied = await authorizeIamRequest(await signedContext(result.credentials), graphql(WRONG.apiId));
    expect(denied).toMatchObject({ ok: false, stage: "policy", status: 401, errorType: "UnauthorizedException" });
    expect(!denied.ok && denied.evaluation?.decision).toBe("ImplicitDeny");

    const asJson = await authorizeIamRequest(await signedContext(result.credentials), graphql(WRONG.apiId, "json"));
    const session = `arn:aws:sts::${WRONG.account}:assumed-role/migrated-app-authenticated-role/CognitoIdentityCredentials`;
    expect(asJson).toMatchObject({
      ok: false,
      status: 403,
      errorType: "AccessDeniedException",
      message: `User: ${session} is not authorized to perform: appsync:GraphQL on resource: ${graphql(WRONG.apiId).resource} because no identity-based policy allows the appsync:GraphQL action`,
    });

    const allowed = await authorizeIamRequest(await signedContext(result.credentials), graphql(WRONG.oldApiId));
    expect(allowed).toEqual({
      ok: true,
      caller: {
        accessKeyId: result.credentials.AccessKeyId,
        roleArn: "arn:aws:iam::111122223333:role/service-role/migrated-app-authenticated-role",
        assumedRoleArn: session,
        identityId,
        identityPoolId: WRONG.identityPoolId,
        accountId: WRONG.account,
      },
    });
  });

  it("refuses a request changed after signing before looking at policies", async () => {
    const { result } = await enhancedFlow(WRONG.identityPoolId, WRONG.userPoolId, WRONG.clientId, WRONG.user);
    if (!result.ok) throw result.error;
    const refused = await authorizeIamRequest(await signedContext(result.credentials, true), graphql(WRONG.oldApiId));
    expect(refused).toMatchObject({ ok: false, stage: "signature", status: 403, errorType: "InvalidSignatureException" });
  });
});

describe("scenario validation of identity pools and roles", () => {
  const base = { name: "bad", region: "ap-northeast-1", accountId: "123456789012" };
  it("names the statement and element of a misspelt policy", () => {
    const role = { arn: "arn:aws:iam::123456789012:role/r", trustPolicy: { Statement: [{ Effect: "Allow", Actions: "sts:AssumeRoleWithWebIdentity" }] } };
    expect(() => parseScenario({ ...base, roles: [role] }, "bad.json")).toThrow(/roles\[0\]\.trustPolicy: Statement\[0\] · Actions: not an IAM policy element/);
  });
  it("refuses an identity pool in another region", () => {
    const pool = { id: "us-east-1:5f0c1a2b-3d4e-4f60-8a7b-9c0d1e2f3a4b", name: "p" };
    expect(() => parseScenario({ ...base, identityPools: [pool] }, "bad.json")).toThrow(ScenarioError);
  });
});
