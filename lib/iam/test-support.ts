/** Policy builders for tests: a statement list becomes a Version 2012-10-17 document. */
import type { PolicyDocument, PolicyStatement } from "./schema";

export const ACCOUNT = "111122223333";
export const REGION = "ap-northeast-1";
export const IDENTITY_POOL = "ap-northeast-1:0f5f9c5e-1111-2222-3333-444455556666";
export const OTHER_IDENTITY_POOL = "ap-northeast-1:9a9a9a9a-aaaa-bbbb-cccc-ddddeeeeffff";
export const USER_POOL = "ap-northeast-1_AbCdEf123";

export function policy(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

export const allow = (rest: Omit<PolicyStatement, "Effect">): PolicyStatement => ({ Effect: "Allow", ...rest });
export const deny = (rest: Omit<PolicyStatement, "Effect">): PolicyStatement => ({ Effect: "Deny", ...rest });

/** The trust policy the Cognito console writes for an identity pool's authenticated role. */
export function cognitoTrustPolicy(pool: string, amr: "authenticated" | "unauthenticated" | null): PolicyDocument {
  return policy({
    Effect: "Allow",
    Principal: { Federated: "cognito-identity.amazonaws.com" },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: { "cognito-identity.amazonaws.com:aud": pool },
      ...(amr ? { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr } } : {}),
    },
  });
}
