import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";
import { gql, graphqlUrl, identityCredentials, post, signedGql, signIn, type AwsCredentials } from "./test-support";
import { signRequest } from "../../lib/sigv4/sign";

/**
 * AWS_IAM with credentials the sandbox itself issued through the identity pool
 * (GetId + GetCredentialsForIdentity), the way the dashboard gets them.
 */

/** sandbox/scenarios/appsync-role-wrong-resource.json (seed 001). */
const WRONG = {
  apiId: "wrongres000000000000000001",
  userPoolId: "ap-northeast-1_WrongRes1",
  clientId: "wrongresclient000000000001",
  identityPoolId: "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b",
  user: { email: "migrate@example.com", password: "Migrate-Passw0rd!" },
};

let sandbox: RunningSandbox;
let credentials: AwsCredentials;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  url = graphqlUrl(sandbox.url);
  credentials = await identityCredentials(sandbox.url, (await signIn(sandbox.url)).idToken);
});
afterAll(() => sandbox.close());

describe("AppSync AWS_IAM", () => {
  it("reads a SigV4 signature as a JWT on an API without AWS_IAM: Unable to parse JWT token.", async () => {
    // aws-amplify/docs#1884, aws-amplify/amplify-js#4553: IAM-signed calls to a user-pool-only API.
    const response = await signedGql(graphqlUrl(sandbox.url, "poolonlyapi000000000000001"), credentials, "{ whoami }");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ errors: [{ errorType: "UnauthorizedException", message: "Unable to parse JWT token." }] });
  });

  it("accepts a request signed with identity-pool credentials whose role allows the API", async () => {
    const response = await signedGql(url, credentials, "{ whoami listNotes { id } }");
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.["whoami"]).toMatch(
      /^AWS_IAM: arn:aws:sts::123456789012:assumed-role\/demo-authenticated\/CognitoIdentityCredentials, Cognito identity ap-northeast-1:[0-9a-f-]{36}$/,
    );
  });

  it("writes the identity id as owner and still applies field directives", async () => {
    const created = await signedGql(url, credentials, 'mutation { createNote(content: "from IAM") { owner } }');
    expect(created.body.data?.["createNote"]).toEqual({ owner: expect.stringMatching(/^ap-northeast-1:/) });
    const denied = await signedGql(url, credentials, "{ adminReport }");
    expect(denied.status).toBe(200);
    expect(denied.body.errors?.[0]).toMatchObject({ errorType: "Unauthorized", message: "Not Authorized to access adminReport on type Query" });
  });

  it("refuses credentials it never issued", async () => {
    const stranger = { accessKeyId: "ASIAQNOTISSUED0000001", secretAccessKey: "x".repeat(40), sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE" };
    const response = await signedGql(url, stranger, "{ whoami }");
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]).toEqual({ errorType: "UnrecognizedClientException", message: "The security token included in the request is invalid." });
  });

  it("refuses a body changed after signing", async () => {
    const body = JSON.stringify({ query: "{ whoami }" });
    const signed = await signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body }, { credentials, region: DEMO.region, service: "appsync" });
    const response = await post(url, signed.headers, JSON.stringify({ query: "{ listNotes { id } }" }));
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]?.["errorType"]).toBe("InvalidSignatureException");
  });

  it("seed 001: the role allows another API id, so IAM gets 401 while user pools work", async () => {
    const tokens = await signIn(sandbox.url, WRONG.user.email, WRONG.user.password, WRONG.clientId);
    const migrated = await identityCredentials(sandbox.url, tokens.idToken, WRONG);
    const api = graphqlUrl(sandbox.url, WRONG.apiId);
    const denied = await signedGql(api, migrated, "{ listNotes { id } }");
    expect(denied.status).toBe(401);
    expect(denied.errorType).toBe("UnauthorizedException");
    expect(denied.body).toEqual({ errors: [{ errorType: "UnauthorizedException", message: "Permission denied" }] });
    const byPool = await gql(api, { authorization: tokens.accessToken }, "{ listNotes { id } }");
    expect(byPool.status).toBe(200);
  });
});
