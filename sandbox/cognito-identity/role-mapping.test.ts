import { GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand, type CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { trailClient } from "../cloudtrail/test-support";
import { awsLoginKey, failure, identityClient, stsClient, userPoolTokens } from "../iam/test-support";

/**
 * Role mappings through the official SDK clients, on the shipped scenarios
 * identity-pool-role-mapping (Token, Deny) and identity-pool-rules-deny (Rules, Deny).
 */

const TOKEN = {
  poolId: "ap-northeast-1:7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
  userPoolId: "ap-northeast-1_RoleMap01",
  clientId: "rolemapclient000000000001",
  role: (name: string) => `arn:aws:iam::555566667777:role/${name}`,
};
const RULES = {
  poolId: "ap-northeast-1:2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182",
  userPoolId: "ap-northeast-1_RoleRule01",
  clientId: "roleruleclient00000000001",
  role: (name: string) => `arn:aws:iam::666677778888:role/${name}`,
};

let sandbox: RunningSandbox;
let client: CognitoIdentityClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenariosDir: DEFAULT_SCENARIOS_DIR });
  client = identityClient(sandbox.url);
});
afterAll(async () => {
  client.destroy();
  await sandbox.close();
});

async function signedIn(pool: typeof TOKEN, email: string, password: string) {
  const { idToken } = await userPoolTokens(sandbox.url, pool.clientId, email, password);
  const Logins = { [awsLoginKey("ap-northeast-1", pool.userPoolId)]: idToken };
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: pool.poolId, Logins }));
  return { idToken, Logins, IdentityId: IdentityId! };
}

async function callerRole(credentials: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string } | undefined) {
  const sts = stsClient(sandbox.url, { accessKeyId: credentials!.AccessKeyId!, secretAccessKey: credentials!.SecretKey!, sessionToken: credentials!.SessionToken! });
  const { Arn } = await sts.send(new GetCallerIdentityCommand({}));
  sts.destroy();
  return Arn;
}

describe("token-based mapping", () => {
  it("puts the group roles in the ID token: one group's role is the preferred role, equal precedence leaves none", async () => {
    const editor = decodeJwt((await userPoolTokens(sandbox.url, TOKEN.clientId, "editor@example.com", "Editor-Passw0rd!")).idToken);
    expect(editor["cognito:roles"]).toEqual([TOKEN.role("rolemap-editor")]);
    expect(editor["cognito:preferred_role"]).toBe(TOKEN.role("rolemap-editor"));
    const both = decodeJwt((await userPoolTokens(sandbox.url, TOKEN.clientId, "both-groups@example.com", "BothGroups-Passw0rd!")).idToken);
    expect(both["cognito:roles"]).toEqual([TOKEN.role("rolemap-editor"), TOKEN.role("rolemap-viewer")]);
    expect(both).not.toHaveProperty("cognito:preferred_role");
  });

  it("gives the preferred role's credentials", async () => {
    const { Logins, IdentityId } = await signedIn(TOKEN, "editor@example.com", "Editor-Passw0rd!");
    const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    expect(await callerRole(Credentials)).toBe("arn:aws:sts::555566667777:assumed-role/rolemap-editor/CognitoIdentityCredentials");
  });

  it("refuses two roles without a preferred one (Deny), marking the provider name not confirmed", async () => {
    const { Logins, IdentityId } = await signedIn(TOKEN, "both-groups@example.com", "BothGroups-Passw0rd!");
    const error = (await failure(client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })))) as Error & { $response?: { headers: Record<string, string> } };
    expect(error.name).toBe("NotAuthorizedException");
    expect(error.message).toBe(`The ambiguous role mapping rules for: cognito-idp.ap-northeast-1.amazonaws.com/${TOKEN.userPoolId} denied this request.`);
    expect(error.$response?.headers["x-sandbox-unconfirmed"]).toMatch(/provider name/);
  });

  it("honours a CustomRoleArn among cognito:roles and refuses one that is not", async () => {
    const { Logins, IdentityId } = await signedIn(TOKEN, "custom-role@example.com", "CustomRole-Passw0rd!");
    const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn: TOKEN.role("rolemap-viewer") }));
    expect(await callerRole(Credentials)).toContain("assumed-role/rolemap-viewer/");
    const refused = await failure(client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn: TOKEN.role("rolemap-authenticated") })));
    expect(refused.name).toBe("NotAuthorizedException");
    expect(refused.$metadata?.httpStatusCode).toBe(400);
  });

  it("applies no mapping to the basic flow's GetOpenIdToken", async () => {
    const { Logins, IdentityId } = await signedIn(TOKEN, "both-groups@example.com", "BothGroups-Passw0rd!");
    const { Token } = await client.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
    expect(decodeJwt(Token!).aud).toBe(TOKEN.poolId);
  });
});

describe("rules-based mapping", () => {
  it("gives the first matching rule's role", async () => {
    const { Logins, IdentityId } = await signedIn(RULES, "sales-lead@example.com", "SalesLead-Passw0rd!");
    const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    expect(await callerRole(Credentials)).toContain("assumed-role/rolerule-sales/");
  });

  it("refuses when no rule matches; CloudTrail then has no AssumeRoleWithWebIdentity for the user's identity", async () => {
    const { Logins, IdentityId } = await signedIn(RULES, "sales@example.com", "Sales-Passw0rd!");
    const error = await failure(client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })));
    expect(error.name).toBe("NotAuthorizedException");
    expect(error.message).toMatch(/^The ambiguous role mapping rules for: /);
    const trail = trailClient(sandbox.url, "ap-northeast-1", { accessKeyId: "AKIAEXAMPLEROLERULE1", secretAccessKey: "sandboxRoleRuleTrailReaderSecretEXAMPLE1" });
    const { Events } = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "AssumeRoleWithWebIdentity" }] }));
    trail.destroy();
    expect((Events ?? []).filter((e) => e.Username === IdentityId)).toEqual([]);
  });
});
