import { createHash } from "node:crypto";
import { z } from "zod";
import { formatIssue, parsePolicyDocument, type PolicyDocument } from "../../lib/iam";

/**
 * IAM roles as scenarios declare them: the role's ARN, its trust policy (who may assume it) and
 * its permission policies (what its sessions may do). Policies are checked with lib/iam's own
 * grammar, so a scenario with a misspelt policy element fails at startup naming the statement,
 * instead of silently denying at request time.
 */

/** `arn:aws:iam::{account}:role/{path/}{name}`; IAM role names are up to 64 of [\w+=,.@-]. */
export const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

export const roleArnSchema = z.string().regex(ROLE_ARN_PATTERN, "role ARN must look like arn:aws:iam::123456789012:role/my-role");

/** A policy document, validated and normalised by lib/iam; every problem becomes a zod issue. */
export const policySchema = z.unknown().transform((value, ctx): PolicyDocument => {
  const result = parsePolicyDocument(value);
  if (result.ok) return result.policy;
  for (const issue of result.issues) ctx.addIssue({ code: "custom", message: formatIssue(issue) });
  return z.NEVER;
});

export const roleSchema = z.strictObject({
  arn: roleArnSchema,
  description: z.string().max(1000).optional(),
  trustPolicy: policySchema,
  policies: z.array(policySchema).default([]),
  // IAM's limits for a role's maximum session: 1 to 12 hours.
  maxSessionDurationSeconds: z.number().int().min(3600).max(43_200).default(3600),
});

type ScenarioRole = z.infer<typeof roleSchema>;

export interface RoleRecord {
  readonly arn: string;
  readonly name: string;
  readonly accountId: string;
  /** `AROA` + 17 characters, as IAM's unique role ids look; stable per ARN across restarts. */
  readonly roleId: string;
  readonly trustPolicy: PolicyDocument;
  readonly policies: readonly PolicyDocument[];
  readonly maxSessionSeconds: number;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Deterministic uppercase base32 text from a seed: ids that look like AWS's and never change. */
export function base32Id(seed: string, length: number): string {
  const digest = createHash("sha256").update(seed).digest();
  let out = "";
  for (let i = 0; out.length < length; i++) out += BASE32[digest[i % digest.length]! % 32];
  return out;
}

export class RoleStore {
  private readonly byArn = new Map<string, RoleRecord>();

  /** Takes each scenario's `roles` (a scenario is passed whole; only its roles are read). */
  constructor(scenarios: readonly { roles: readonly ScenarioRole[] }[]) {
    for (const scenario of scenarios) {
      for (const role of scenario.roles) {
        const [, accountId = "", name = ""] = ROLE_ARN_PATTERN.exec(role.arn) ?? [];
        this.byArn.set(role.arn, {
          arn: role.arn,
          name,
          accountId,
          roleId: `AROA${base32Id(`role:${role.arn}`, 17)}`,
          trustPolicy: role.trustPolicy,
          policies: role.policies,
          maxSessionSeconds: role.maxSessionDurationSeconds,
        });
      }
    }
  }

  role(arn: string): RoleRecord | undefined {
    return this.byArn.get(arn);
  }
}
