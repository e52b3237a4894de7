import { GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from "@aws-sdk/client-cognito-identity";
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import aws4 from "aws4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presignUrl } from "../../lib/sigv4";
import { signRequest } from "../../lib/sigv4/sign";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";
import { CLASSIC, CLASSIC_SCENARIO, failure, identityClient, sandboxLoginKey, stsClient, userPoolTokens } from "../iam/test-support";

/** The official @aws-sdk/client-sts against /sts, with tokens and credentials from the sandbox. */

let sandbox: RunningSandbox;
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenarios: [CLASSIC_SCENARIO], scenariosDir: DEFAULT_SCENARIOS_DIR, now: () => clock });
});
afterAll(() => sandbox.close());

/** Basic flow up to the OpenID token: sign in, GetId, GetOpenIdToken. */
async function openIdToken() {
  const { idToken } = await userPoolTokens(sandbox.url, CLASSIC.clientId, CLASSIC.user.username, CLASSIC.user.password);
  const identity = identityClient(sandbox.url, CLASSIC.region);
  const logins = { [sandboxLoginKey(sandbox.url, CLASSIC.userPoolId)]: idToken };
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: CLASSIC.identityPoolId, Logins: logins }));
  const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
  identity.destroy();
  return { identityId: IdentityId!, token: Token!, idToken };
}

/** Enhanced flow credentials for the demo user. */
async function demoCredentials() {
  const { idToken } = await userPoolTokens(sandbox.url, DEMO.clientId, DEMO.user.email, DEMO.user.password);
  const identity = identityClient(sandbox.url);
  const logins = { [sandboxLoginKey(sandbox.url, DEMO.userPoolId)]: idToken };
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: logins }));
  const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  identity.destroy();
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! };
}

async function callerIdentity(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  const sts = stsClient(sandbox.url, credentials);
  try {
    return await sts.send(new GetCallerIdentityCommand({}));
  } finally {
    sts.destroy();
  }
}

