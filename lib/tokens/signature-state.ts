import type { Check } from "./checks";

/**
 * Where a token's signature stands, in one word the pages can put next to any verdict: verified
 * against the issuer's published keys, failed (the keys were read and the token does not match
 * them), or not verified (the keys could not be read, or nobody asked).
 */
export type SignatureState =
  | { readonly state: "verified"; readonly detail: string }
  | { readonly state: "failed"; readonly detail: string }
  | { readonly state: "not verified"; readonly detail: string };

/**
 * Reads verifyToken's signature, alg and kid rows. A forged or edited token fails; a token whose
 * keys could not be fetched is only "not verified", since nothing was learnt about it.
 */
export function signatureStateOf(checks: readonly Check[]): SignatureState {
  const signature = checks.find((c) => c.name === "signature");
  const alg = checks.find((c) => c.name === "alg");
  if (!signature) return { state: "not verified", detail: "The signature was not checked." };
  if (signature.status === "pass") {
    // A valid signature under an algorithm Cognito never uses is still not a Cognito token.
    return alg?.status === "fail" ? { state: "failed", detail: alg.message } : { state: "verified", detail: signature.message };
  }
  // verifyToken's `actual` says what happened: null when the keys could not be had at all.
  if (signature.actual === null) return { state: "not verified", detail: signature.message.replace(/^Not checked: /, "") };
  if (signature.actual === "invalid" || signature.actual === "no matching key" || alg?.status === "fail") {
    return { state: "failed", detail: signature.message };
  }
  return { state: "not verified", detail: signature.message };
}

/** "verified", "failed" or "not verified", as a sentence's start: "Signature verified". */
export function describeSignature(signature: SignatureState): string {
  switch (signature.state) {
    case "verified":
      return "Signature verified against the issuer's published keys (JWKS).";
    case "failed":
      return `Signature failed: ${signature.detail}`;
    case "not verified":
      return `Signature not verified (${signature.detail.replace(/\.$/, "")}): this prediction covers the claims only and assumes the signature is valid.`;
  }
}
