"use client";

import { useEffect } from "react";
import { useCredentials } from "@/components/credentials/credentials-store";

/**
 * Loaded on demand (next/dynamic) so the AWS SDK behind the credentials store is not part of
 * /cloudtrail's first load: reports the identity id and access key id of the session's identity-pool
 * credentials, when the calls page or the session view has fetched them.
 */
export default function SessionPrefill({ onSession }: { onSession: (session: { identityId: string; accessKeyId: string } | null) => void }) {
  const state = useCredentials();
  const identityId = state.status === "ok" ? state.credentials.identityId : undefined;
  const accessKeyId = state.status === "ok" ? state.credentials.accessKeyId : undefined;
  useEffect(() => {
    onSession(identityId && accessKeyId ? { identityId, accessKeyId } : null);
  }, [identityId, accessKeyId, onSession]);
  return null;
}
