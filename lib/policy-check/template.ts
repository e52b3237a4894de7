import { resolveIntrinsics, type PseudoParameters, type Resolution } from "./resolve-intrinsics";
import type { LabelledPolicy } from "./types";

/**
 * The IAM roles of a CloudFormation template or `cdk synth` output (JSON: `cdk.out/*.template.json`,
 * or `aws cloudformation get-template`), each with what a role check needs:
 * - AWS::IAM::Role: AssumeRolePolicyDocument (trust), Policies[].PolicyDocument (inline),
 *   ManagedPolicyArns (a Ref to an AWS::IAM::ManagedPolicy of the template is followed; an AWS or
 *   account managed policy's document is not in the template and is named as missing);
 * - AWS::IAM::Policy, AWS::IAM::ManagedPolicy (`Roles`) and AWS::IAM::RolePolicy (`RoleName`) that
 *   attach to it by `Ref` (what CDK writes) or by the role's literal RoleName.
 * Property names as the CloudFormation resource reference spells them
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-role.html).
 */

export interface ImportedRole {
  logicalId: string;
  roleName?: string;
  trust?: LabelledPolicy;
  policies: LabelledPolicy[];
  /** What could not be resolved or found, in words (one line each). */
  unresolved: string[];
  /** Pseudo parameters replaced with the values given (account, region). */
  substituted: string[];
}

export type TemplateImport = { ok: true; roles: ImportedRole[] } | { ok: false; error: string };

interface Resource {
  Type?: unknown;
  Properties?: Record<string, unknown>;
}

export function importTemplate(text: string, pseudo: PseudoParameters = {}): TemplateImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: "Not JSON. Only JSON templates are read: cdk.out/<stack>.template.json, or `aws cloudformation get-template --stack-name <stack> --query TemplateBody` for a JSON template (YAML is not read)." };
  }
  const resources = (parsed as { Resources?: unknown } | null)?.Resources;
  if (!resources || typeof resources !== "object") return { ok: false, error: "No Resources section: this is not a CloudFormation template." };
  const all = Object.entries(resources as Record<string, Resource>);
  const roles = all.filter(([, r]) => r?.Type === "AWS::IAM::Role");
  if (roles.length === 0) return { ok: false, error: "The template has no AWS::IAM::Role." };
  return { ok: true, roles: roles.map(([id, role]) => importRole(id, role, all, pseudo)) };
}

function importRole(logicalId: string, role: Resource, all: [string, Resource][], pseudo: PseudoParameters): ImportedRole {
  const props = role.Properties ?? {};
  const resolution: Resolution = { unresolved: [], substituted: new Map() };
  const resolve = (value: unknown, where: string) => resolveIntrinsics(value, pseudo, where, resolution);
  const roleName = typeof props["RoleName"] === "string" ? props["RoleName"] : undefined;
  const missing: string[] = [];
  const policies: LabelledPolicy[] = [];

  const inline = Array.isArray(props["Policies"]) ? (props["Policies"] as Record<string, unknown>[]) : [];
  inline.forEach((p, i) => {
    const name = typeof p["PolicyName"] === "string" ? p["PolicyName"] : `#${i + 1}`;
    policies.push({ label: `inline ${name}`, document: resolve(p["PolicyDocument"], `${logicalId}.Policies[${i}].PolicyDocument`) });
  });

  const managed = Array.isArray(props["ManagedPolicyArns"]) ? (props["ManagedPolicyArns"] as unknown[]) : [];
  managed.forEach((arn, i) => {
    const ref = refTarget(arn);
    const target = ref ? all.find(([id, r]) => id === ref && r?.Type === "AWS::IAM::ManagedPolicy") : undefined;
    if (target) policies.push({ label: `managed ${ref}`, document: resolve(target[1].Properties?.["PolicyDocument"], `${ref}.PolicyDocument`) });
    else if (typeof arn === "string") missing.push(`managed policy ${arn}: its document is not in the template (aws iam get-policy-version)`);
    else missing.push(`ManagedPolicyArns[${i}] is ${JSON.stringify(arn)}: not a managed policy of this template`);
  });

  for (const [id, resource] of all) {
    const p = resource?.Properties ?? {};
    const attached =
      resource?.Type === "AWS::IAM::RolePolicy"
        ? namesRole(p["RoleName"], logicalId, roleName)
        : (resource?.Type === "AWS::IAM::Policy" || resource?.Type === "AWS::IAM::ManagedPolicy") && Array.isArray(p["Roles"])
          ? (p["Roles"] as unknown[]).some((r) => namesRole(r, logicalId, roleName))
          : false;
    if (!attached) continue;
    // A managed policy already reached through ManagedPolicyArns is not counted twice.
    if (policies.some((x) => x.label === `managed ${id}`)) continue;
    const kind = resource.Type === "AWS::IAM::ManagedPolicy" ? "managed" : "policy";
    policies.push({ label: `${kind} ${id}`, document: resolve(p["PolicyDocument"], `${id}.PolicyDocument`) });
  }

  const trust = props["AssumeRolePolicyDocument"] !== undefined ? { label: "trust policy", document: resolve(props["AssumeRolePolicyDocument"], `${logicalId}.AssumeRolePolicyDocument`) } : undefined;
  if (!trust) missing.push("no AssumeRolePolicyDocument");
  return {
    logicalId,
    ...(roleName ? { roleName } : {}),
    ...(trust ? { trust } : {}),
    policies,
    unresolved: [...missing, ...resolution.unresolved.map((u) => `${u.where}: ${u.what} is not resolved (its value is known only once deployed)`)],
    substituted: [...resolution.substituted].map(([name, value]) => `${name} taken as ${value}`),
  };
}

function refTarget(value: unknown): string | undefined {
  const ref = (value as { Ref?: unknown } | null)?.Ref;
  return typeof ref === "string" ? ref : undefined;
}

function namesRole(value: unknown, logicalId: string, roleName: string | undefined): boolean {
  return refTarget(value) === logicalId || (roleName !== undefined && value === roleName);
}
