import { evaluateRule, type RuleEvaluation } from "./match";
import type { IdentityPoolRoles, RoleMapping } from "./schema";

/**
 * Which IAM role an identity pool gives a signed-in user in the enhanced flow
 * (GetCredentialsForIdentity), and why — shared by the sandbox (which answers with it) and the
 * dashboard and CLI (which predict it from a token and a pasted get-identity-pool-roles output).
 *
 * The order is AWS's, from the developer guide
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html):
 *  - No role mapping for the provider: the pool's authenticated role.
 *  - Token: "Use the GetCredentialsForIdentity CustomRoleArn parameter if it is set and it matches a
 *    role in the cognito:roles claim. If this parameter doesn't match a role in cognito:roles, deny
 *    access." Else "If the cognito:preferred_role claim is set, use it." Else AmbiguousRoleResolution.
 *  - Rules: "Rules are evaluated in order, and the IAM role for the first matching rule is used,
 *    unless CustomRoleArn is specified to override the order." "If no rules match, the Role resolution
 *    setting is applied to either Use default Authenticated role or DENY."
 * Only the enhanced flow applies mappings: in the basic flow "your application selects the IAM role
 * that you want the user to assume" (https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html).
 */

export type RoleVia =
  | "authenticated-role"
  | "unauthenticated-role"
  | "rule"
  | "preferred-role"
  | "custom-role-arn"
  | "ambiguous-authenticated-role";

export type DenyReason = "ambiguous-deny" | "custom-role-not-in-token" | "custom-role-not-matched" | "no-role";

/** What GetCredentialsForIdentity answers when the mapping refuses. */
export interface MappingRefusal {
  readonly errorType: string;
  readonly message: string;
  /** Set when no public source shows this answer: what is not confirmed. */
  readonly unconfirmed?: string;
}

export type RoleChoice =
  | { readonly outcome: "role"; readonly roleArn: string; readonly via: RoleVia; readonly explanation: string; readonly rules: readonly RuleEvaluation[]; readonly ruleIndex?: number; readonly unconfirmed?: string }
  | { readonly outcome: "denied"; readonly reason: DenyReason; readonly explanation: string; readonly rules: readonly RuleEvaluation[]; readonly refusal: MappingRefusal };

export interface RoleChoiceInput {
  readonly roles: IdentityPoolRoles;
  /** The RoleMappings key of the user's provider: `cognito-idp.{region}.amazonaws.com/{poolId}:{clientId}`. */
  readonly mappingKey: string;
  /** The provider as the Logins key names it (`cognito-idp.{region}.amazonaws.com/{poolId}`), for the refusal's text. */
  readonly providerName: string;
  /** The ID token's claims; undefined for a guest. */
  readonly claims: Readonly<Record<string, unknown>> | undefined;
  readonly customRoleArn?: string;
}

/**
 * Captured: "NotAuthorizedException: The ambiguous role mapping rules for: accounts.google.com denied
 * this request." (aws-amplify/amplify-js#3621, a Rules mapping that matched nothing, resolution Deny),
 * and for a user pool login "error code: NotAuthorizedException message: The ambiguous role mapping
 * rules for: ... denied this request." (ericyanpek/agentcore-private-registry-blueprint:
 * examples/cognito-end-to-end/README.md, the provider elided). Which provider name follows "for:"
 * for a user pool login is therefore not confirmed.
 */
export const ambiguousDenied = (providerName: string): MappingRefusal => ({
  errorType: "NotAuthorizedException",
  message: `The ambiguous role mapping rules for: ${providerName} denied this request.`,
  unconfirmed: "which provider name AWS puts after \"for:\" for a user pool login (captured only for accounts.google.com)",
});

/** Documented as "deny access"; AWS's error name and words for it are not confirmed by any source. */
export const customRoleRefused = (customRoleArn: string, why: string): MappingRefusal => ({
  errorType: "NotAuthorizedException",
  message: `CustomRoleArn ${customRoleArn} ${why} (sandbox description; AWS's wording is not known).`,
  unconfirmed: "AWS's error name and message when CustomRoleArn is not among the roles the mapping allows",
});

/**
 * Inferred: with no role to assume Cognito answers as it does for a pool without roles
 * (InvalidIdentityPoolConfigurationException, seed 001 and amazon-cognito-auth-js#196).
 */
const noRole: MappingRefusal = {
  errorType: "InvalidIdentityPoolConfigurationException",
  message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
};

/** cognito:roles as tokens carry it: an array of ARNs (captured, aws/aws-sdk-net#943); the guide also calls it a comma-separated string. */
export function tokenRoles(claims: Readonly<Record<string, unknown>>): string[] {
  const value = claims["cognito:roles"];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return value.split(",").map((v) => v.trim()).filter(Boolean);
  return [];
}

