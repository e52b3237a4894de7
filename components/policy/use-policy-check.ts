"use client";

import { useEffect, useMemo, useState } from "react";
import type { Environment } from "@/lib/config/environment";
import { apiIdFromUrl, checkCall, checkTrust, identityAmr, preparePolicies, requiredCalls, type CallVerdict, type TrustVerdict } from "@/lib/policy-check";
import { roleArnOf } from "@/lib/identity/explain";
import { AppError } from "@/lib/errors";
import { pretty, readPolicy, splitList } from "./parse-inputs";

/** What the page knows about the signed-in identity when it opens; every field stays editable. */
export interface KnownIdentity {
  sub?: string;
  identityId?: string;
  callerArn?: string;
  account?: string;
  flow?: "enhanced" | "basic";
}

export interface Operations {
  query: string;
  subscription: string;
  trigger: string;
}

/**
 * The role check's state: the role's policies (prefilled from the sandbox's role when the
 * environment is a sandbox one), the identity and the resource facts, and the verdicts, worked
 * out again whenever one of them changes. Nothing here leaves the browser.
 */
export function usePolicyCheck(environment: Environment, known: KnownIdentity, operations: Operations) {
  const sandboxRole = environment.sandboxFacts?.roles.find((r) => r.kind === (known.sub ? "authenticated" : "unauthenticated"));
  const [trustText, setTrustText] = useState(() => (sandboxRole ? pretty(sandboxRole.trustPolicy) : ""));
  const [policyTexts, setPolicyTexts] = useState<string[]>(() => (sandboxRole?.policies.length ? sandboxRole.policies.map(pretty) : [""]));
  const [identityPoolId, setIdentityPoolId] = useState(environment.identityPoolId ?? "");
  const [amrText, setAmrText] = useState(() => identityAmr(environment.region, environment.userPoolId, known.sub).join(", "));
  const [identityId, setIdentityId] = useState(known.identityId ?? "");
  const [flow, setFlow] = useState<"enhanced" | "basic">(known.flow ?? "enhanced");
  const [account, setAccount] = useState(known.account ?? environment.sandboxFacts?.accountId ?? "");
  const api = environment.appSync[0];
  const urlApiId = api ? apiIdFromUrl(api.url) : { fromHost: false };
  const [apiId, setApiId] = useState(urlApiId.apiId ?? "");
  const [ops, setOps] = useState<Operations>(operations);
  // The identity id and the account arrive once the credentials are in: fill them unless typed over.
  useEffect(() => {
    if (known.identityId) setIdentityId((current) => current || known.identityId!);
  }, [known.identityId]);
  useEffect(() => {
    if (known.account) setAccount((current) => current || known.account!);
  }, [known.account]);
  useEffect(() => {
    if (known.flow) setFlow(known.flow);
  }, [known.flow]);

  const result = useMemo(() => {
    const problems: string[] = [];
    const trust = readPolicy("trust policy", trustText);
    problems.push(...trust.problems);
    const permissions = policyTexts.map((text, i) => readPolicy(`policy ${i + 1}`, text));
    problems.push(...permissions.flatMap((p) => p.problems));
    const amr = splitList(amrText);
    let trustVerdict: TrustVerdict | undefined;
    let calls: CallVerdict[] = [];
    try {
      if (trust.policy && identityPoolId.trim()) {
        trustVerdict = checkTrust(trust.policy, {
          identityPoolId: identityPoolId.trim(),
          amr,
          flow,
          ...(identityId.trim() ? { identityId: identityId.trim() } : {}),
          ...(known.callerArn && roleArnOf(known.callerArn) ? { roleArn: roleArnOf(known.callerArn)! } : {}),
        });
      }
      const policies = preparePolicies(permissions.flatMap((p) => (p.policy ? [p.policy] : [])));
      const needed = requiredCalls({ environment, account, appSyncApiId: apiId, ...ops });
      if (policies.length > 0) {
        calls = needed.map((call) =>
          checkCall(call, policies, {
            ...(known.callerArn ? { principalArn: known.callerArn } : {}),
            ...(account.trim() ? { account: account.trim() } : {}),
            ...(identityPoolId.trim() ? { identityPoolId: identityPoolId.trim() } : {}),
            ...(identityId.trim() ? { identityId: identityId.trim() } : {}),
            amr,
          }),
        );
      }
      return { problems, trust: trustVerdict, calls, needed };
    } catch (error) {
      return { problems: [...problems, error instanceof AppError ? error.message : String(error)], trust: undefined, calls: [], needed: [] };
    }
  }, [trustText, policyTexts, identityPoolId, amrText, identityId, flow, account, apiId, ops, environment, known.callerArn]);

  return {
    sandboxRole,
    inputs: { trustText, setTrustText, policyTexts, setPolicyTexts, identityPoolId, setIdentityPoolId, amrText, setAmrText, identityId, setIdentityId, flow, setFlow, account, setAccount, apiId, setApiId, apiIdFromHost: urlApiId.fromHost && apiId === urlApiId.apiId, ops, setOps },
    result,
  };
}
