import { describe, expect, it } from "vitest";
import { importTemplate } from "./template";
import { markersIn } from "./unresolved";

/** The shape `cdk synth` writes for a Cognito authenticated role and a grant on an AppSync API. */
const cdkTemplate = {
  Resources: {
    AuthRole1A2B3C: {
      Type: "AWS::IAM::Role",
      Properties: {
        AssumeRolePolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": { Ref: "IdentityPool" } } } }],
        },
        ManagedPolicyArns: ["arn:aws:iam::aws:policy/AWSAppSyncInvokeFullAccess", { Ref: "ExtraManaged" }],
        Policies: [{ PolicyName: "inline-runtime", PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: { "Fn::Sub": "arn:${AWS::Partition}:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:runtime/*" } }] } }],
      },
    },
    AuthRoleDefaultPolicy: {
      Type: "AWS::IAM::Policy",
      Properties: {
        PolicyName: "AuthRoleDefaultPolicy",
        Roles: [{ Ref: "AuthRole1A2B3C" }],
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "appsync:GraphQL", Resource: { "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":appsync:", { Ref: "AWS::Region" }, ":", { Ref: "AWS::AccountId" }, ":apis/", { "Fn::GetAtt": ["Api", "ApiId"] }, "/*"]] } }],
        },
      },
    },
    ExtraManaged: { Type: "AWS::IAM::ManagedPolicy", Properties: { Roles: [{ Ref: "AuthRole1A2B3C" }], PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "appsync:GraphQL", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] } } },
    OtherRolePolicy: { Type: "AWS::IAM::Policy", Properties: { Roles: [{ Ref: "SomeOtherRole" }], PolicyDocument: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } } },
  },
};

describe("importTemplate", () => {
  const imported = importTemplate(JSON.stringify(cdkTemplate), { "AWS::Partition": "aws", "AWS::Region": "ap-northeast-1", "AWS::AccountId": "111122223333" });

  it("finds the role, its trust, inline, attached and template-managed policies, and nothing of other roles", () => {
    if (!imported.ok) throw new Error(imported.error);
    const [role] = imported.roles;
    expect(role!.logicalId).toBe("AuthRole1A2B3C");
    expect(role!.policies.map((p) => p.label)).toEqual(["inline inline-runtime", "managed ExtraManaged", "policy AuthRoleDefaultPolicy"]);
    expect(role!.policies[0]!.document).toMatchObject({ Statement: [{ Resource: "arn:aws:bedrock-agentcore:ap-northeast-1:111122223333:runtime/*" }] });
  });

  it("names what it cannot resolve instead of guessing", () => {
    if (!imported.ok) throw new Error(imported.error);
    const [role] = imported.roles;
    expect(role!.unresolved).toEqual([
      "managed policy arn:aws:iam::aws:policy/AWSAppSyncInvokeFullAccess: its document is not in the template (aws iam get-policy-version)",
      "AuthRoleDefaultPolicy.PolicyDocument.Statement[0].Resource.Fn::Join[7]: Fn::GetAtt Api.ApiId is not resolved (its value is known only once deployed)",
      "AuthRole1A2B3C.AssumeRolePolicyDocument.Statement[0].Condition.StringEquals.cognito-identity.amazonaws.com:aud: Ref IdentityPool is not resolved (its value is known only once deployed)",
    ]);
    expect(markersIn(role!.trust!.document)).toEqual(["Ref IdentityPool"]);
    expect(role!.substituted).toEqual(["AWS::Partition taken as aws", "AWS::Region taken as ap-northeast-1", "AWS::AccountId taken as 111122223333"]);
  });

  it("leaves pseudo parameters unresolved when no value is given for them", () => {
    const bare = importTemplate(JSON.stringify(cdkTemplate));
    if (!bare.ok) throw new Error(bare.error);
    expect(bare.roles[0]!.unresolved.some((u) => u.includes("${AWS::AccountId}"))).toBe(true);
  });

  it("says what it reads when the text is not a JSON template", () => {
    expect(importTemplate("Resources:\n  Role:\n    Type: AWS::IAM::Role")).toMatchObject({ ok: false, error: expect.stringContaining("YAML is not read") });
    expect(importTemplate(JSON.stringify({ Resources: {} }))).toEqual({ ok: false, error: "The template has no AWS::IAM::Role." });
  });
});
