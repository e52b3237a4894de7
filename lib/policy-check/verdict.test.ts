import { describe, expect, it } from "vitest";
import wrongResource from "../../sandbox/scenarios/appsync-role-wrong-resource.json";
import { checkCall, checkTrust, identityAmr, preparePolicies, requiredCalls } from ".";

/** Seed 001: the role's appsync:GraphQL names the API id of the account the app came from. */
const role = wrongResource.roles[0]!;
const environment = {
  region: "ap-northeast-1",
  appSync: [{ name: "api", url: "http://127.0.0.1:4577/appsync/wrongres000000000000000001/graphql", region: "ap-northeast-1", defaultAuthMode: "AMAZON_COGNITO_USER_POOLS" as const, additionalAuthModes: ["AWS_IAM" as const] }],
  agentCore: { runtimeArn: "arn:aws:bedrock-agentcore:ap-northeast-1:111122223333:runtime/agent-AbC1234567", qualifier: "DEFAULT" },
};
const calls = requiredCalls({ environment, account: "111122223333", query: "query { listNotes { id } }" });
const policies = preparePolicies(role.policies.map((document, i) => ({ label: `policy ${i + 1}`, document })));

describe("permission policies against the test calls", () => {
  it("names the statement whose Resource names another API, and the ARN it should name", () => {
    const appsync = checkCall(calls.find((c) => c.action === "appsync:GraphQL")!, policies, {});
    expect(appsync.decision).toBe("ImplicitDeny");
    const needed = "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/listNotes";
    const [resource] = appsync.resources;
    expect(resource!.resource).toBe(needed);
    const statement = resource!.statements.find((s) => s.sid === "AppSyncGraphQL")!;
    expect(statement.outcome).toBe("no-match");
    expect(statement.failedOn).toEqual(["resource"]);
    expect(statement.shouldName).toEqual({
      names: ["arn:aws:appsync:ap-northeast-1:111122223333:apis/oldenvapi00000000000000001/*"],
      needed,
      differences: ["API id oldenvapi00000000000000001 where the call needs wrongres000000000000000001"],
    });
    expect(resource!.summary).toContain('statement "AppSyncGraphQL"');
    expect(resource!.summary).toContain(`it should name ${needed}`);
    // The other statement fails on the action, which is why it is no candidate.
    expect(resource!.statements.find((s) => s.sid === "AgentCoreInvoke")!.failedOn).toEqual(["action"]);
  });

  it("allows AgentCore on the runtime and its endpoint, both of which are evaluated", () => {
    const runtime = checkCall(calls.find((c) => c.action === "bedrock-agentcore:InvokeAgentRuntime")!, policies, {});
    expect(runtime.resources.map((r) => r.resource)).toEqual([environment.agentCore.runtimeArn, `${environment.agentCore.runtimeArn}/runtime-endpoint/DEFAULT`]);
    expect(runtime.decision).toBe("Allow");
  });

  it("an explicit deny wins over an allow, and says so", () => {
    const denying = preparePolicies([
      { label: "allow all", document: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "appsync:*", Resource: "*" } } },
      { label: "guard", document: { Version: "2012-10-17", Statement: { Sid: "NoNotes", Effect: "Deny", Action: "appsync:GraphQL", Resource: "arn:aws:appsync:*:*:apis/*/types/Query/fields/listNotes" } } },
    ]);
    const verdict = checkCall(calls[0]!, denying, {});
    expect(verdict.decision).toBe("ExplicitDeny");
    expect(verdict.resources[0]!.summary).toMatch(/^Explicit deny: guard statement "NoNotes"/);
  });

  it("a statement with an unresolved value leaves the call undecided instead of guessing", () => {
    const unresolved = preparePolicies([{ label: "from template", document: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "appsync:GraphQL", Resource: "arn:aws:appsync:ap-northeast-1:111122223333:apis/«unresolved: Fn::GetAtt Api.ApiId»/*" } } }]);
    const verdict = checkCall(calls[0]!, unresolved, {});
    expect(verdict.decision).toBe("Undecided");
    expect(verdict.resources[0]!.statements[0]!.outcome).toBe("unknown");
  });

  it("uses the identity's context for policy variables", () => {
    const perUser = preparePolicies([{ label: "p", document: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "appsync:GraphQL", Resource: "*", Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": "ap-northeast-1:pool" } } } } }]);
    expect(checkCall(calls[0]!, perUser, { identityPoolId: "ap-northeast-1:pool" }).decision).toBe("Allow");
    expect(checkCall(calls[0]!, perUser, { identityPoolId: "ap-northeast-1:other" }).decision).toBe("ImplicitDeny");
  });
});

describe("trust policy against the identity", () => {
  const amr = identityAmr("ap-northeast-1", "ap-northeast-1_WrongRes1", "3c9e2a71-5b84-4f06-9d1e-7a2b6c8f0e43");

  it("allows the signed-in identity of the pool the trust policy names", () => {
    const verdict = checkTrust({ label: "trust policy", document: role.trustPolicy }, { identityPoolId: wrongResource.identityPools[0]!.id, amr, flow: "enhanced" });
    expect(verdict.decision).toBe("Allow");
    expect(verdict.warnings).toEqual([]);
    expect(verdict.context["cognito-identity.amazonaws.com:amr"]).toContain("authenticated");
  });

  it("refuses another pool, and says what each flow shows", () => {
    const other = "ap-northeast-1:00000000-0000-4000-8000-000000000000";
    const enhanced = checkTrust({ label: "trust policy", document: role.trustPolicy }, { identityPoolId: other, amr, flow: "enhanced" });
    expect(enhanced.decision).toBe("ImplicitDeny");
    expect(enhanced.statements[0]!.failedOn).toEqual(["condition"]);
    expect(enhanced.refusal?.errorType).toBe("InvalidIdentityPoolConfigurationException");
    const basic = checkTrust({ label: "trust policy", document: role.trustPolicy }, { identityPoolId: other, amr, flow: "basic" });
    expect(basic.refusal).toEqual({ errorType: "AccessDenied", message: "Not authorized to perform sts:AssumeRoleWithWebIdentity", flow: "basic" });
  });

  it("refuses guests when the trust tests amr for authenticated", () => {
    const guest = checkTrust({ label: "trust policy", document: role.trustPolicy }, { identityPoolId: wrongResource.identityPools[0]!.id, amr: identityAmr("ap-northeast-1", "x", undefined), flow: "enhanced" });
    expect(guest.decision).toBe("ImplicitDeny");
  });
});
