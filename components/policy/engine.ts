import type { Environment } from "@/lib/config/environment";
import { checkCall, checkTrust, identityAmr, preparePolicies, requiredCalls, type CallVerdict, type RequiredCall, type TrustVerdict } from "@/lib/policy-check";
import { roleArnOf } from "@/lib/identity/explain";
import { AppError } from "@/lib/errors";
import { readPolicy, splitList } from "./parse-inputs";
import type { Operations } from "./types";

/**
 * The evaluation behind the role check page, loaded once the page is up (the policy grammar, the
 * evaluator and GraphQL's parser are not needed to draw it).
 */

export interface CheckInputs {
  environment: Environment;
  trustText: string;
  policyTexts: string[];
  identityPoolId: string;
  amrText: string;
  identityId: string;
  flow: "enhanced" | "basic";
  account: string;
  apiId: string;
  ops: Operations;
  callerArn?: string;
}

export interface CheckResult {
  problems: string[];
  trust?: TrustVerdict;
  calls: CallVerdict[];
  needed: RequiredCall[];
}

export function evaluateInputs(i: CheckInputs): CheckResult {
  const problems: string[] = [];
  const trust = readPolicy("trust policy", i.trustText);
  problems.push(...trust.problems);
  const permissions = i.policyTexts.map((text, n) => readPolicy(`policy ${n + 1}`, text));
  problems.push(...permissions.flatMap((p) => p.problems));
  const amr = splitList(i.amrText);
  const pool = i.identityPoolId.trim();
  const identityId = i.identityId.trim();
  const account = i.account.trim();
  const roleArn = i.callerArn ? roleArnOf(i.callerArn) : undefined;
  try {
    const trustVerdict = trust.policy && pool ? checkTrust(trust.policy, { identityPoolId: pool, amr, flow: i.flow, ...(identityId ? { identityId } : {}), ...(roleArn ? { roleArn } : {}) }) : undefined;
    const policies = preparePolicies(permissions.flatMap((p) => (p.policy ? [p.policy] : [])));
    const needed = requiredCalls({ environment: i.environment, account, appSyncApiId: i.apiId, ...i.ops });
    const identity = {
      ...(i.callerArn ? { principalArn: i.callerArn } : {}),
      ...(account ? { account } : {}),
      ...(pool ? { identityPoolId: pool } : {}),
      ...(identityId ? { identityId } : {}),
      amr,
    };
    const calls = policies.length > 0 ? needed.map((call) => checkCall(call, policies, identity)) : [];
    return { problems, ...(trustVerdict ? { trust: trustVerdict } : {}), calls, needed };
  } catch (error) {
    return { problems: [...problems, error instanceof AppError ? error.message : String(error)], calls: [], needed: [] };
  }
}

export { identityAmr };
export { importTemplate } from "@/lib/policy-check";
