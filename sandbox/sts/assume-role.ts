import type { AwsRefusal } from "../../lib/errors";
import { evaluateTrustForWebIdentity, STS_TRUST_DENIED, type EvaluationResult, type PolicyDocument } from "../../lib/iam";
import { webIdentityEvent } from "../cloudtrail/web-identity-event";
import type { IssuedCredentials } from "../iam/credentials";
import { ROLE_ARN_PATTERN } from "../iam/roles";
import type { IamState } from "../iam/state";

/**
 * sts:AssumeRoleWithWebIdentity for a Cognito identity pool token, shared by the two ways it is
 * reached: the basic flow calls STS directly; the enhanced flow (GetCredentialsForIdentity) has
 * Cognito call it internally. Either way the role's trust policy decides (lib/iam), and either
 * way the attempt lands in CloudTrail — success or failure — which is how a support engineer can
 * tell "the role was assumed but lacks a permission" from "the role could not be assumed".
 */

interface WebIdentityAssumption {
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  identityPoolId: string;
  identityId: string;
  amr: readonly string[];
  /** Region of the STS endpoint (the identity pool's region for the enhanced flow). */
  region: string;
  sourceIp: string;
  userAgent: string;
  requestId?: string;
  sessionPolicy?: PolicyDocument;
}

type AssumeResult =
  | { ok: true; credentials: IssuedCredentials }
  | (AwsRefusal & { ok: false; evaluation?: EvaluationResult });

export function assumeRoleWithWebIdentity(iam: IamState, request: WebIdentityAssumption): AssumeResult {
  const time = iam.now();
  const role = iam.roles.role(request.roleArn);
  const accountId = role?.accountId ?? ROLE_ARN_PATTERN.exec(request.roleArn)?.[1] ?? "";
  const record = (outcome: Parameters<typeof webIdentityEvent>[0]["outcome"]) =>
    iam.events.recordEvent(
      webIdentityEvent({
        time,
        region: request.region,
        accountId,
        roleArn: request.roleArn,
        roleSessionName: request.roleSessionName,
        identityPoolId: request.identityPoolId,
        identityId: request.identityId,
        sourceIp: request.sourceIp,
        userAgent: request.userAgent,
        ...(request.requestId !== undefined ? { requestId: request.requestId } : {}),
        outcome,
      }),
    );

  // A role that does not exist is refused exactly like one whose trust policy says no.
  const trust = role
    ? evaluateTrustForWebIdentity({
        trustPolicy: role.trustPolicy,
        audience: request.identityPoolId,
        amr: request.amr,
        identityId: request.identityId,
        roleArn: role.arn,
      })
    : undefined;
  if (!role || !trust || trust.decision !== "Allow") {
    const denied = STS_TRUST_DENIED;
    record({ ok: false, errorCode: denied.errorType, errorMessage: denied.message });
    return { ok: false, errorType: denied.errorType, status: denied.status, message: denied.message, ...(trust ? { evaluation: trust } : {}) };
  }

  const credentials = iam.credentials.issue({
    role,
    sessionName: request.roleSessionName,
    durationSeconds: request.durationSeconds,
    identityId: request.identityId,
    identityPoolId: request.identityPoolId,
    amr: request.amr,
    ...(request.sessionPolicy ? { sessionPolicy: request.sessionPolicy } : {}),
  });
  record({
    ok: true,
    accessKeyId: credentials.accessKeyId,
    expiration: credentials.expiration,
    assumedRoleId: credentials.assumedRoleId,
    assumedRoleArn: credentials.assumedRoleArn,
  });
  return { ok: true, credentials };
}
