import { formatDuration } from "../format/time";
import type { FailedCall, Highlight, TrailEvent } from "./types";
import { isGenericRecordMessage } from "./explain";
import { sameRole } from "./role-match";

/**
 * The fields of an AssumeRoleWithWebIdentity record a person should look at for this failure,
 * each marked match / mismatch / error against what the failing call says about itself. Paths
 * are the record's own, so the table can point into the raw JSON.
 */

const COGNITO_SESSION_NAME = "CognitoIdentityCredentials";

/** "3 min 10 s before the call". */
export function relativeToCall(eventMs: number, callMs: number): string {
  const delta = (eventMs - callMs) / 1000;
  if (Math.abs(delta) < 1) return "at the time of the call";
  return `${formatDuration(Math.abs(delta))} ${delta < 0 ? "before" : "after"} the call`;
}

function compare(field: string, value: string | undefined, expected: string | undefined, what: string, same = (a: string, b: string) => a === b): Highlight[] {
  if (value === undefined) return [];
  if (expected === undefined) return [{ field, value, tone: "info", note: what }];
  return same(value, expected)
    ? [{ field, value, tone: "match", note: `${what}: the same as the failing call's` }]
    : [{ field, value, tone: "mismatch", note: `${what}: the failing call has ${expected}` }];
}

export function highlightsFor(event: TrailEvent, failure: FailedCall): Highlight[] {
  const callMs = Date.parse(failure.at);
  const out: Highlight[] = [{ field: "eventTime", value: event.eventTime, tone: "info", note: relativeToCall(event.timeMs, callMs) }];
  if (event.errorCode) {
    out.push({ field: "errorCode", value: event.errorCode, tone: "error", note: "STS refused: no credentials came from this attempt" });
    if (isGenericRecordMessage(event.errorMessage)) {
      out.push({ field: "errorMessage", value: event.errorMessage!, tone: "info", note: "CloudTrail's fixed text for this refusal: it names no cause (errorCode and the role's trust policy do)" });
    } else if (event.errorMessage) out.push({ field: "errorMessage", value: event.errorMessage, tone: "error", note: "STS's reason, verbatim" });
  }
  out.push(...compare("requestParameters.roleArn", event.roleArn, failure.expectedRoleArn, "the role asked for", sameRole));
  out.push(...compare("responseElements.credentials.accessKeyId", event.issuedAccessKeyId, failure.accessKeyId, "the access key handed out"));
  const identityField = event.record["responseElements"] ? "responseElements.subjectFromWebIdentityToken" : "userIdentity.principalId";
  out.push(...compare(identityField, event.identityId, failure.identityId, "the identity id"));
  out.push(...compare("responseElements.audience", event.record["responseElements"] ? event.identityPoolId : undefined, failure.identityPoolId, "the identity pool"));
  if (event.assumedRoleArn) {
    out.push({ field: "responseElements.assumedRoleUser.arn", value: event.assumedRoleArn, tone: "info", note: "the session an IAM denial names as the caller" });
  }
  if (event.roleSessionName && event.roleSessionName !== COGNITO_SESSION_NAME) {
    out.push({ field: "requestParameters.roleSessionName", value: event.roleSessionName, tone: "info", note: "not CognitoIdentityCredentials: the app called STS itself (basic flow)" });
  }
  if (event.awsRegion) out.push({ field: "awsRegion", value: event.awsRegion, tone: "info", note: "the Region this event is recorded in" });
  return out;
}
