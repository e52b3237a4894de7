import type { JWTPayload } from "jose";
import { asStringList, show, showAllowed } from "../checks";
import { rule, type Rule, type AwsPrediction } from "./result";

/**
 * AgentCore's customClaims rules, in the API's own shape (CustomClaimValidationType) so a config
 * copied from `get-agent-runtime` / `get-gateway` can be pasted in as is. EQUALS applies to
 * STRING claims; CONTAINS and CONTAINS_ANY to STRING_ARRAY claims (AgentCore API reference).
 */

export interface CustomClaimValidation {
  readonly inboundTokenClaimName: string;
  readonly inboundTokenClaimValueType: "STRING" | "STRING_ARRAY";
  readonly authorizingClaimMatchValue: {
    readonly claimMatchOperator: "EQUALS" | "CONTAINS" | "CONTAINS_ANY";
    readonly claimMatchValue: { readonly matchValueString?: string; readonly matchValueStringList?: readonly string[] };
  };
}

/** Which token is checked, for saying why a claim is missing: an ID token, a user's access token, or a client credentials one. */
export type ClaimHolder = "id" | "access" | "client-credentials" | "unknown";

export function customClaimRules(
  claims: JWTPayload,
  validations: readonly CustomClaimValidation[],
  response: (claim: string) => AwsPrediction,
  holder: ClaimHolder = "unknown",
): Rule[] {
  return validations.map((v) => customClaimRule(claims, v, response(v.inboundTokenClaimName), holder));
}

function customClaimRule(claims: JWTPayload, v: CustomClaimValidation, response: AwsPrediction, holder: ClaimHolder): Rule {
  const notMatched = (name: string, value: unknown, type: "STRING" | "STRING_ARRAY") => whyNotMatched(name, value, type, holder);
  const name = `claim ${v.inboundTokenClaimName}`;
  const value = claims[v.inboundTokenClaimName];
  const actual = value === undefined ? "(absent)" : show(value);
  const op = v.authorizingClaimMatchValue?.claimMatchOperator;
  const { matchValueString: one, matchValueStringList: list } = v.authorizingClaimMatchValue?.claimMatchValue ?? {};
  const configError = (message: string) =>
    rule(`config.customClaims ${v.inboundTokenClaimName}`, "fail", op ?? null, null, message, {
      status: null,
      message: `The configuration itself is invalid: ${message}`,
      confirmed: false,
      source: "Operator/type pairing from the AgentCore API reference; AgentCore's refusal wording not observed",
    });

  if (v.inboundTokenClaimValueType === "STRING") {
    if (op !== "EQUALS") return configError(`${op} is for STRING_ARRAY claims; a STRING claim can only use EQUALS.`);
    if (one === undefined) return configError("EQUALS needs claimMatchValue.matchValueString.");
    return typeof value === "string" && value === one
      ? rule(name, "pass", actual, one, "Equal.")
      : rule(name, "fail", actual, one, notMatched(v.inboundTokenClaimName, value, "STRING"), response);
  }
  if (v.inboundTokenClaimValueType !== "STRING_ARRAY") {
    return configError(`inboundTokenClaimValueType must be STRING or STRING_ARRAY, not ${String(v.inboundTokenClaimValueType)}.`);
  }
  if (op === "CONTAINS") {
    if (one === undefined) return configError("CONTAINS needs claimMatchValue.matchValueString.");
    return asStringList(value).includes(one) && Array.isArray(value)
      ? rule(name, "pass", actual, `a list containing ${one}`, "Contained.")
      : rule(name, "fail", actual, `a list containing ${one}`, notMatched(v.inboundTokenClaimName, value, "STRING_ARRAY"), response);
  }
  if (op === "CONTAINS_ANY") {
    if (!list?.length) return configError("CONTAINS_ANY needs claimMatchValue.matchValueStringList.");
    const hit = Array.isArray(value) ? asStringList(value).find((x) => list.includes(x)) : undefined;
    return hit !== undefined
      ? rule(name, "pass", actual, `a list containing ${showAllowed(list)}`, `Contains ${hit}.`)
      : rule(name, "fail", actual, `a list containing ${showAllowed(list)}`, notMatched(v.inboundTokenClaimName, value, "STRING_ARRAY"), response);
  }
  return configError(`${String(op)} is for STRING claims; a STRING_ARRAY claim uses CONTAINS or CONTAINS_ANY.`);
}

/**
 * Where a pre token generation trigger writes claims, by its event version (Cognito developer
 * guide, "Pre token generation Lambda trigger"): V1_0 customises the ID token only, V2_0 also the
 * access tokens of user sign-in (claimsAndScopeOverrideDetails.accessTokenGeneration), V3_0 also
 * client credentials (M2M) access tokens.
 */
const MISSING: Record<ClaimHolder, string> = {
  access:
    "The access token lacks this claim. AgentCore reads the access token; a pre token generation trigger adds claims to it only as a V2_0 or V3_0 event " +
    "with accessTokenGeneration.claimsToAddOrOverride. A V1_0 trigger (or a V2_0 one that sets only idTokenGeneration) puts the claim in the ID token alone: " +
    "decode the ID token to see it there.",
  "client-credentials":
    "This client credentials (M2M) token lacks the claim: only a V3_0 pre token generation trigger customises client credentials tokens " +
    "(accessTokenGeneration.claimsToAddOrOverride).",
  id: "The ID token lacks this claim: Cognito adds non-standard claims only through a pre token generation trigger (claimsToAddOrOverride).",
  unknown: "The token lacks this claim (Cognito adds non-standard claims only through a pre token generation trigger).",
};

function whyNotMatched(name: string, value: unknown, type: "STRING" | "STRING_ARRAY", holder: ClaimHolder): string {
  if (value === undefined && name === "cognito:groups") return "The user is in no group: Cognito then omits cognito:groups.";
  if (value === undefined) return MISSING[holder];
  if (type === "STRING_ARRAY" && !Array.isArray(value)) return "The claim is not a list, but the rule expects STRING_ARRAY.";
  if (type === "STRING" && typeof value !== "string") return "The claim is not a string, but the rule expects STRING.";
  return "The claim's value does not match the rule.";
}
