import type { JWTPayload } from "jose";
import { z } from "zod";

/**
 * A user pool's pre token generation Lambda trigger, declared instead of coded: the scenario gives
 * the trigger's event version (LambdaConfig.PreTokenGenerationConfig.LambdaVersion: V1_0, V2_0 or
 * V3_0 — boto/botocore:botocore/data/cognito-idp/2016-04-18/service-2.json,
 * PreTokenGenerationLambdaVersionType) and the response the function returns, in the event's own
 * names (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html):
 *
 * - V1_0 answers `claimsOverrideDetails` {claimsToAddOrOverride, claimsToSuppress,
 *   groupOverrideDetails}: the ID token only — except groupOverrideDetails, which "will replace
 *   the cognito:groups claim in access tokens as well as ID tokens" (same page, archived as
 *   awsdocs/amazon-cognito-developer-guide:doc_source/user-pool-lambda-pre-token-generation.md).
 * - V2_0 and V3_0 answer `claimsAndScopeOverrideDetails` {idTokenGeneration, accessTokenGeneration
 *   (also scopesToAdd, scopesToSuppress), groupOverrideDetails}. V2_0 responses apply to access
 *   tokens of user sign-in; V3_0 ones also to client-credentials (M2M) access tokens ("Version
 *   three event responses apply to access tokens from user authentication and machine
 *   authentication", same page).
 *
 * The response is the same for every user and every issuance (sign-in, new password, refresh:
 * the trigger sources TokenGeneration_Authentication / _NewPasswordChallenge / _RefreshTokens).
 */

export const LAMBDA_VERSIONS = ["V1_0", "V2_0", "V3_0"] as const;
export type LambdaVersion = (typeof LAMBDA_VERSIONS)[number];

/**
 * Claims a trigger cannot modify, as the developer guide lists them ("You can not modify the
 * following claims": awsdocs/amazon-cognito-developer-guide:doc_source/user-pool-lambda-pre-token-generation.md).
 * What Cognito does with a response that tries anyway (ignore the claim, or fail the sign-in) is
 * unconfirmed, so the sandbox refuses such a scenario at load rather than guess.
 */
export const UNMODIFIABLE_CLAIMS = [
  "acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat",
  "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub", "token_use",
] as const;

/** Group claims change through groupOverrideDetails only ("For group related claims, use groupOverrideDetails instead", same page). */
const GROUP_CLAIMS = ["cognito:groups", "cognito:roles", "cognito:preferred_role"];

/**
 * Access-token claims the sandbox also keeps out of claimsToAddOrOverride: scope has its own
 * scopesToAdd / scopesToSuppress, and client_id, username, version and event_id identify the
 * grant. Unconfirmed: no source read here lists what Cognito does with them; refused at load.
 */
const ACCESS_RESERVED = ["scope", "client_id", "username", "version", "event_id"];

/**
 * V1_0 values are strings (the event's `"claimsToAddOrOverride": {"string": "string"}`). V2_0 and
 * V3_0 also take lists here, so a claim can feed an AgentCore STRING_ARRAY rule; which other JSON
 * types Cognito writes as they are is unconfirmed.
 */
const v1Claims = z.record(z.string().min(1), z.string());
const v2Claims = z.record(z.string().min(1), z.union([z.string(), z.array(z.string())]));
const claimNames = z.array(z.string().min(1));

const groupOverrideSchema = z.strictObject({
  groupsToOverride: z.array(z.string()).optional(),
  iamRolesToOverride: z.array(z.string()).optional(),
  preferredRole: z.string().optional(),
});

const v1Response = z.strictObject({
  claimsOverrideDetails: z.strictObject({
    claimsToAddOrOverride: v1Claims.optional(),
    claimsToSuppress: claimNames.optional(),
    groupOverrideDetails: groupOverrideSchema.optional(),
  }),
});

const tokenGeneration = { claimsToAddOrOverride: v2Claims.optional(), claimsToSuppress: claimNames.optional() };
const v2Response = z.strictObject({
  claimsAndScopeOverrideDetails: z.strictObject({
    idTokenGeneration: z.strictObject(tokenGeneration).optional(),
    accessTokenGeneration: z
      .strictObject({ ...tokenGeneration, scopesToAdd: claimNames.optional(), scopesToSuppress: claimNames.optional() })
      .optional(),
    groupOverrideDetails: groupOverrideSchema.optional(),
  }),
});

