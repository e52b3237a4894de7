"use client";

import { useEffect } from "react";
import type { Environment } from "@/lib/config/environment";
import { ensureCredentials, useCredentials } from "@/components/credentials/credentials-store";

export interface CredentialFacts {
  identityId?: string;
  flow?: "enhanced" | "basic";
  callerArn?: string;
}

/**
 * Fetches (or reuses) the identity-pool credentials and hands the page what the role check needs
 * from them: identity id, flow, caller ARN. Loaded after the page, as the Session page loads its
 * credentials panel, so the identity clients are not part of the first load.
 */
export default function CredentialsReader({ environment, idToken, onChange }: { environment: Environment; idToken?: string; onChange: (facts: CredentialFacts) => void }) {
  const credentials = useCredentials();
  useEffect(() => {
    if (idToken && environment.identityPoolId) void ensureCredentials(environment, idToken);
  }, [environment, idToken]);
  const ok = credentials.status === "ok" ? credentials : undefined;
  const identityId = ok?.credentials.identityId;
  const flow = ok?.credentials.flow;
  const callerArn = ok?.callerArn;
  useEffect(() => {
    onChange({ ...(identityId ? { identityId } : {}), ...(flow ? { flow } : {}), ...(callerArn ? { callerArn } : {}) });
  }, [identityId, flow, callerArn, onChange]);
  return null;
}
