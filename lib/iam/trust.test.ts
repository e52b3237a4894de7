import { describe, expect, it } from "vitest";
import { cognitoUserPoolAmr, COGNITO_UNAUTHENTICATED_AMR, evaluateTrustForWebIdentity, type PolicyDocument } from "./index";
import { cognitoTrustPolicy, IDENTITY_POOL, OTHER_IDENTITY_POOL, policy, REGION, USER_POOL } from "./test-support";

const SIGNED_IN = cognitoUserPoolAmr(REGION, USER_POOL, "3f1c2b7a-0000-4000-8000-000000000001");
const IDENTITY_ID = `${REGION}:7d8e9f00-1111-2222-3333-444455556666`;

interface Case {
  name: string;
  trustPolicy: PolicyDocument;
  amr: readonly string[];
  audience?: string;
  provider?: string;
  action?: string;
  decision: "Allow" | "ImplicitDeny" | "ExplicitDeny";
}

const cases: Case[] = [
  { name: "authenticated role, signed-in user", trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, "authenticated"), amr: SIGNED_IN, decision: "Allow" },
  {
    name: "authenticated role, guest identity",
    trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, "authenticated"),
    amr: COGNITO_UNAUTHENTICATED_AMR,
    decision: "ImplicitDeny",
  },
  {
    name: "trust policy names another identity pool",
    trustPolicy: cognitoTrustPolicy(OTHER_IDENTITY_POOL, "authenticated"),
    amr: SIGNED_IN,
    decision: "ImplicitDeny",
  },
  {
    name: "trust policy without the amr condition admits a signed-in user",
    trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, null),
    amr: SIGNED_IN,
    decision: "Allow",
  },
  {
    name: "trust policy without the amr condition also admits guests",
    trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, null),
    amr: COGNITO_UNAUTHENTICATED_AMR,
    decision: "Allow",
  },
  { name: "unauthenticated role, guest", trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, "unauthenticated"), amr: COGNITO_UNAUTHENTICATED_AMR, decision: "Allow" },
  {
    name: "amr pinned to this user pool",
    trustPolicy: policy({
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "cognito-identity.amazonaws.com:aud": IDENTITY_POOL },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": `cognito-idp.${REGION}.amazonaws.com/${USER_POOL}` },
      },
    }),
    amr: SIGNED_IN,
    decision: "Allow",
  },
  {
    name: "another federated provider",
    trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, "authenticated"),
    amr: SIGNED_IN,
    provider: "accounts.google.com",
    decision: "ImplicitDeny",
  },
  {
    name: "trust policy granting only sts:AssumeRole",
    trustPolicy: policy({ Effect: "Allow", Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRole" }),
    amr: SIGNED_IN,
    decision: "ImplicitDeny",
  },
  {
    name: "sub pinned to one identity id",
    trustPolicy: policy({
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": IDENTITY_POOL, "cognito-identity.amazonaws.com:sub": IDENTITY_ID } },
    }),
    amr: SIGNED_IN,
    decision: "Allow",
  },
  {
    name: "explicit Deny for guests",
    trustPolicy: policy(
      { Effect: "Allow", Principal: "*", Action: "sts:AssumeRoleWithWebIdentity" },
      {
        Effect: "Deny",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:*",
        Condition: { "ForAnyValue:StringEquals": { "cognito-identity.amazonaws.com:amr": "unauthenticated" } },
      },
    ),
    amr: COGNITO_UNAUTHENTICATED_AMR,
    decision: "ExplicitDeny",
  },
];

describe("evaluateTrustForWebIdentity", () => {
  for (const c of cases) {
    it(`${c.name} → ${c.decision}`, () => {
      const result = evaluateTrustForWebIdentity({
        trustPolicy: c.trustPolicy,
        audience: c.audience ?? IDENTITY_POOL,
        amr: c.amr,
        identityId: IDENTITY_ID,
        ...(c.provider ? { provider: c.provider } : {}),
        roleArn: "arn:aws:iam::111122223333:role/service-role/auth-role",
      });
      expect(result.decision).toBe(c.decision);
      if (c.decision === "Allow") expect(result.stsError).toBeUndefined();
      else expect(result.stsError).toEqual({ errorType: "AccessDenied", status: 403, message: "Not authorized to perform sts:AssumeRoleWithWebIdentity" });
    });
  }

  it("warns when an allowing trust policy does not test amr", () => {
    const loose = evaluateTrustForWebIdentity({ trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, null), audience: IDENTITY_POOL, amr: SIGNED_IN });
    expect(loose.warnings).toEqual([
      "The trust policy does not test cognito-identity.amazonaws.com:amr: unauthenticated (guest) identities can assume this role too.",
    ]);
    const strict = evaluateTrustForWebIdentity({ trustPolicy: cognitoTrustPolicy(IDENTITY_POOL, "authenticated"), audience: IDENTITY_POOL, amr: SIGNED_IN });
    expect(strict.warnings).toEqual([]);
  });

  it("names the audience mismatch", () => {
    const result = evaluateTrustForWebIdentity({
      trustPolicy: cognitoTrustPolicy(OTHER_IDENTITY_POOL, "authenticated"),
      audience: IDENTITY_POOL,
      amr: SIGNED_IN,
    });
    expect(result.statements[0]!.why).toContain(
      `condition StringEquals cognito-identity.amazonaws.com:aud: request '${IDENTITY_POOL}' does not match policy '${OTHER_IDENTITY_POOL}'`,
    );
  });

  it("builds the amr Cognito issues for a user-pool sign-in", () => {
    expect(cognitoUserPoolAmr("us-east-1", "us-east-1_Abc", "sub-1")).toEqual([
      "authenticated",
      "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc",
      "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc:CognitoSignIn:sub-1",
    ]);
  });
});
