/**
 * The role trust check STS makes for sts:AssumeRoleWithWebIdentity with a Cognito identity pool
 * token (the basic flow calls it directly; the enhanced flow makes Cognito call it for you).
 *
 * Context keys, per the Cognito developer guide ("IAM roles", "Role trust and permissions"):
 * - `cognito-identity.amazonaws.com:aud` — the identity pool id;
 * - `cognito-identity.amazonaws.com:amr` — "authenticated" or "unauthenticated", plus, when
 *   authenticated, the providers used: for a user pool `cognito-idp.{region}.amazonaws.com/{poolId}`
 *   and `cognito-idp.{region}.amazonaws.com/{poolId}:CognitoSignIn:{sub}`;
 * - `cognito-identity.amazonaws.com:sub` — the identity id (`{region}:{uuid}`), not the user's sub.
 * A refusal surfaces from STS as AccessDenied "Not authorized to perform
 * sts:AssumeRoleWithWebIdentity" (guide, "Role trust and permissions").
 */
import { evaluatePolicies, type EvaluationResult } from "./evaluate";
import type { PolicyDocument } from "./schema";
import type { AwsRefusal } from "../errors";

const COGNITO_IDENTITY_PROVIDER = "cognito-identity.amazonaws.com";
const ASSUME_ROLE_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
export const COGNITO_UNAUTHENTICATED_AMR: readonly string[] = ["unauthenticated"];

export const STS_TRUST_DENIED = {
  errorType: "AccessDenied",
  status: 403,
  message: "Not authorized to perform sts:AssumeRoleWithWebIdentity",
} as const satisfies AwsRefusal;

/** The amr Cognito puts in the OpenID token of a user signed in through a user pool. */
export function cognitoUserPoolAmr(region: string, userPoolId: string, sub: string): string[] {
  const provider = `cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return ["authenticated", provider, `${provider}:CognitoSignIn:${sub}`];
}

interface WebIdentityTrustRequest {
  trustPolicy: PolicyDocument;
  /** The federated provider the token comes from. */
  provider?: string;
  /** Identity pool id, the token's `aud`. */
  audience: string;
  amr: readonly string[];
  /** Identity id, the token's `sub`; optional because few trust policies test it. */
  identityId?: string;
  /** The role being assumed; trust policies have no Resource element, so it is for display. */
  roleArn?: string;
  action?: string;
}

interface WebIdentityTrustResult extends EvaluationResult {
  /** What STS would answer when the decision is not Allow. */
  stsError?: typeof STS_TRUST_DENIED;
  /**
   * Risks in an allowing trust policy: no `:aud` test (any identity pool may assume the role) or
   * no `:amr` test (guests may assume a role meant for signed-in users).
   */
  warnings: string[];
}

export function evaluateTrustForWebIdentity(request: WebIdentityTrustRequest): WebIdentityTrustResult {
  const provider = request.provider ?? COGNITO_IDENTITY_PROVIDER;
  const result = evaluatePolicies({
    policies: [request.trustPolicy],
    action: request.action ?? ASSUME_ROLE_WITH_WEB_IDENTITY,
    resource: request.roleArn ?? "*",
    principal: { type: "Federated", id: provider },
    context: {
      [`${provider}:aud`]: request.audience,
      [`${provider}:amr`]: [...request.amr],
      ...(request.identityId !== undefined ? { [`${provider}:sub`]: request.identityId } : {}),
    },
  });
  const warnings = result.decision === "Allow" ? trustWarnings(result, provider) : [];
  return result.decision === "Allow" ? { ...result, warnings } : { ...result, warnings, stsError: STS_TRUST_DENIED };
}

function trustWarnings(result: EvaluationResult, provider: string): string[] {
  const granting = result.statements.filter((s) => s.matched && s.effect === "Allow");
  const tests = (suffix: string) =>
    granting.every((s) => s.conditions.some((c) => c.key.toLowerCase() === `${provider}:${suffix}`));
  const warnings: string[] = [];
  if (!tests("aud")) {
    warnings.push(`The trust policy does not test ${provider}:aud: tokens from any identity pool can assume this role.`);
  }
  if (!tests("amr")) {
    warnings.push(`The trust policy does not test ${provider}:amr: unauthenticated (guest) identities can assume this role too.`);
  }
  return warnings;
}
