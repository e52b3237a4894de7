import { cognitoUserPoolAmr, evaluateTrustForWebIdentity } from "../iam";
import type { CheckDecision, LabelledPolicy, StatementVerdict } from "./types";
import { preparePolicies, statementVerdict } from "./verdict";

/**
 * The role's trust policy against the signed-in identity's sts:AssumeRoleWithWebIdentity, with the
 * context STS has for a Cognito identity pool token (Cognito developer guide, "Role trust and
 * permissions", https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html):
 * principal Federated `cognito-identity.amazonaws.com`, `cognito-identity.amazonaws.com:aud` the
 * identity pool id, `:amr` "authenticated" (or "unauthenticated") plus the login providers, `:sub`
 * the identity id.
 *
 * Both flows end in the same trust check (Cognito developer guide, "Identity pools authentication
 * flow", https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html): in the
 * enhanced flow GetCredentialsForIdentity makes Cognito call AssumeRoleWithWebIdentity for the role
 * the pool picks; in the basic flow the app calls STS itself with GetOpenIdToken's token and names
 * the role. A refusal reads InvalidIdentityPoolConfigurationException in the enhanced flow and
 * AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity" from STS in the basic one.
 * The IAM policy simulator does not evaluate trust policies for sts:Assume* actions
 * (aws/aws-cli#10314), which is why this check exists.
 */

export interface WebIdentity {
  identityPoolId: string;
  amr: readonly string[];
  identityId?: string;
  flow: "enhanced" | "basic";
  roleArn?: string;
}

export interface TrustVerdict {
  decision: CheckDecision;
  summary: string;
  /** What the app sees when the trust check refuses, by flow. */
  refusal?: { errorType: string; message: string; flow: WebIdentity["flow"] };
  warnings: string[];
  statements: StatementVerdict[];
  context: Record<string, string | string[]>;
}

/** The amr of a user signed in through a user pool, or a guest's. */
export function identityAmr(region: string, userPoolId: string, sub: string | undefined): string[] {
  return sub ? cognitoUserPoolAmr(region, userPoolId, sub) : ["unauthenticated"];
}

export function checkTrust(trust: LabelledPolicy, identity: WebIdentity): TrustVerdict {
  const [prepared] = preparePolicies([trust]);
  const result = evaluateTrustForWebIdentity({
    trustPolicy: prepared!.document,
    audience: identity.identityPoolId,
    amr: identity.amr,
    ...(identity.identityId ? { identityId: identity.identityId } : {}),
    ...(identity.roleArn ? { roleArn: identity.roleArn } : {}),
  });
  const statements = result.statements.map((s) => statementVerdict(s, prepared!));
  const unknownAllow = statements.some((s) => s.outcome === "unknown" && s.effect === "Allow");
  const unknownDeny = statements.some((s) => s.outcome === "unknown" && s.effect === "Deny");
  const decision: CheckDecision =
    result.decision === "ExplicitDeny" ? "ExplicitDeny" : result.decision === "Allow" ? (unknownDeny ? "Undecided" : "Allow") : unknownAllow ? "Undecided" : "ImplicitDeny";
  const context: Record<string, string | string[]> = {
    "cognito-identity.amazonaws.com:aud": identity.identityPoolId,
    "cognito-identity.amazonaws.com:amr": [...identity.amr],
    ...(identity.identityId ? { "cognito-identity.amazonaws.com:sub": identity.identityId } : {}),
  };
  const refusal =
    decision === "ExplicitDeny" || decision === "ImplicitDeny"
      ? identity.flow === "enhanced"
        ? // Cognito's answer when it cannot assume the pool's role (seed 001 reproduced it with a broken trust).
          { errorType: "InvalidIdentityPoolConfigurationException", message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.", flow: identity.flow }
        : { errorType: result.stsError!.errorType, message: result.stsError!.message, flow: identity.flow }
      : undefined;
  const summary =
    decision === "Allow"
      ? `The trust policy lets this identity assume the role (${statements.filter((s) => s.outcome === "allows").map((s) => (s.sid ? `"${s.sid}"` : `statement #${s.index + 1}`)).join(", ")}).`
      : decision === "Undecided"
        ? "Cannot be decided: a statement holds values the import could not resolve."
        : decision === "ExplicitDeny"
          ? "A Deny statement in the trust policy refuses this identity."
          : "No statement of the trust policy lets this identity assume the role.";
  return { decision, summary, ...(refusal ? { refusal } : {}), warnings: result.warnings, statements, context };
}