describe("AssumeRoleWithWebIdentity (basic flow)", () => {
  it("exchanges a GetOpenIdToken token for the role's credentials", async () => {
    const { identityId, token } = await openIdToken();
    const sts = stsClient(sandbox.url);
    const result = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: CLASSIC.authRoleArn, RoleSessionName: "carol-session", WebIdentityToken: token }),
    );
    sts.destroy();
    expect(result.SubjectFromWebIdentityToken).toBe(identityId);
    expect(result.Audience).toBe(CLASSIC.identityPoolId);
    expect(result.Provider).toBe("cognito-identity.amazonaws.com");
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${CLASSIC.accountId}:assumed-role/classic-auth/carol-session`);
    expect(result.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:carol-session$/);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const caller = await callerIdentity({
      accessKeyId: result.Credentials!.AccessKeyId!,
      secretAccessKey: result.Credentials!.SecretAccessKey!,
      sessionToken: result.Credentials!.SessionToken!,
    });
    expect(caller.Arn).toBe(result.AssumedRoleUser?.Arn);
  });

  it("refuses a role whose trust policy does not match the token", async () => {
    const { token } = await openIdToken();
    const sts = stsClient(sandbox.url);
    const error = await failure(
      sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: CLASSIC.guestRoleArn, RoleSessionName: "s1", WebIdentityToken: token })),
    );
    sts.destroy();
    expect(error).toMatchObject({ name: "AccessDenied", message: "Not authorized to perform sts:AssumeRoleWithWebIdentity" });
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it("refuses expired tokens and tokens from issuers it has no provider for", async () => {
    const { token, idToken } = await openIdToken();
    const sts = stsClient(sandbox.url);
    const send = (webIdentityToken: string) =>
      failure(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: CLASSIC.authRoleArn, RoleSessionName: "s1", WebIdentityToken: webIdentityToken })));
    // The SDK names the modeled error class; on the wire the code is InvalidIdentityToken.
    expect(await send(idToken)).toMatchObject({
      name: "InvalidIdentityTokenException",
      message: `No OpenIDConnect provider found in your account for ${sandbox.url}/${CLASSIC.userPoolId}`,
    });
    clock += 16 * 60_000;
    try {
      const expired = await send(token);
      expect(expired.name).toBe("ExpiredTokenException");
      expect(expired.message).toMatch(/^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/);
      expect(expired.$metadata?.httpStatusCode).toBe(400);
    } finally {
      clock -= 16 * 60_000;
      sts.destroy();
    }
  });
});

describe("GetCallerIdentity", () => {
  it("names the assumed role of enhanced-flow credentials", async () => {
    const caller = await callerIdentity(await demoCredentials());
    expect(caller.Arn).toBe(`arn:aws:sts::${DEMO.accountId}:assumed-role/demo-authenticated/CognitoIdentityCredentials`);
    expect(caller.UserId).toMatch(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/);
    expect(caller.Account).toBe(DEMO.accountId);
  });

  it("answers a wrong secret with SignatureDoesNotMatch", async () => {
    const credentials = await demoCredentials();
    // Change the last character to one it is not, so the secret really differs.
    const last = credentials.secretAccessKey.at(-1) === "x" ? "y" : "x";
    const error = await failure(callerIdentity({ ...credentials, secretAccessKey: `${credentials.secretAccessKey.slice(0, -1)}${last}` }));
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it("answers credentials past their expiration with ExpiredToken", async () => {
    const realNow = Date.now();
    clock = realNow - 3601_000; // issued an hour and a second ago
    const credentials = await demoCredentials();
    clock = realNow;
    const error = await failure(callerIdentity(credentials));
    expect(error).toMatchObject({ name: "ExpiredToken", message: "The security token included in the request is expired" });
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it("answers keys it never issued with InvalidClientTokenId", async () => {
    const error = await failure(callerIdentity({ accessKeyId: "ASIAAAAAAAAAAAAAAAAA", secretAccessKey: "x", sessionToken: "y" }));
    expect(error.name).toBe("InvalidClientTokenId");
  });
});

describe("STS on the wire", () => {
  it("sends XML errors in the STS namespace with the request id", async () => {
    const response = await fetch(`${sandbox.url}/sts`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A999988887777%3Arole%2Fclassic-auth&RoleSessionName=s1&WebIdentityToken=not-a-jwt",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/xml");
    const requestId = response.headers.get("x-amzn-requestid");
    const body = await response.text();
    expect(body).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(body).toContain("<Type>Sender</Type>");
    expect(body).toContain("<Code>InvalidIdentityToken</Code>");
    expect(body).toContain(`<RequestId>${requestId}</RequestId>`);
  });

  it("reports missing parameters as ValidationError", async () => {
    const response = await fetch(`${sandbox.url}/sts`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=s1&WebIdentityToken=abcd",
    });
    const body = await response.text();
    expect(body).toContain("<Code>ValidationError</Code>");
    expect(body).toContain("1 validation error detected: Value null at &apos;roleArn&apos; failed to satisfy constraint: Member must not be null");
  });

  it("keeps CORS closed on /sts and open on /cognito-identity", async () => {
    const preflight = (path: string) =>
      fetch(`${sandbox.url}${path}`, {
        method: "OPTIONS",
        headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-amz-target" },
      });
    const sts = await preflight("/sts");
    expect(sts.headers.get("access-control-allow-origin")).toBeNull();
    const identity = await preflight("/cognito-identity");
    expect(identity.status).toBe(200);
    expect(identity.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("GetCallerIdentity by GET, as aws-iam-authenticator and Vault use it", () => {
  const query = `Action=GetCallerIdentity&Version=2011-06-15`;
  const demoArn = () => `arn:aws:sts::${DEMO.accountId}:assumed-role/demo-authenticated/CognitoIdentityCredentials`;

  it("answers a header-signed GET, in JSON when asked for it", async () => {
    const credentials = await demoCredentials();
    const url = `${sandbox.url}/sts/?${query}`;
    const signed = await signRequest({ method: "GET", url, headers: { accept: "application/json" } }, { credentials, region: DEMO.region, service: "sts" });
    const response = await fetch(url, { headers: signed.headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { GetCallerIdentityResponse: { GetCallerIdentityResult: { Arn: string; Account: string } } };
    expect(body.GetCallerIdentityResponse.GetCallerIdentityResult).toMatchObject({ Arn: demoArn(), Account: DEMO.accountId });
  });

  it("answers a presigned URL that has no X-Amz-Expires (aws4 leaves it out for STS) for 15 minutes, then refuses it", async () => {
    const credentials = await demoCredentials();
    const signed = aws4.sign(
      { host: new URL(sandbox.url).host, path: `/sts/?${query}`, method: "GET", service: "sts", region: DEMO.region, signQuery: true } as aws4.Request,
      credentials,
    );
    const url = `${sandbox.url}${signed.path}`;
    expect(url).not.toContain("X-Amz-Expires");
    expect((await fetch(url)).status).toBe(200);
    clock += 16 * 60_000;
    try {
      const late = await fetch(url);
      // Past 15 minutes the URL is refused (the sandbox's RequestExpired; AWS's wording is unconfirmed).
      expect(late.status).toBeGreaterThanOrEqual(400);
    } finally {
      clock -= 16 * 60_000;
    }
  });

  it("keeps a presigned URL valid for 15 minutes whatever its X-Amz-Expires says", async () => {
    const credentials = await demoCredentials();
    const url = await presignUrl({ method: "GET", url: `${sandbox.url}/sts/?${query}` }, { credentials, region: DEMO.region, service: "sts", expiresIn: 60, signingDate: new Date(clock) });
    clock += 5 * 60_000;
    try {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`<Arn>${demoArn()}</Arn>`);
    } finally {
      clock -= 5 * 60_000;
    }
  });
});
