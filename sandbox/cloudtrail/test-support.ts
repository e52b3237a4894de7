import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandInput } from "@aws-sdk/client-cloudtrail";
import { setTimeout as sleep } from "node:timers/promises";
import { iamStateFor } from "../iam/state";
import { webIdentityEvent } from "./web-identity-event";

/**
 * Shared by the CloudTrail tests (sandbox, server route, benchmark): the documented reader keys of
 * the shipped scenarios, an official SDK client pointed at /cloudtrail, and a way to put events
 * straight into a running sandbox's log.
 */

export const READERS = {
  demo: { accessKeyId: "AKIAEXAMPLEDEMOTRAIL", secretAccessKey: "sandboxDemoTrailReaderSecretKeyEXAMPLE01", accountId: "123456789012" },
  wrongResource: { accessKeyId: "AKIAEXAMPLEWRONGRES1", secretAccessKey: "sandboxWrongResTrailReaderSecretEXAMPLE1", accountId: "111122223333" },
  trustBroken: { accessKeyId: "AKIAEXAMPLETRUSTBRK1", secretAccessKey: "sandboxTrustBrokenTrailReaderSecretEXMP1", accountId: "444455556666" },
} as const;

export function trailClient(sandboxUrl: string, region: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  return new CloudTrailClient({ region, endpoint: `${sandboxUrl}/cloudtrail`, credentials, maxAttempts: 1 });
}

// The throttle is per account and region, not per client: every paced sender of a test file
// shares one clock, so a test that starts right after another's paging is not throttled by it.
let lastSent = 0;

/** Keeps a test file's calls under the sandbox's 2 requests/s per account and region. */
export function pacedSender(client: CloudTrailClient, intervalMs = 520) {
  return async (input: LookupEventsCommandInput) => {
    const wait = lastSent + intervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastSent = Date.now();
    return client.send(new LookupEventsCommand(input));
  };
}

interface SyntheticEvent {
  time: number;
  region: string;
  accountId: string;
  identityPoolId: string;
  identityId: string;
  roleArn: string;
  accessKeyId?: string;
  errorCode?: string;
}

/** Records an AssumeRoleWithWebIdentity event in a running sandbox's CloudTrail log. */
export function recordWebIdentity(sandboxUrl: string, e: SyntheticEvent) {
  const events = iamStateFor({ baseUrl: sandboxUrl })!.events;
  const roleName = e.roleArn.split("/").at(-1)!;
  return events.recordEvent(
    webIdentityEvent({
      time: e.time,
      region: e.region,
      accountId: e.accountId,
      roleArn: e.roleArn,
      roleSessionName: "CognitoIdentityCredentials",
      identityPoolId: e.identityPoolId,
      identityId: e.identityId,
      sourceIp: "203.0.113.10",
      userAgent: "aws-internal/3",
      outcome: e.errorCode
        ? { ok: false, errorCode: e.errorCode, errorMessage: "Not authorized to perform sts:AssumeRoleWithWebIdentity" }
        : {
            ok: true,
            accessKeyId: e.accessKeyId ?? "ASIAEXAMPLE000000000",
            expiration: new Date(e.time + 3600_000),
            assumedRoleId: "AROAEXAMPLE0000000000:CognitoIdentityCredentials",
            assumedRoleArn: `arn:aws:sts::${e.accountId}:assumed-role/${roleName}/CognitoIdentityCredentials`,
          },
    }),
  );
}
