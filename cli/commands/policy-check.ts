import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatIssue, parsePolicyDocument } from "../../lib/iam";
import { checkCall, checkTrust, identityAmr, importTemplate, preparePolicies, requiredCalls, type LabelledPolicy, type RequiredCall } from "../../lib/policy-check";
import { renderCall, renderTrust } from "../../lib/policy-check/render";
import { EXIT, UsageError } from "../io";
import type { Command } from "./command";

const usage = `Usage: auth-flow-debugger policy-check [--trust FILE] [--policy FILE]… [--template FILE [--role LOGICAL_ID]]
         --identity-pool ID [--amr LIST | --user-pool ID --sub SUB] [--identity-id ID] [--flow enhanced|basic]
         [--call ACTION=ARN[,ARN…]]… [--query GRAPHQL --api-id ID --account ACCOUNT --region REGION]
         [--runtime-arn ARN [--qualifier NAME]] [--json]

Checks an identity pool role the way STS and IAM would decide it, statement by statement: the trust
policy against the identity's sts:AssumeRoleWithWebIdentity, and the permission policies against
each call's exact resource ARN (which statement allows, which denies, which does not match and on
what: action, resource or condition; explicit vs implicit deny; the ARN a near-miss should name).

  --trust FILE         the role's trust policy (AssumeRolePolicyDocument, JSON)
  --policy FILE        a permission policy (JSON); repeat for several
  --template FILE      a CloudFormation template or cdk synth output (JSON): the role's trust, inline,
                       attached and template-managed policies; what cannot be resolved is listed
  --role ID            which AWS::IAM::Role of the template (default: the only one)
  --identity-pool ID   cognito-identity.amazonaws.com:aud
  --amr LIST           cognito-identity.amazonaws.com:amr, comma-separated (default "authenticated",
                       or the user pool's providers with --user-pool and --sub; "unauthenticated" for a guest)
  --identity-id ID     cognito-identity.amazonaws.com:sub
  --flow F             enhanced (default) or basic: which error the app sees when the trust refuses
  --call A=ARN         an action and the resource(s) it needs, e.g.
                       appsync:GraphQL=arn:aws:appsync:REGION:ACCOUNT:apis/API_ID/types/Query/fields/listNotes
  --query, --api-id, --account, --region   an AppSync operation: one appsync:GraphQL per top-level field
  --runtime-arn ARN    an AgentCore runtime: InvokeAgentRuntime, InvokeAgentRuntimeWithWebSocketStream and
                       InvokeAgentRuntimeForUser (per-user invocation, the user-id header) on the runtime
                       and its endpoint
  --qualifier NAME     the runtime endpoint (default DEFAULT)
  --json               {"trust":…,"calls":[…]}

Only the role's identity policies are evaluated: permissions boundaries, SCPs, session and
resource-based policies are not. Exit codes: 0 the trust and every call allowed, 1 something is
denied or cannot be decided, 2 bad flags or unreadable files.
`;

async function readJsonFile(flag: string, file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new UsageError(`${flag} ${file}: no such file.`);
  }
}

function policyFrom(label: string, text: string): LabelledPolicy {
  const parsed = parsePolicyDocument(text);
  if (!parsed.ok) throw new UsageError(`${label}: ${parsed.issues.map(formatIssue).join("; ")}`);
  return { label, document: parsed.policy };
}

function callsFrom(values: string[]): RequiredCall[] {
  return values.map((value) => {
    const at = value.indexOf("=");
    if (at <= 0) throw new UsageError(`--call wants ACTION=ARN, got "${value}".`);
    const action = value.slice(0, at);
    const resources = value.slice(at + 1).split(",").map((r) => r.trim()).filter(Boolean);
    if (!/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(action) || resources.length === 0) throw new UsageError(`--call wants ACTION=ARN, got "${value}".`);
    return { row: "cli", label: action, action, resources, source: "--call" };
  });
}

