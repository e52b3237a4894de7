import type { FailedCall, TrailEvent } from "./types";

/**
 * The words of each verdict: what happened, what it rules out, and what to do next. Kept apart
 * from the matching so the wording can be reviewed (and translated) without touching the logic.
 */

interface Wording {
  headline: string;
  explanation: string;
  nextStep: string;
}

const when = (event: TrailEvent) => event.eventTime;

export function assumedWording(event: TrailEvent, failure: FailedCall, keyMatched: boolean): Wording {
  const who = event.identityId ? `identity ${event.identityId}` : "the identity";
  const key = keyMatched ? ` and handed out ${event.issuedAccessKeyId}, the very key the failing call was signed with` : "";
  const needed = failure.action && failure.resource ? `${failure.action} on ${failure.resource}` : undefined;
  return {
    headline: "The role was assumed: the denial is in the role's permissions",
    explanation:
      `STS issued credentials for ${event.roleArn ?? "the role"} to ${who} at ${when(event)}${key}. ` +
      "So the identity pool and the role's trust policy worked; what refused the call is what the role may do.",
    nextStep: needed
      ? `Make the role's permissions policy allow ${needed} (look for an old API id, a typo or a missing "/*" in Resource). ` +
        "Permission changes apply to existing sessions within seconds, no new sign-in needed. If it is already allowed, look for an explicit Deny, a permissions boundary, an SCP, or — enhanced flow — Cognito's scope-down session policy."
      : "Find the action and resource the call needed (AppSync: appsync:GraphQL on arn:aws:appsync:{region}:{account}:apis/{apiId}/types/{Type}/fields/{field}) and compare them with the role's permissions policy.",
  };
}

export function otherRoleWording(event: TrailEvent, failure: FailedCall): Wording {
  const basic = event.roleSessionName && event.roleSessionName !== "CognitoIdentityCredentials";
  return {
    headline: "A different role was assumed",
    explanation:
      `The identity got ${event.roleArn ?? "another role"} at ${when(event)}, not the expected ${failure.expectedRoleArn}. ` +
      "Likely causes: the identity pool's role mapping (rules, or roles from the token: cognito:roles / cognito:preferred_role) picked another role; " +
      "the identity was a guest (no Logins sent) and got the unauthenticated role; " +
      (basic ? "the app itself asked for this role (basic flow, the session name is the app's); " : "the app asked for it (CustomRoleArn); ") +
      "or the role you expect is not the one configured.",
    nextStep:
      "Check the identity pool's authenticated role and role mapping (and its ambiguous-role setting), and that the app sends the user pool ID token in Logins; then decide whether this role should be allowed the call or the mapping fixed.",
  };
}

const REFUSAL_CAUSES: Record<string, string> = {
  AccessDenied:
    'The role\'s trust policy did not let this identity pool assume it. It needs Principal {"Federated": "cognito-identity.amazonaws.com"}, Action sts:AssumeRoleWithWebIdentity, ' +
    "and conditions cognito-identity.amazonaws.com:aud equal to this pool's id (a re-created pool has a new id) and cognito-identity.amazonaws.com:amr matching \"authenticated\" (or \"unauthenticated\" for the guest role). A role that does not exist is refused the same way. " +
    // RCPs can restrict STS (AWS Control Tower, "Controls implemented with resource control policies").
    "If the trust policy looks right, an AWS Organizations resource control policy (RCPs cover STS) that denies sts:AssumeRoleWithWebIdentity also ends in AccessDenied. " +
    "The app sees InvalidIdentityPoolConfigurationException (enhanced flow) or AccessDenied (basic flow).",
  InvalidIdentityToken: "STS did not accept Cognito's OpenID token: check the identity pool's providers and that the token belongs to this pool.",
  IDPRejectedClaim: "STS rejected a claim of the token: check the identity pool's provider configuration.",
  ExpiredTokenException: "The OpenID token had expired before STS saw it (basic flow: GetOpenIdToken tokens last 10 minutes) — fetch a new one right before AssumeRoleWithWebIdentity.",
  RegionDisabledException: "STS is not activated in this Region for the account: activate it (IAM → Account settings) or use another endpoint.",
  MalformedPolicyDocument: "The session policy passed with the request is invalid (enhanced flow's scope-down, or the app's Policy parameter).",
  PackedPolicyTooLarge: "The session policy or tags were too large.",
};

/**
 * CloudTrail's errorMessage for a refused AssumeRoleWithWebIdentity: not the API's "Not authorized
 * to perform sts:AssumeRoleWithWebIdentity" but this (re:Post knowledge center
 * eks-troubleshoot-sdk-workload; greenpau/argo-workflows-aws-plugin's record next to its API error).
 * It names no cause, so the cause comes from errorCode and the role, never from the message.
 */
const GENERIC_RECORD_MESSAGE = "An unknown error occurred";

export const isGenericRecordMessage = (message: string | undefined) => message?.trim() === GENERIC_RECORD_MESSAGE;

export function refusedWording(event: TrailEvent): Wording {
  const code = event.errorCode ?? "an error";
  const cause = REFUSAL_CAUSES[code] ?? "Read errorCode and errorMessage: the refusal happened before any permissions policy was looked at.";
  const message = !event.errorMessage
    ? ""
    : isGenericRecordMessage(event.errorMessage)
      ? ` (CloudTrail records only "${GENERIC_RECORD_MESSAGE}" for this refusal; the caller was told "Not authorized to perform sts:AssumeRoleWithWebIdentity")`
      : ` ("${event.errorMessage}")`;
  return {
    headline: `STS refused the role: ${code}`,
    explanation:
      `AssumeRoleWithWebIdentity for ${event.roleArn ?? "the role"} failed at ${when(event)} with ${code}${message}, ` +
      "and responseElements is null: no credentials were issued. " +
      "The fault is before permissions: trust policy, token, or the identity pool's role configuration.",
    nextStep: cause,
  };
}
