import { awsErrorFor, verifySignature } from "../sigv4";
import type { RequestContext } from "../http/types";
import { flatHeaders } from "../iam/authorize";
import type { IamState } from "../iam/state";
import { assumeRoleWithWebIdentity } from "./assume-role";
import { StsError, type XmlNode } from "./xml";

/**
 * AssumeRoleWithWebIdentity (unsigned: the token is the proof) and GetCallerIdentity (SigV4,
 * checked against the credentials the sandbox issued; needs no IAM permission, as in AWS).
 */

const SOURCE_IP = "127.0.0.1";

/** Coral's validation text; STS reports it as ValidationError (botocore/aws-cli captures). */
function validation(problems: string[]): StsError {
  const count = problems.length === 1 ? "1 validation error detected" : `${problems.length} validation errors detected`;
  return new StsError("ValidationError", `${count}: ${problems.join("; ")}`);
}

interface Member {
  name: string;
  min: number;
  max: number;
  pattern?: { re: RegExp; text: string };
}

const MEMBERS: Member[] = [
  { name: "RoleArn", min: 20, max: 2048 },
  { name: "RoleSessionName", min: 2, max: 64, pattern: { re: /^[\w+=,.@-]*$/, text: "[\\w+=,.@-]*" } },
  { name: "WebIdentityToken", min: 4, max: 20_000 },
];

function checkInput(params: URLSearchParams): string[] {
  const problems: string[] = [];
  for (const member of MEMBERS) {
    const value = params.get(member.name);
    const at = `at '${member.name.charAt(0).toLowerCase()}${member.name.slice(1)}' failed to satisfy constraint: Member must`;
    // Tokens are never echoed back, not even in an error.
    const shown = member.name === "WebIdentityToken" ? "***" : value;
    if (value === null) problems.push(`Value null ${at} not be null`);
    else if (value.length < member.min) problems.push(`Value '${shown}' ${at} have length greater than or equal to ${member.min}`);
    else if (value.length > member.max) problems.push(`Value '${shown}' ${at} have length less than or equal to ${member.max}`);
    else if (member.pattern && !member.pattern.re.test(value)) {
      problems.push(`Value '${shown}' ${at} satisfy regular expression pattern: ${member.pattern.text}`);
    }
  }
  const duration = params.get("DurationSeconds");
  if (duration !== null && !(Number(duration) >= 900 && Number(duration) <= 43_200)) {
    problems.push(`Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${Number(duration) < 900 ? "greater than or equal to 900" : "less than or equal to 43200"}`);
  }
  return problems;
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export async function assumeRoleWithWebIdentityOp(iam: IamState, params: URLSearchParams, ctx: RequestContext): Promise<Record<string, XmlNode>> {
  const problems = checkInput(params);
  if (problems.length > 0) throw validation(problems);
  const roleArn = params.get("RoleArn")!;
  const now = iam.now();

  const verified = await iam.openIdKeys.verify(params.get("WebIdentityToken")!, now);
  if (!verified.ok) {
    switch (verified.reason) {
      // Confirmed wording and spacing: aws-sdk-java-v2#5709 (400 ExpiredTokenException).
      case "expired":
        throw new StsError("ExpiredTokenException", `Token expired: current date/time ${verified.now} must be before the expiration date/time ${verified.exp}`);
      // Confirmed wording: aws-actions/configure-aws-credentials#280.
      case "foreign-issuer":
        throw new StsError("InvalidIdentityToken", `No OpenIDConnect provider found in your account for ${verified.issuer}`);
      // Best guess: STS's text for a token whose signature fails was not found in a capture.
      default:
        throw new StsError("InvalidIdentityToken", "Couldn't verify signed token.");
    }
  }
  const { claims } = verified;
  const requested = params.has("DurationSeconds") ? Number(params.get("DurationSeconds")) : 3600;
  const role = iam.roles.role(roleArn);
  if (role && requested > role.maxSessionSeconds) {
    throw new StsError("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  const userAgent = ctx.headers["user-agent"];
  const result = assumeRoleWithWebIdentity(iam, {
    roleArn,
    roleSessionName: params.get("RoleSessionName")!,
    durationSeconds: requested,
    identityPoolId: claims.identityPoolId,
    identityId: claims.identityId,
    amr: claims.amr,
    region: claims.identityPoolId.split(":")[0] ?? "us-east-1",
    sourceIp: SOURCE_IP,
    userAgent: typeof userAgent === "string" ? userAgent : "",
    requestId: ctx.requestId,
  });
  if (!result.ok) throw new StsError(result.errorType, result.message, result.status);
  const credentials = result.credentials;
  return {
    SubjectFromWebIdentityToken: claims.identityId,
    Audience: claims.identityPoolId,
    AssumedRoleUser: { Arn: credentials.assumedRoleArn, AssumedRoleId: credentials.assumedRoleId },
    Credentials: {
      SessionToken: credentials.sessionToken,
      SecretAccessKey: credentials.secretAccessKey,
      Expiration: isoSeconds(credentials.expiration),
      AccessKeyId: credentials.accessKeyId,
    },
    Provider: "cognito-identity.amazonaws.com",
  };
}

export async function getCallerIdentityOp(iam: IamState, ctx: RequestContext): Promise<Record<string, XmlNode>> {
  const verified = await verifySignature(
    { method: ctx.method, url: ctx.url.href, headers: flatHeaders(ctx.headers), body: ctx.body },
    // The sandbox is every regional STS endpoint at once, so the scope's region is not checked.
    {
      lookupCredentials: (id) => iam.credentials.lookup(id),
      now: new Date(iam.now()),
      expectedService: "sts",
      // STS ignores X-Amz-Expires: a presigned request is good for about 15 minutes after
      // X-Amz-Date, with or without it (aws/aws-sdk-go#2224, the SDK's documentation of Presign;
      // aws-iam-authenticator: "expire exactly 15 minutes after the x-amz-date header"). So URLs
      // from aws4, which leaves X-Amz-Expires out for non-S3 services, are accepted too.
      fixedPresignLifetimeSeconds: 900,
    },
  );
  if (!verified.ok) {
    const wire = awsErrorFor(verified, "query");
    throw new StsError(wire.errorType, wire.message, wire.status);
  }
  const issued = iam.credentials.get(verified.accessKeyId)!;
  return { Arn: issued.assumedRoleArn, UserId: issued.assumedRoleId, Account: issued.accountId };
}