export const policyCheckCommand: Command = {
  name: "policy-check",
  summary: "check a role's trust and permission policies against an identity and the calls it makes",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        trust: { type: "string" },
        policy: { type: "string", multiple: true },
        template: { type: "string" },
        role: { type: "string" },
        "identity-pool": { type: "string" },
        amr: { type: "string" },
        "user-pool": { type: "string" },
        sub: { type: "string" },
        "identity-id": { type: "string" },
        flow: { type: "string" },
        call: { type: "string", multiple: true },
        query: { type: "string" },
        "api-id": { type: "string" },
        account: { type: "string" },
        region: { type: "string" },
        "runtime-arn": { type: "string" },
        qualifier: { type: "string" },
        json: { type: "boolean" },
      },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const flow = values.flow ?? "enhanced";
    if (flow !== "enhanced" && flow !== "basic") throw new UsageError("--flow is enhanced or basic.");

    let trust: LabelledPolicy | undefined = values.trust ? policyFrom("trust policy", await readJsonFile("--trust", values.trust)) : undefined;
    const policies: LabelledPolicy[] = [];
    for (const [i, file] of (values.policy ?? []).entries()) policies.push(policyFrom(`policy ${i + 1}`, await readJsonFile("--policy", file)));
    const notes: string[] = [];
    if (values.template) {
      const pseudo = { "AWS::Partition": "aws", ...(values.region ? { "AWS::Region": values.region } : {}), ...(values.account ? { "AWS::AccountId": values.account } : {}) };
      const imported = importTemplate(await readJsonFile("--template", values.template), pseudo);
      if (!imported.ok) throw new UsageError(`--template ${values.template}: ${imported.error}`);
      const role = values.role ? imported.roles.find((r) => r.logicalId === values.role) : imported.roles.length === 1 ? imported.roles[0] : undefined;
      if (!role) throw new UsageError(`--template ${values.template} has the roles ${imported.roles.map((r) => r.logicalId).join(", ")}: name one with --role.`);
      trust ??= role.trust;
      policies.push(...role.policies);
      notes.push(...role.substituted.map((s) => `Template: ${s}.`), ...role.unresolved.map((u) => `Template, not resolved: ${u}.`));
    }

    const calls = callsFrom(values.call ?? []);
    if (values.query) {
      if (!values["api-id"] || !values.region) throw new UsageError("--query needs --api-id and --region (and --account).");
      const api = { name: "api", url: `https://${values["api-id"]}.appsync-api.${values.region}.amazonaws.com/graphql`, region: values.region, defaultAuthMode: "AWS_IAM" as const, additionalAuthModes: [] };
      calls.push(...requiredCalls({ environment: { region: values.region, appSync: [api] }, appSyncApiId: values["api-id"], query: values.query, ...(values.account ? { account: values.account } : {}) }));
    }
    const runtimeArn = values["runtime-arn"];
    if (runtimeArn) {
      const parsed = /^arn:aws[a-z-]*:bedrock-agentcore:([a-z0-9-]+):(\d{12}):runtime\/[A-Za-z0-9_-]+$/.exec(runtimeArn);
      if (!parsed) throw new UsageError(`--runtime-arn wants arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/NAME, got "${runtimeArn}".`);
      const agentCore = { runtimeArn, qualifier: values.qualifier ?? "DEFAULT" };
      calls.push(...requiredCalls({ environment: { region: parsed[1]!, appSync: [], agentCore }, account: parsed[2]! }));
    }
    if (!trust && calls.length === 0) throw new UsageError("Nothing to check: give --trust (or --template) and/or --call / --query.");
    if (calls.length > 0 && policies.length === 0) throw new UsageError("--call and --query need the role's permission policies: --policy or --template.");
    const needsIdentity = trust !== undefined;
    if (needsIdentity && !values["identity-pool"]) throw new UsageError("--identity-pool is needed to check the trust policy.");

    const amr = values.amr ? values.amr.split(",").map((v) => v.trim()).filter(Boolean) : values["user-pool"] && values.sub ? identityAmr(values["user-pool"].split("_")[0]!, values["user-pool"], values.sub) : ["authenticated"];
    const identity = { identityPoolId: values["identity-pool"] ?? "", amr, flow, ...(values["identity-id"] ? { identityId: values["identity-id"] } : {}) } as const;
    const trustVerdict = trust ? checkTrust(trust, identity) : undefined;
    const prepared = preparePolicies(policies);
    const callVerdicts = calls.map((call) => checkCall(call, prepared, { ...(values.account ? { account: values.account } : {}), ...(values["identity-pool"] ? { identityPoolId: values["identity-pool"] } : {}), ...(values["identity-id"] ? { identityId: values["identity-id"] } : {}), amr }));

    if (values.json) io.stdout(`${JSON.stringify({ notes, ...(trustVerdict ? { trust: trustVerdict } : {}), calls: callVerdicts }, null, 2)}\n`);
    else io.stdout([...notes.map((n) => `${n}\n`), trustVerdict ? renderTrust(trustVerdict, flow) : "", ...callVerdicts.map(renderCall)].filter(Boolean).join("\n"));
    const allowed = (trustVerdict?.decision ?? "Allow") === "Allow" && callVerdicts.every((v) => v.decision === "Allow");
    return allowed ? EXIT.pass : EXIT.fail;
  },
};
