import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./test-support";

/** `auth-flow-debugger policy-check` on seed 001's role: the trust holds, appsync:GraphQL names another API. */

const dir = mkdtempSync(join(tmpdir(), "policy-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
// The sandbox scenario's role, read as data (the CLI imports no sandbox code).
const wrongResource = JSON.parse(readFileSync(new URL("../sandbox/scenarios/appsync-role-wrong-resource.json", import.meta.url), "utf8")) as {
  roles: { trustPolicy: unknown; policies: unknown[] }[];
  identityPools: { id: string }[];
};
const role = wrongResource.roles[0]!;
const trust = file("trust.json", role.trustPolicy);
const policy = file("policy.json", role.policies[0]);
const pool = wrongResource.identityPools[0]!.id;
const needed = "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/listNotes";
const cli = (args: string[]) => runCli(["policy-check", ...args], { stdinIsTTY: true });

describe("policy-check", () => {
  it("names the statement and the ARN it should name, and fails", async () => {
    const out = await cli(["--trust", trust, "--policy", policy, "--identity-pool", pool, "--call", `appsync:GraphQL=${needed}`]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("Trust policy — sts:AssumeRoleWithWebIdentity (enhanced flow): Allowed");
    expect(out.stdout).toContain(`${needed}: Implicit deny`);
    expect(out.stdout).toContain('· policy 1 "AppSyncGraphQL" Allow — does not match (on resource)');
    expect(out.stdout).toContain("API id oldenvapi00000000000000001 where the call needs wrongres000000000000000001");
    expect(out.stdout).toContain(`should name ${needed}`);
  });

  it("builds the field ARNs from an AppSync operation, and passes when the role names the API", async () => {
    const fixed = file("fixed.json", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "appsync:GraphQL", Resource: "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/*" }] });
    const out = await cli(["--policy", fixed, "--query", "query { listNotes { id } whoami }", "--api-id", "wrongres000000000000000001", "--account", "111122223333", "--region", "ap-northeast-1", "--json"]);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { calls: { decision: string; resources: { resource: string }[] }[] };
    expect(json.calls[0]!.decision).toBe("Allow");
    expect(json.calls[0]!.resources.map((r) => r.resource)).toEqual([needed, needed.replace("listNotes", "whoami")]);
  });

  it("checks an AgentCore runtime's three actions: a role without InvokeAgentRuntimeForUser fails only the per-user call", async () => {
    const perUser = JSON.parse(readFileSync(new URL("../sandbox/scenarios/agentcore-user-id-permission-missing.json", import.meta.url), "utf8")) as { roles: { policies: unknown[] }[]; agentCoreRuntimes: { arn: string }[] };
    const runtimeArn = perUser.agentCoreRuntimes[0]!.arn;
    const out = await cli(["--policy", file("per-user.json", perUser.roles[0]!.policies[0]), "--runtime-arn", runtimeArn, "--json"]);
    expect(out.code).toBe(1);
    const json = JSON.parse(out.stdout) as { calls: { call: { action: string; resources: string[] }; decision: string }[] };
    const call = (action: string) => json.calls.find((c) => c.call.action === action);
    expect(call("bedrock-agentcore:InvokeAgentRuntime")?.decision).toBe("Allow");
    expect(call("bedrock-agentcore:InvokeAgentRuntimeForUser")?.decision).not.toBe("Allow");
    expect(call("bedrock-agentcore:InvokeAgentRuntimeForUser")?.call.resources).toEqual([runtimeArn, `${runtimeArn}/runtime-endpoint/DEFAULT`]);
    expect((await cli(["--policy", file("p2.json", perUser.roles[0]!.policies[0]), "--runtime-arn", "runtime/x"])).code).toBe(2);
  });

  it("says which error each flow shows when the trust names another pool", async () => {
    const out = await cli(["--trust", trust, "--identity-pool", "ap-northeast-1:00000000-0000-4000-8000-000000000000", "--flow", "basic"]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('What the app sees: AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"');
    expect(out.stdout).toContain("does not match (on condition)");
  });

  it("reads a template's role and lists what it could not resolve", async () => {
    const template = file("cfn.json", {
      Resources: {
        AuthRole: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: role.trustPolicy, ManagedPolicyArns: ["arn:aws:iam::aws:policy/AWSAppSyncInvokeFullAccess"] } },
        Grant: { Type: "AWS::IAM::Policy", Properties: { Roles: [{ Ref: "AuthRole" }], PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "appsync:GraphQL", Resource: { "Fn::Sub": "arn:aws:appsync:${AWS::Region}:${AWS::AccountId}:apis/${Api.ApiId}/*" } }] } } },
      },
    });
    const out = await cli(["--template", template, "--identity-pool", pool, "--region", "ap-northeast-1", "--account", "111122223333", "--call", `appsync:GraphQL=${needed}`]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("Template, not resolved: managed policy arn:aws:iam::aws:policy/AWSAppSyncInvokeFullAccess");
    expect(out.stdout).toContain("${Api.ApiId} is not resolved");
    expect(out.stdout).toContain(`${needed}: Cannot be decided`);
  });

  it("refuses unusable input with exit code 2", async () => {
    expect((await cli(["--call", "appsync:GraphQL"])).code).toBe(2);
    expect((await cli(["--trust", file("bad.json", "{ nope"), "--identity-pool", pool])).code).toBe(2);
    expect((await cli(["--call", `appsync:GraphQL=${needed}`])).stderr).toContain("--policy or --template");
  });
});