export const preTokenGenerationSchema = z
  .discriminatedUnion("lambdaVersion", [
    z.strictObject({ lambdaVersion: z.literal("V1_0"), response: v1Response }),
    z.strictObject({ lambdaVersion: z.literal("V2_0"), response: v2Response }),
    z.strictObject({ lambdaVersion: z.literal("V3_0"), response: v2Response }),
  ])
  .superRefine((trigger, ctx) => {
    const check = (path: (string | number)[], names: readonly string[], reserved: readonly string[], why: string) => {
      for (const name of names) {
        if (reserved.includes(name)) ctx.addIssue({ code: "custom", path: [...path, name], message: `${name}: ${why}` });
      }
    };
    const unmodifiable = "Cognito documents this claim as one a pre token generation trigger cannot modify";
    const groups = "group claims change through groupOverrideDetails";
    const access = "not changed through claimsToAddOrOverride in access tokens (scope: scopesToAdd / scopesToSuppress)";
    const blocks = trigger.lambdaVersion === "V1_0"
      ? [{ path: ["response", "claimsOverrideDetails"], block: trigger.response.claimsOverrideDetails, access: false }]
      : [
          { path: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration"], block: trigger.response.claimsAndScopeOverrideDetails.idTokenGeneration, access: false },
          { path: ["response", "claimsAndScopeOverrideDetails", "accessTokenGeneration"], block: trigger.response.claimsAndScopeOverrideDetails.accessTokenGeneration, access: true },
        ];
    for (const { path, block, access: isAccess } of blocks) {
      if (!block) continue;
      const added = Object.keys(block.claimsToAddOrOverride ?? {});
      check([...path, "claimsToAddOrOverride"], added, UNMODIFIABLE_CLAIMS, unmodifiable);
      check([...path, "claimsToAddOrOverride"], added, GROUP_CLAIMS, groups);
      if (isAccess) check([...path, "claimsToAddOrOverride"], added, ACCESS_RESERVED, access);
      check([...path, "claimsToSuppress"], block.claimsToSuppress ?? [], UNMODIFIABLE_CLAIMS, unmodifiable);
    }
  });

export type PreTokenGeneration = z.infer<typeof preTokenGenerationSchema>;
type GroupOverride = z.infer<typeof groupOverrideSchema>;

interface ClaimChanges {
  readonly claimsToAddOrOverride?: Readonly<Record<string, string | readonly string[]>>;
  readonly claimsToSuppress?: readonly string[];
}

/** Adds, then suppresses: "If a value is both suppressed and replaced, then it will be suppressed" (same page). */
function applyClaims(claims: JWTPayload, changes: ClaimChanges | undefined): JWTPayload {
  if (!changes) return claims;
  const out: JWTPayload = { ...claims };
  for (const [name, value] of Object.entries(changes.claimsToAddOrOverride ?? {})) out[name] = Array.isArray(value) ? [...value] : value;
  for (const name of changes.claimsToSuppress ?? []) delete out[name];
  return out;
}

/**
 * groupOverrideDetails replaces the group claims; an empty list suppresses them ("If you provide
 * an empty or null object in the response, then the groups are suppressed", same page). Only the
 * fields the response gives change; cognito:roles and cognito:preferred_role are ID-token claims.
 */
function applyGroups(claims: JWTPayload, override: GroupOverride | undefined, use: "id" | "access"): JWTPayload {
  if (!override) return claims;
  const out: JWTPayload = { ...claims };
  const set = (name: string, value: string | readonly string[] | undefined) => {
    if (value === undefined) return;
    if (Array.isArray(value) ? value.length === 0 : value === "") delete out[name];
    else out[name] = Array.isArray(value) ? [...value] : value;
  };
  set("cognito:groups", override.groupsToOverride);
  if (use === "id") {
    set("cognito:roles", override.iamRolesToOverride);
    set("cognito:preferred_role", override.preferredRole);
  }
  return out;
}

/** The ID token's claims after the trigger: every version customises it. */
export function customizeIdClaims(trigger: PreTokenGeneration | undefined, claims: JWTPayload): JWTPayload {
  if (!trigger) return claims;
  if (trigger.lambdaVersion === "V1_0") {
    const details = trigger.response.claimsOverrideDetails;
    return applyGroups(applyClaims(claims, details), details.groupOverrideDetails, "id");
  }
  const details = trigger.response.claimsAndScopeOverrideDetails;
  return applyGroups(applyClaims(claims, details.idTokenGeneration), details.groupOverrideDetails, "id");
}

/**
 * The access token's claims after the trigger. `grant` says whose token it is: a user's sign-in
 * (V2_0 and V3_0 customise it; V1_0 only replaces its groups) or a client credentials grant
 * (V3_0 only).
 */
export function customizeAccessClaims(trigger: PreTokenGeneration | undefined, claims: JWTPayload, grant: "user" | "client-credentials"): JWTPayload {
  if (!trigger) return claims;
  if (trigger.lambdaVersion === "V1_0") {
    return grant === "user" ? applyGroups(claims, trigger.response.claimsOverrideDetails.groupOverrideDetails, "access") : claims;
  }
  if (grant === "client-credentials" && trigger.lambdaVersion !== "V3_0") return claims;
  const details = trigger.response.claimsAndScopeOverrideDetails;
  const generation = details.accessTokenGeneration;
  let out = applyClaims(claims, generation);
  if (generation?.scopesToAdd?.length || generation?.scopesToSuppress?.length) {
    // Added scopes go after the granted ones; a scope both added and suppressed is suppressed
    // (by analogy with claims: unconfirmed for scopes).
    const scopes = typeof out["scope"] === "string" ? out["scope"].split(" ").filter(Boolean) : [];
    const merged = [...new Set([...scopes, ...(generation.scopesToAdd ?? [])])].filter((s) => !(generation.scopesToSuppress ?? []).includes(s));
    out = { ...out, scope: merged.join(" ") };
  }
  return grant === "user" ? applyGroups(out, details.groupOverrideDetails, "access") : out;
}
