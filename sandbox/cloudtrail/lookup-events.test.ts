import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, identityClient, sandboxLoginKey, userPoolTokens } from "../iam/test-support";
import { DEFAULT_SCENARIOS_DIR, startSandbox, type RunningSandbox } from "../server";
import { DEMO } from "../test-support";
import { pacedSender, READERS, recordWebIdentity, trailClient } from "./test-support";

/** The official @aws-sdk/client-cloudtrail against /cloudtrail: paging, limits, auth, delivery. */

const WRONG = { region: "ap-northeast-1", account: READERS.wrongResource.accountId, pool: "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b" };
const ROLE = "arn:aws:iam::111122223333:role/service-role/migrated-app-authenticated-role";
const DELAYED = { name: "trail-delayed", region: "eu-west-1", accountId: "777788889999", reader: { accessKeyId: "AKIAEXAMPLEDELAYED01", secretAccessKey: "delayed-reader-secret-0000000000000000001" } };

let sandbox: RunningSandbox;
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    scenariosDir: DEFAULT_SCENARIOS_DIR,
    scenarios: [
      { name: DELAYED.name, region: DELAYED.region, accountId: DELAYED.accountId, cloudTrailReaders: [DELAYED.reader], cloudTrailDeliveryDelaySeconds: 300 },
    ],
    now: () => clock,
  });
  // 120 events, one a second, ending a minute ago: three pages of 50, 50 and 20.
  for (let i = 0; i < 120; i++) {
    recordWebIdentity(sandbox.url, {
      time: clock - 180_000 + i * 1000,
      region: WRONG.region,
      accountId: WRONG.account,
      identityPoolId: WRONG.pool,
      identityId: `ap-northeast-1:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      roleArn: ROLE,
      accessKeyId: `ASIAPAGE${String(i).padStart(12, "0")}`,
    });
  }
});
afterAll(() => sandbox.close());

describe("LookupEvents paging", () => {
  it("returns pages of at most 50, newest first, with a NextToken until the last page", async () => {
    const client = trailClient(sandbox.url, WRONG.region, READERS.wrongResource);
    const send = pacedSender(client);
    const attrs = [{ AttributeKey: "EventName" as const, AttributeValue: "AssumeRoleWithWebIdentity" }];
    const sizes: number[] = [];
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await send({ LookupAttributes: attrs, ...(token ? { NextToken: token } : {}) });
      sizes.push(page.Events?.length ?? 0);
      for (const e of page.Events ?? []) keys.push(JSON.parse(e.CloudTrailEvent!).responseElements.credentials.accessKeyId);
      token = page.NextToken;
    } while (token);
    expect(sizes).toEqual([50, 50, 20]);
    expect(keys[0]).toBe("ASIAPAGE000000000119");
    expect(new Set(keys).size).toBe(120);
    client.destroy();
  });

  it("honours MaxResults and the time window, and shapes events as AWS does", async () => {
    const client = trailClient(sandbox.url, WRONG.region, READERS.wrongResource);
    const page = await pacedSender(client)({ MaxResults: 5, StartTime: new Date(clock - 180_000), EndTime: new Date(clock - 170_000) });
    expect(page.Events).toHaveLength(5);
    const event = page.Events![0]!;
    expect(event.EventTime).toBeInstanceOf(Date);
    expect(event.EventTime!.getTime()).toBe(Math.floor((clock - 170_000) / 1000) * 1000);
    expect(event.Username).toMatch(/^ap-northeast-1:/);
    expect(event.Resources).toEqual([{ ResourceType: "AWS::IAM::Role", ResourceName: ROLE }]);
    expect(JSON.parse(event.CloudTrailEvent!)).toMatchObject({ eventName: "AssumeRoleWithWebIdentity", recipientAccountId: WRONG.account });
    client.destroy();
  });
});

describe("LookupEvents limits", () => {
  const send = (input: object, region = "us-west-2") =>
    trailClient(sandbox.url, region, READERS.wrongResource).send(new LookupEventsCommand(input as never));

  it("refuses more than one lookup attribute", async () => {
    const error = await failure(
      send({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "A" }, { AttributeKey: "Username", AttributeValue: "B" }] }, "us-east-2"),
    );
    expect(error.name).toBe("InvalidLookupAttributesException");
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it.each([
    [{ MaxResults: 51 }, "InvalidMaxResultsException"],
    [{ StartTime: new Date(2000), EndTime: new Date(1000) }, "InvalidTimeRangeException"],
    [{ NextToken: "not-a-token" }, "InvalidNextTokenException"],
    [{ LookupAttributes: [{ AttributeKey: "Colour", AttributeValue: "x" }] }, "InvalidLookupAttributesException"],
  ])("%j → %s", async (input, name) => {
    await new Promise((r) => setTimeout(r, 600));
    expect((await failure(send(input, "ca-central-1"))).name).toBe(name);
  });

  it("throttles beyond 2 requests per second per account and region with ThrottlingException", async () => {
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => send({ MaxResults: 1 }, "sa-east-1")));
    const throttled = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as Error & { $metadata: { httpStatusCode: number } });
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(throttled[0]).toMatchObject({ name: "ThrottlingException", message: "Rate exceeded" });
    expect(throttled[0]!.$metadata.httpStatusCode).toBe(400);
    // Another account's bucket is untouched.
    await expect(trailClient(sandbox.url, "sa-east-1", READERS.demo).send(new LookupEventsCommand({ MaxResults: 1 }))).resolves.toBeDefined();
  });
});

describe("LookupEvents callers", () => {
  it("refuses a wrong secret and an unknown key as AWS JSON services do", async () => {
    const wrongSecret = { ...READERS.demo, secretAccessKey: "x".repeat(40) };
    expect((await failure(trailClient(sandbox.url, "eu-north-1", wrongSecret).send(new LookupEventsCommand({})))).name).toBe("InvalidSignatureException");
    const unknown = { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x".repeat(40) };
    expect((await failure(trailClient(sandbox.url, "eu-north-1", unknown).send(new LookupEventsCommand({})))).name).toBe("UnrecognizedClientException");
  });

  it("evaluates the role's policies for credentials the sandbox issued (the app role may not read CloudTrail)", async () => {
    const { idToken } = await userPoolTokens(sandbox.url, DEMO.clientId, DEMO.user.email, DEMO.user.password);
    const identity = identityClient(sandbox.url);
    const logins = { [sandboxLoginKey(sandbox.url, DEMO.userPoolId)]: idToken };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: logins }));
    const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    identity.destroy();
    const app = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! };
    const denied = await failure(trailClient(sandbox.url, "ap-northeast-1", app).send(new LookupEventsCommand({})));
    expect(denied.name).toBe("AccessDeniedException");
    // LookupEvents has no resource-level permissions: AWS's denial names no resource
    // (al0ne/cloud-audit:README.md, aws-samples/landing-zone-accelerator-on-aws-for-tse-se#10).
    expect(denied.message).toBe(
      "User: arn:aws:sts::123456789012:assumed-role/demo-authenticated/CognitoIdentityCredentials is not authorized to perform: " +
        "cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action",
    );
  });

  it("shows a refused AssumeRoleWithWebIdentity to the scenario's documented reader", async () => {
    const { idToken } = await userPoolTokens(sandbox.url, "trustbrokenclient000000001", "trust@example.com", "Trust-Passw0rd!");
    const identity = identityClient(sandbox.url);
    const logins = { [sandboxLoginKey(sandbox.url, "ap-northeast-1_TrustBrk1")]: idToken };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: "ap-northeast-1:9e8d7c6b-5a49-4837-a261-504f3e2d1c0b", Logins: logins }));
    const refused = await failure(identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins })));
    expect(refused.name).toBe("InvalidIdentityPoolConfigurationException");
    identity.destroy();

    const reader = trailClient(sandbox.url, "ap-northeast-1", READERS.trustBroken);
    const page = await reader.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "Username", AttributeValue: IdentityId! }] }));
    expect(page.Events).toHaveLength(1);
    expect(JSON.parse(page.Events![0]!.CloudTrailEvent!)).toMatchObject({ errorCode: "AccessDenied", responseElements: null });
    reader.destroy();
  });

  it("keeps accounts apart and hides events until the scenario's delivery delay has passed", async () => {
    const base = { region: DELAYED.region, accountId: DELAYED.accountId, identityPoolId: "eu-west-1:11111111-2222-4333-8444-555555555555", identityId: "eu-west-1:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", roleArn: "arn:aws:iam::777788889999:role/r" };
    recordWebIdentity(sandbox.url, { ...base, time: clock });
    const client = trailClient(sandbox.url, DELAYED.region, DELAYED.reader);
    const send = pacedSender(client);
    expect((await send({})).Events).toHaveLength(0);
    clock += 301_000;
    expect((await send({})).Events).toHaveLength(1);
    client.destroy();
    const other = trailClient(sandbox.url, DELAYED.region, READERS.wrongResource);
    expect((await other.send(new LookupEventsCommand({}))).Events).toHaveLength(0);
    other.destroy();
  });
});
