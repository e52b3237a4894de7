"use client";

import { useEffect, useState } from "react";
import type { DecodedToken } from "@/lib/tokens/decode";
import { signatureStateOf, type SignatureState } from "@/lib/tokens/signature-state";
import { verifyToken } from "@/lib/tokens/verify";
import { jwksCache } from "./jwks-client";

/**
 * A token's signature, checked as soon as the token is on the page: the status strip and every
 * verdict say whether it is verified, failed or not verified without waiting for "Verify". Only
 * the issuer's public keys are fetched (by the browser, else through this dashboard's server,
 * which reaches Cognito and the configured sandbox only); the token itself goes nowhere.
 */
export type SignatureView = SignatureState | { readonly state: "checking" } | { readonly state: "not checked"; readonly detail: string };

/** Settled answers by token, so the strip and the panel share one check. Failures to fetch are not kept. */
const settled = new Map<string, SignatureState>();
const MAX_SETTLED = 32;

function check(token: DecodedToken): Promise<SignatureState> {
  const known = settled.get(token.raw);
  if (known) return Promise.resolve(known);
  return verifyToken(token, { issuer: null, clientId: null, tokenUse: null }, { getJwks: jwksCache.getJwks })
    .then((result) => signatureStateOf(result.checks))
    .catch((error: Error): SignatureState => ({ state: "not verified", detail: error.message }))
    .then((state) => {
      if (state.state !== "not verified") {
        if (settled.size >= MAX_SETTLED) settled.delete(settled.keys().next().value!);
        settled.set(token.raw, state);
      }
      return state;
    });
}

/**
 * Tokens from a Cognito-shaped issuer (AWS's hosts, or the sandbox's) are checked at once; for any
 * other issuer the page would be asked to fetch from a host named only by the pasted token, so
 * that waits for "Verify".
 */
export function useSignature(token: DecodedToken | undefined): SignatureView {
  const [view, setView] = useState<{ raw: string; state: SignatureView } | null>(null);
  const raw = token?.raw;
  const automatic = token?.kind === "cognito";
  useEffect(() => {
    if (!token || !automatic) return;
    let current = true;
    void check(token).then((state) => current && setView({ raw: token.raw, state }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- raw stands for the token
  }, [raw, automatic]);
  if (!token) return { state: "not checked", detail: "no token" };
  if (!automatic) {
    return { state: "not checked", detail: `${token.issuer ?? "the token names no issuer"} is not a Cognito user pool issuer; Verify fetches its keys` };
  }
  return view && view.raw === token.raw ? view.state : { state: "checking" };
}

/** The view as a short phrase for the strip: "signature verified". */
export function signaturePhrase(view: SignatureView): string {
  switch (view.state) {
    case "checking":
      return "signature: checking…";
    case "not checked":
      return `signature not checked (${view.detail})`;
    case "not verified":
      return `signature not verified (${view.detail.replace(/\.$/, "")})`;
    default:
      return `signature ${view.state}`;
  }
}

/** What a prediction rests on: nothing yet while checking; a check nobody made counts as not verified. */
export function settledSignature(view: SignatureView): SignatureState | undefined {
  if (view.state === "checking") return undefined;
  return view.state === "not checked" ? { state: "not verified", detail: view.detail } : view;
}
