import type { AuthorizerTest, CloudTrailVerdict, Signal } from "./types";

/**
 * Short constructors for rule files, so a rule reads as a table of evidence. The weight scale:
 *
 *   10  AWS's verbatim wording for exactly this cause ("Claim 'client_id' value mismatch …")
 *   8   a distinctive exception name or phrase that almost always means this cause
 *   6   specific, but shared with one or two neighbouring causes
 *   4   a strong hint (the service's own generic refusal, a telling config value)
 *   2-3 context: which credential variant, token kind, authorizer or CloudTrail verdict
 *   1   a generic word ("Unauthorized", "AccessDenied", a bare 401)
 *
 * A rule needs MIN_SCORE and at least one signal of weight ≥ 3 (engine.ts), so generic words can
 * only add to real evidence, never make a diagnosis on their own.
 */

export const W = { verbatim: 10, strong: 8, specific: 6, hint: 4, context: 3, weak: 2, generic: 1 } as const;

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** A literal phrase, matched case-insensitively; its own lower-cased text is the anchor. */
export function phrase(text: string, weight: number, detail: string): Signal {
  return { kind: "message", anchor: text.toLowerCase(), pattern: text.replace(REGEX_SPECIAL, "\\$&"), weight, detail };
}

/** A regex over the text; `anchor` is a lower-case literal every match contains. */
export function msg(anchor: string, pattern: string, weight: number, detail: string): Signal {
  return { kind: "message", anchor, pattern, weight, detail };
}

/**
 * A thing the failure involves, as people name it in prose ("API Gateway", "access token"): weak
 * alone, but three of one rule's concepts together stand in for one strong signal (engine.ts).
 */
export function concept(anchor: string, pattern: string, detail: string): Signal {
  return { kind: "message", anchor, pattern, weight: W.weak, detail: `mentions ${detail}`, concept: true };
}

/** An error code / exception name, wherever it appears (errorType, x-amzn-ErrorType, __type, text). */
export function code(name: string, weight: number, detail: string): Signal {
  return { kind: "code", anchor: name.toLowerCase(), pattern: `\\b${name.replace(REGEX_SPECIAL, "\\$&")}\\b`, weight, detail };
}

export function header(name: string, anchor: string, pattern: string, weight: number, detail: string): Signal {
  return { kind: "header", name: name.toLowerCase(), anchor, pattern, weight, detail };
}

export function status(values: readonly number[], weight: number, detail: string): Signal {
  return { kind: "status", values, weight, detail };
}

/** Variant names or families: "iam" covers every SigV4 variant, "jwt" every bearer-token one. */
export function variant(values: readonly string[], weight: number, detail: string): Signal {
  return { kind: "variant", values, weight, detail };
}

export function tokenUse(values: readonly ("id" | "access")[], weight: number, detail: string): Signal {
  return { kind: "tokenUse", values, weight, detail };
}

export function authorizer(test: AuthorizerTest, weight: number, detail: string): Signal {
  return { kind: "authorizer", test, weight, detail };
}

export function trail(values: readonly CloudTrailVerdict[], weight: number, detail: string): Signal {
  return { kind: "cloudTrail", values, weight, detail };
}