export function chooseRole(input: RoleChoiceInput): RoleChoice {
  const authenticated = input.roles.Roles["authenticated"];
  if (!input.claims) {
    const guest = input.roles.Roles["unauthenticated"];
    return guest
      ? { outcome: "role", roleArn: guest, via: "unauthenticated-role", explanation: "A guest (no Logins) gets the pool's unauthenticated role; role mappings apply to signed-in providers only.", rules: [] }
      : deny("no-role", "The pool has no unauthenticated role.", [], noRole);
  }
  const mapping = input.roles.RoleMappings[input.mappingKey];
  if (!mapping) {
    const others = Object.keys(input.roles.RoleMappings);
    const note = others.length > 0 ? ` (the pool maps only ${others.join(", ")})` : "";
    return authenticated
      ? { outcome: "role", roleArn: authenticated, via: "authenticated-role", explanation: `No role mapping for ${input.mappingKey}${note}: the pool's authenticated role.`, rules: [] }
      : deny("no-role", `No role mapping for ${input.mappingKey}${note} and no authenticated role.`, [], noRole);
  }
  return mapping.Type === "Token" ? byToken(input, mapping, input.claims, authenticated) : byRules(input, mapping, input.claims, authenticated);
}

function deny(reason: DenyReason, explanation: string, rules: readonly RuleEvaluation[], refusal: MappingRefusal): RoleChoice {
  return { outcome: "denied", reason, explanation, rules, refusal };
}

/** AmbiguousRoleResolution decides; left unset it is taken as Deny (unconfirmed: SetIdentityPoolRoles requires it with a Type). */
function ambiguous(input: RoleChoiceInput, mapping: RoleMapping, authenticated: string | undefined, why: string, rules: readonly RuleEvaluation[]): RoleChoice {
  if (mapping.AmbiguousRoleResolution === "AuthenticatedRole") {
    return authenticated
      ? { outcome: "role", roleArn: authenticated, via: "ambiguous-authenticated-role", explanation: `${why}; AmbiguousRoleResolution is AuthenticatedRole: the pool's authenticated role.`, rules }
      : deny("no-role", `${why}; AmbiguousRoleResolution is AuthenticatedRole but the pool has no authenticated role.`, rules, noRole);
  }
  const setting = mapping.AmbiguousRoleResolution === "Deny" ? "AmbiguousRoleResolution is Deny" : "AmbiguousRoleResolution is not set (taken as Deny)";
  return deny("ambiguous-deny", `${why}; ${setting}: no credentials.`, rules, ambiguousDenied(input.providerName));
}

function byToken(input: RoleChoiceInput, mapping: RoleMapping, claims: Readonly<Record<string, unknown>>, authenticated: string | undefined): RoleChoice {
  const roles = tokenRoles(claims);
  if (input.customRoleArn) {
    return roles.includes(input.customRoleArn)
      ? { outcome: "role", roleArn: input.customRoleArn, via: "custom-role-arn", explanation: "CustomRoleArn is one of the token's cognito:roles: that role.", rules: [] }
      : deny("custom-role-not-in-token", `CustomRoleArn ${input.customRoleArn} is not among the token's cognito:roles (${roles.join(", ") || "none"}): access is denied.`, [], customRoleRefused(input.customRoleArn, "is not in the token's cognito:roles"));
  }
  const preferred = claims["cognito:preferred_role"];
  if (typeof preferred === "string" && preferred) {
    return { outcome: "role", roleArn: preferred, via: "preferred-role", explanation: "The token's cognito:preferred_role (the role of the user's group with the lowest Precedence).", rules: [] };
  }
  // No single best role: several groups share the best precedence, or no group of the user has a role.
  const why =
    roles.length > 1
      ? `The token has ${roles.length} cognito:roles and no cognito:preferred_role (groups with the same Precedence and different roles)`
      : "The token has no cognito:roles (none of the user's groups has an IAM role)";
  return ambiguous(input, mapping, authenticated, why, []);
}

function byRules(input: RoleChoiceInput, mapping: RoleMapping, claims: Readonly<Record<string, unknown>>, authenticated: string | undefined): RoleChoice {
  const rules = (mapping.RulesConfiguration?.Rules ?? []).map((rule, index) => evaluateRule(rule, index, claims));
  const matched = rules.filter((r) => r.matched);
  const unconfirmed = rules.find((r) => r.unconfirmed)?.unconfirmed;
  if (input.customRoleArn) {
    const chosen = matched.find((r) => r.rule.RoleARN === input.customRoleArn);
    if (chosen) {
      return { outcome: "role", roleArn: chosen.rule.RoleARN, via: "custom-role-arn", ruleIndex: chosen.index, explanation: `CustomRoleArn is the role of matching rule ${chosen.index + 1}: that role, whatever the order.`, rules, ...(unconfirmed ? { unconfirmed } : {}) };
    }
    // Unconfirmed: the guide documents the denial for token-based mappings only.
    return deny("custom-role-not-matched", `CustomRoleArn ${input.customRoleArn} is not the role of any matching rule.`, rules, customRoleRefused(input.customRoleArn, "is not the role of a matching rule"));
  }
  const first = matched[0];
  if (first) {
    return { outcome: "role", roleArn: first.rule.RoleARN, via: "rule", ruleIndex: first.index, explanation: `Rule ${first.index + 1} is the first that matches (${first.because}).`, rules, ...(unconfirmed ? { unconfirmed } : {}) };
  }
  const result = ambiguous(input, mapping, authenticated, `None of the ${rules.length} rules matches`, rules);
  return unconfirmed && result.outcome === "role" ? { ...result, unconfirmed } : result;
}
