import type { MappingRule } from "./schema";

/**
 * One rule of a rules-based role mapping against the ID token's claims.
 *
 * Documented (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html,
 * "Using rule-based mapping to assign roles to users"): each rule names a claim, a match type
 * (Equals, NotEqual, StartsWith, Contains), a value and a role; "If the match type is NotEqual and
 * the claim doesn't exist, the rule is not evaluated."
 *
 * Captured: a rule `cognito:groups` Contains `skills-readers-demo` gave its role to a user whose
 * token carries "cognito:groups": ["skills-readers-demo"], and a user in no group was refused
 * (ericyanpek/agentcore-private-registry-blueprint:examples/cognito-end-to-end/README.md, a run
 * against AWS). So Contains matches an array claim that has the value as an element.
 *
 * Not documented, so marked unconfirmed where it decides the outcome: the other comparisons on an
 * array (taken here as: any element matches; NotEqual when no element equals) and a claim that is
 * a boolean or number (taken as its text, "true"). Comparisons are case-sensitive, as "Equals"
 * reads (inferred).
 */

export interface RuleEvaluation {
  /** Position in RulesConfiguration.Rules, from 0. */
  readonly index: number;
  readonly rule: MappingRule;
  readonly matched: boolean;
  /** The claim's value as the token carries it; undefined when the token lacks the claim. */
  readonly claimValue: unknown;
  /** Why the rule did (not) match, in words a user can check against the token. */
  readonly because: string;
  /** Set when the outcome rests on a comparison no AWS source describes. */
  readonly unconfirmed?: string;
}

const UNCONFIRMED_ARRAY = "how a rule compares a claim that is an array (e.g. cognito:groups) is documented nowhere; only Contains with a whole element is seen on AWS";
const UNCONFIRMED_SCALAR = "how a rule compares a claim that is not a string (a boolean or number) is not documented";

function compare(type: MappingRule["MatchType"], actual: string, expected: string): boolean {
  switch (type) {
    case "Equals":
      return actual === expected;
    case "NotEqual":
      return actual !== expected;
    case "StartsWith":
      return actual.startsWith(expected);
    case "Contains":
      return actual.includes(expected);
  }
}

const show = (value: unknown) => JSON.stringify(value);

export function evaluateRule(rule: MappingRule, index: number, claims: Readonly<Record<string, unknown>>): RuleEvaluation {
  const base = { index, rule, claimValue: claims[rule.Claim] };
  const value = claims[rule.Claim];
  if (value === undefined || value === null) {
    const because =
      rule.MatchType === "NotEqual"
        ? `the token has no ${rule.Claim} claim, and a NotEqual rule on a missing claim is not evaluated`
        : `the token has no ${rule.Claim} claim`;
    return { ...base, matched: false, because };
  }
  if (Array.isArray(value)) {
    const items = value.map(String);
    const matched = rule.MatchType === "NotEqual" ? items.every((item) => item !== rule.Value) : items.some((item) => compare(rule.MatchType, item, rule.Value));
    const captured = rule.MatchType === "Contains" && items.includes(rule.Value);
    return {
      ...base,
      matched,
      because: `${rule.Claim} is ${show(value)}: ${rule.MatchType} ${show(rule.Value)} ${matched ? "holds" : "does not hold"} for ${rule.MatchType === "NotEqual" ? "every element" : "an element"}`,
      ...(captured ? {} : { unconfirmed: UNCONFIRMED_ARRAY }),
    };
  }
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  const matched = compare(rule.MatchType, text, rule.Value);
  return {
    ...base,
    matched,
    because: `${rule.Claim} is ${show(value)}: ${rule.MatchType} ${show(rule.Value)} ${matched ? "holds" : "does not hold"}`,
    ...(typeof value === "string" ? {} : { unconfirmed: UNCONFIRMED_SCALAR }),
  };
}
