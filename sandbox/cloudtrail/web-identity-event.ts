import { randomUUID } from "node:crypto";
import { cloudTrailExpiration, cloudTrailTime, type CloudTrailEvent } from "./event-log";

/**
 * The CloudTrail record of sts:AssumeRoleWithWebIdentity with a Cognito identity pool token, in
 * the shape of a real one (a support engineer's capture, sandbox seed 001): a WebIdentityUser
 * named by the identity id, the role in `resources`, and on failure errorCode/errorMessage with
 * null responseElements. The enhanced flow's call is made by Cognito itself, which is why it
 * shows up in CloudTrail at all, with an AWS-internal user agent.
 */

/**
 * What CloudTrail writes as errorMessage for a refusal. For AccessDenied the record does NOT carry
 * the API's text ("Not authorized to perform sts:AssumeRoleWithWebIdentity") but a generic one:
 * `"errorCode": "AccessDenied", "errorMessage": "An unknown error occurred"` (AWS re:Post
 * Knowledge Center https://repost.aws/knowledge-center/eks-troubleshoot-sdk-workload, and a full
 * real record next to the API's own error in greenpau/argo-workflows-aws-plugin:DEVELOPMENT.md).
 * Unconfirmed for other error codes: their records keep the API's text.
 */
const RECORDED_ACCESS_DENIED_MESSAGE = "An unknown error occurred";

function recordedErrorMessage(errorCode: string, apiMessage: string): string {
  return errorCode === "AccessDenied" ? RECORDED_ACCESS_DENIED_MESSAGE : apiMessage;
}

const PROVIDER = "cognito-identity.amazonaws.com";
/** The session token is never written to the log; CloudTrail shows an encoded blob here. */
const SESSION_TOKEN_PLACEHOLDER = "<SESSION_TOKEN_NOT_RECORDED_BY_SANDBOX>";
/** What the enhanced flow's internal STS call reports as its user agent (shortened). */
export const COGNITO_INTERNAL_USER_AGENT = "aws-internal/3 aws-sdk-java/1.12.780";

interface WebIdentityEventInput {
  time: number;
  region: string;
  accountId: string;
  roleArn: string;
  roleSessionName: string;
  identityPoolId: string;
  identityId: string;
  sourceIp: string;
  userAgent: string;
  /** The STS request id (the enhanced flow's internal call gets its own). */
  requestId?: string;
  outcome:
    | { ok: true; accessKeyId: string; expiration: Date; assumedRoleId: string; assumedRoleArn: string }
    /** `errorMessage` is the API's own text; the record may say otherwise (recordedErrorMessage). */
    | { ok: false; errorCode: string; errorMessage: string };
}

export function webIdentityEvent(input: WebIdentityEventInput): CloudTrailEvent {
  const { outcome } = input;
  const responseElements = outcome.ok
    ? {
        credentials: {
          accessKeyId: outcome.accessKeyId,
          sessionToken: SESSION_TOKEN_PLACEHOLDER,
          expiration: cloudTrailExpiration(outcome.expiration),
        },
        subjectFromWebIdentityToken: input.identityId,
        assumedRoleUser: { assumedRoleId: outcome.assumedRoleId, arn: outcome.assumedRoleArn },
        provider: PROVIDER,
        audience: input.identityPoolId,
      }
    : null;
  return {
    eventVersion: "1.08",
    userIdentity: {
      type: "WebIdentityUser",
      principalId: `${PROVIDER}:${input.identityPoolId}:${input.identityId}`,
      userName: input.identityId,
      identityProvider: PROVIDER,
    },
    eventTime: cloudTrailTime(input.time),
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRoleWithWebIdentity",
    awsRegion: input.region,
    sourceIPAddress: input.sourceIp,
    userAgent: input.userAgent,
    ...(outcome.ok ? {} : { errorCode: outcome.errorCode, errorMessage: recordedErrorMessage(outcome.errorCode, outcome.errorMessage) }),
    requestParameters: { roleArn: input.roleArn, roleSessionName: input.roleSessionName },
    responseElements,
    // Seed 001's successful record carries additionalEventData; the one full real record of a
    // refusal (greenpau/argo-workflows-aws-plugin:DEVELOPMENT.md) has none. Inferred for Cognito.
    ...(outcome.ok
      ? {
          additionalEventData: {
            identityProviderConnectionVerificationMethod: "IAMTrustStore",
            RequestDetails: { endpointType: "regional", awsServingRegion: input.region },
          },
        }
      : {}),
    requestID: input.requestId ?? randomUUID(),
    eventID: randomUUID(),
    readOnly: true,
    resources: [{ accountId: input.accountId, type: "AWS::IAM::Role", ARN: input.roleArn }],
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: input.accountId,
    eventCategory: "Management",
  };
}
