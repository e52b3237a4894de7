import { normalizeRecord } from "../normalize";
import type { TrailEvent } from "../types";
import { SEED_001, seed001Record } from "./seed-001";

/**
 * Records shaped like seed 001's for tests: a success or a refusal for any identity, role, key and
 * time. Refusals look like CloudTrail's records of them: errorCode AccessDenied with errorMessage
 * "An unknown error occurred" (re:Post eks-troubleshoot-sdk-workload), null responseElements, no
 * additionalEventData.
 */

interface RecordSpec {
  time: string;
  identityId?: string;
  identityPoolId?: string;
  roleArn?: string;
  accessKeyId?: string;
  errorCode?: string;
  /** For error codes other than AccessDenied (whose record text is fixed). */
  errorMessage?: string;
  region?: string;
  eventId?: string;
  roleSessionName?: string;
}

let counter = 0;

export function webIdentityRecord(spec: RecordSpec): Record<string, unknown> {
  const record = seed001Record() as Record<string, any>;
  const pool = spec.identityPoolId ?? SEED_001.identityPoolId;
  const identity = spec.identityId ?? SEED_001.identityId;
  const role = spec.roleArn ?? SEED_001.roleArn;
  record["eventTime"] = spec.time;
  record["eventID"] = spec.eventId ?? `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
  record["awsRegion"] = spec.region ?? "ap-northeast-1";
  record["userIdentity"] = { ...record["userIdentity"], principalId: `cognito-identity.amazonaws.com:${pool}:${identity}`, userName: identity };
  record["requestParameters"] = { roleArn: role, roleSessionName: spec.roleSessionName ?? "CognitoIdentityCredentials" };
  record["resources"] = [{ accountId: role.split(":")[4], type: "AWS::IAM::Role", ARN: role }];
  if (spec.errorCode) {
    record["errorCode"] = spec.errorCode;
    record["errorMessage"] = spec.errorCode === "AccessDenied" ? "An unknown error occurred" : (spec.errorMessage ?? spec.errorCode);
    record["responseElements"] = null;
    delete record["additionalEventData"];
  } else {
    const roleName = role.split("/").at(-1);
    record["responseElements"] = {
      ...record["responseElements"],
      credentials: { ...record["responseElements"].credentials, accessKeyId: spec.accessKeyId ?? `ASIATEST${String(counter).padStart(12, "0")}` },
      subjectFromWebIdentityToken: identity,
      audience: pool,
      assumedRoleUser: { assumedRoleId: `AROATEST:${"CognitoIdentityCredentials"}`, arn: `arn:aws:sts::${role.split(":")[4]}:assumed-role/${roleName}/CognitoIdentityCredentials` },
    };
  }
  return record;
}

export function webIdentityEvent(spec: RecordSpec): TrailEvent {
  const normalized = normalizeRecord(webIdentityRecord(spec));
  if (!normalized.ok) throw new Error(normalized.reason);
  return normalized.event;
}

/** A management event of another kind, for files that are mostly noise. */
export function otherRecord(time: string, name = "GetBucketAcl"): Record<string, unknown> {
  return {
    eventVersion: "1.08",
    userIdentity: { type: "AssumedRole", principalId: "AROAEXAMPLE:me", accessKeyId: "ASIAOTHER00000000000" },
    eventTime: time,
    eventSource: "s3.amazonaws.com",
    eventName: name,
    awsRegion: "ap-northeast-1",
    requestParameters: { bucketName: 'a "quoted" \\ name' },
    responseElements: null,
    eventID: `11111111-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
    eventType: "AwsApiCall",
    recipientAccountId: "111122223333",
  };
}
