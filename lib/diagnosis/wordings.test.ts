import { describe, expect, it } from "vitest";
import { diagnose } from "./engine";
import { RULES } from "./rules";
import { CASES } from "./test-support";
import { wildCorpus } from "./test-support/wild";

/**
 * No rule is keyed to a single sentence: each one must name its cause first for at least two
 * different real wordings — texts from public threads (the wild corpus's tuning part; held-out
 * texts are never used to check rules) or the labelled seed/real cases, which quote seeds, AWS
 * documentation and public issues.
 */

const normalise = (t: string) => t.replace(/\s+/g, " ").trim().toLowerCase();

function realWordings(ruleId: string): string[] {
  const wild = wildCorpus()
    .filter((e) => e.split === "tuning" && (e.rule === ruleId || e.alsoAcceptable === ruleId))
    .map((e) => e.text);
  const labelled = CASES.filter((c) => c.kind !== "near-miss" && c.rule === ruleId).flatMap((c) =>
    typeof c.input === "string" ? [c.input] : c.input.text !== undefined && c.input.variant === undefined && c.input.authorizer === undefined ? [c.input.text] : [],
  );
  return [...new Map([...wild, ...labelled].map((t) => [normalise(t), t])).values()];
}

/**
 * Rules that cannot show two public wordings yet, each with why. The test fails when one of them
 * gains a second wording (move it out) or when any other rule drops below two.
 */
const FEWER_THAN_TWO: Readonly<Record<string, string>> = {
  "cloudtrail-no-assume-role": "decided by the CloudTrail verdict (no event), not by words",
  "appsync-events-namespace-auth-mode": "decided by the test call (an Event API cell) and AppSync's generic words; no public capture of an Event API namespace's refusal yet",
  "appsync-auth-mode-missing": "decided by the API's authorization modes and the credential sent; AppSync's words are those of other causes",
  "agentcore-gateway-policy-iam": "one wording known (seed 000, Policy Evaluation Internal Failure); no public report yet",
  "agentcore-gateway-jwt-rejected": "one wording known (the gateway's JSON-RPC -32001 answer); no public capture with a settled cause yet",
  "agentcore-runtime-session-conflict": "one wording known (the service model's RetryableConflictException text); no public capture of InvokeAgentRuntime's 409 yet",
};

describe("each rule matches different real wordings", () => {
  it.each(RULES.filter((r) => !(r.id in FEWER_THAN_TWO)).map((r) => [r.id] as const))("%s", (id) => {
    const named = realWordings(id).filter((text) => diagnose(text)[0]?.id === id);
    expect(named.length, `real wordings naming ${id} first: ${named.map((t) => JSON.stringify(t.slice(0, 60))).join(", ")}`).toBeGreaterThanOrEqual(2);
  });
});

describe("rules with fewer than two public wordings", () => {
  it.each(Object.entries(FEWER_THAN_TWO))("%s: %s", (id) => {
    expect(RULES.some((r) => r.id === id), `${id} is not a rule`).toBe(true);
    const named = realWordings(id).filter((text) => diagnose(text)[0]?.id === id);
    expect(named.length, `${id} now has ${named.length} real wordings: move it out of FEWER_THAN_TWO`).toBeLessThan(2);
  });
});
