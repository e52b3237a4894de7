"use client";

import { useEffect, useMemo, useState } from "react";
import type { Environment } from "@/lib/config/environment";
import { apiIdFromUrl } from "@/lib/policy-check/ids";
import type { CheckResult } from "./engine";
import { pretty } from "./pretty";
import type { KnownIdentity, Operations } from "./types";

export type { KnownIdentity, Operations };

type Engine = typeof import("./engine");

/**
 * The role check's state: the role's policies (prefilled from the sandbox's role when the
 * environment is a sandbox one), the identity and the resource facts, and the verdicts, worked
 * out again whenever one of them changes. Nothing here leaves the browser.
 */
export function usePolicyCheck(environment: Environment, known: KnownIdentity, operations: Operations) {
  const sandboxRole = environment.sandboxFacts?.roles.find((r) => r.kind === (known.sub ? "authenticated" : "unauthenticated"));
  const [engine, setEngine] = useState<Engine>();
  const [trustText, setTrustText] = useState(() => (sandboxRole ? pretty(sandboxRole.trustPolicy) : ""));
  const [policyTexts, setPolicyTexts] = useState<string[]>(() => (sandboxRole?.policies.length ? sandboxRole.policies.map(pretty) : [""]));
  const [identityPoolId, setIdentityPoolId] = useState(environment.identityPoolId ?? "");
  const [amrText, setAmrText] = useState("");
  const [identityId, setIdentityId] = useState(known.identityId ?? "");
  const [flow, setFlow] = useState<"enhanced" | "basic">(known.flow ?? "enhanced");
  const [account, setAccount] = useState(known.account ?? environment.sandboxFacts?.accountId ?? "");
  const api = environment.appSync[0];
  const urlApiId = api ? apiIdFromUrl(api.url) : { fromHost: false };
  const [apiId, setApiId] = useState(urlApiId.apiId ?? "");
  const [ops, setOps] = useState<Operations>(operations);

  useEffect(() => {
    let current = true;
    void import("./engine").then((loaded) => {
      if (!current) return;
      setEngine(loaded);
      // The signed-in user's amr as Cognito builds it (or a guest's), unless typed already.
      setAmrText((typed) => typed || loaded.identityAmr(environment.region, environment.userPoolId, known.sub).join(", "));
    });
    return () => {
      current = false;
    };
  }, [environment.region, environment.userPoolId, known.sub]);
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

  const result = useMemo<CheckResult | undefined>(
    () =>
      engine?.evaluateInputs({
        environment,
        trustText,
        policyTexts,
        identityPoolId,
        amrText,
        identityId,
        flow,
        account,
        apiId,
        ops,
        ...(known.callerArn ? { callerArn: known.callerArn } : {}),
      }),
    [engine, trustText, policyTexts, identityPoolId, amrText, identityId, flow, account, apiId, ops, environment, known.callerArn],
  );

  return {
    sandboxRole,
    inputs: { trustText, setTrustText, policyTexts, setPolicyTexts, identityPoolId, setIdentityPoolId, amrText, setAmrText, identityId, setIdentityId, flow, setFlow, account, setAccount, apiId, setApiId, apiIdFromHost: urlApiId.fromHost && apiId === urlApiId.apiId, ops, setOps },
    result,
  };
}
