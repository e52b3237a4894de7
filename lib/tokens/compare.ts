import type { DecodedToken } from "./decode";
import { show } from "./checks";
import { isCognitoClaim } from "./claims";

/**
 * Side-by-side of two tokens — typically the one that works and the one that doesn't, or the ID
 * and access token of one sign-in. Notes say which differences are normal for Cognito, so the
 * eye goes to the ones that aren't.
 */

export type CompareStatus = "same" | "different" | "onlyA" | "onlyB";

export interface CompareRow {
  readonly section: "header" | "claims";
  readonly name: string;
  readonly status: CompareStatus;
  /** Display strings; null when the side lacks the field. */
  readonly a: string | null;
  readonly b: string | null;
  readonly note: string | null;
}

/** Differ on every issuance, so a difference means nothing by itself. */
const PER_ISSUANCE = new Set(["jti", "iat", "exp", "at_hash", "nonce"]);

export function compareTokens(a: DecodedToken, b: DecodedToken): CompareRow[] {
  const idAndAccess = a.tokenUse !== b.tokenUse && a.tokenUse !== "unknown" && b.tokenUse !== "unknown";
  const rows: CompareRow[] = [];
  const sections = [
    ["header", a.header, b.header],
    ["claims", a.claims, b.claims],
  ] as const;
  for (const [section, left, right] of sections) {
    const l = left as Record<string, unknown>;
    const r = right as Record<string, unknown>;
    for (const name of orderedUnion(Object.keys(l), Object.keys(r))) {
      const inA = Object.hasOwn(l, name);
      const inB = Object.hasOwn(r, name);
      const av = inA ? show(l[name]) : null;
      const bv = inB ? show(r[name]) : null;
      const status: CompareStatus = !inB ? "onlyA" : !inA ? "onlyB" : av === bv ? "same" : "different";
      const onlyIn = status === "onlyA" ? a.tokenUse : status === "onlyB" ? b.tokenUse : null;
      rows.push({ section, name, status, a: av, b: bv, note: noteFor(section, name, status, idAndAccess, onlyIn) });
    }
  }
  return rows;
}

function orderedUnion(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function noteFor(section: "header" | "claims", name: string, status: CompareStatus, idAndAccess: boolean, onlyIn: DecodedToken["tokenUse"] | null): string | null {
  if (section === "header") {
    if (name === "kid" && status === "different") {
      return idAndAccess
        ? "Normal: Cognito signs ID and access tokens with different keys."
        : "Signed by different keys: different pools, or a key rotation.";
    }
    return null;
  }
  if (status === "same") {
    if (name === "event_id") return "Same authentication event: issued together.";
    if (name === "origin_jti") return "Same sign-in session.";
    return null;
  }
  if (PER_ISSUANCE.has(name)) return "Differs on every issuance.";
  if (name === "token_use" && idAndAccess) return "One ID token and one access token.";
  if (idAndAccess && ["aud", "client_id", "scope", "username", "cognito:username", "version"].includes(name)) {
    return "Expected between an ID and an access token: ID tokens carry aud and cognito:username, access tokens client_id, scope and username.";
  }
  // A pre token generation trigger of event version V1_0 writes the ID token only; access tokens
  // need V2_0 or V3_0 (Cognito developer guide, "Pre token generation Lambda trigger").
  if (idAndAccess && onlyIn === "id" && !isCognitoClaim(name)) {
    return "Only in the ID token, as user attributes and claims a V1_0 pre token generation trigger adds are. Whatever reads the access token " +
      "(AgentCore customClaims, an API's own check) never sees it: a trigger writes access tokens only as V2_0 or V3_0 (accessTokenGeneration).";
  }
  if (idAndAccess && status !== "different") return "User attributes appear only in ID tokens.";
  if (name === "iss") return "Different issuers: the tokens come from different user pools or environments.";
  if (name === "sub") return "Different users.";
  if (name === "event_id") return "Issued by different sign-ins or refreshes.";
  if (name === "origin_jti") return "From different sign-in sessions.";
  return null;
}
