import { z } from "zod";
import { AppError } from "../../errors";

/**
 * An identity pool's roles and role mappings in the shape of GetIdentityPoolRoles' answer (and
 * SetIdentityPoolRoles' input), which is what `aws cognito-identity get-identity-pool-roles`
 * prints. Field names, enums and limits from the service model
 * (boto/botocore:botocore/data/cognito-identity/2014-06-30/service-2.json; aws-sdk-js-v3
 * client-cognito-identity RoleMapping, MappingRule, RulesConfigurationType):
 *   RoleMapping.Type                    Token | Rules (required)
 *   RoleMapping.AmbiguousRoleResolution AuthenticatedRole | Deny ("If you specify Token or Rules as the Type,
 *                                       AmbiguousRoleResolution is required.")
 *   RulesConfiguration.Rules            1..25 MappingRule, evaluated in order
 *   MappingRule                         Claim (1–64), MatchType Equals | Contains | StartsWith | NotEqual,
 *                                       Value (1–128), RoleARN (20–2048)
 * The RoleMappings key names the provider: `cognito-idp.{region}.amazonaws.com/{userPoolId}:{appClientId}`
 * for a user pool app client ("for example, graph.facebook.com or
 * cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id").
 */

export const MATCH_TYPES = ["Equals", "Contains", "StartsWith", "NotEqual"] as const;
export const ROLE_MAPPING_TYPES = ["Token", "Rules"] as const;
export const AMBIGUOUS_ROLE_RESOLUTIONS = ["AuthenticatedRole", "Deny"] as const;

export const mappingRuleSchema = z.object({
  Claim: z.string().min(1).max(64),
  MatchType: z.enum(MATCH_TYPES),
  Value: z.string().min(1).max(128),
  RoleARN: z.string().min(20).max(2048),
});

export const roleMappingSchema = z
  .object({
    Type: z.enum(ROLE_MAPPING_TYPES),
    AmbiguousRoleResolution: z.enum(AMBIGUOUS_ROLE_RESOLUTIONS).optional(),
    RulesConfiguration: z.object({ Rules: z.array(mappingRuleSchema).min(1).max(25) }).optional(),
  })
  .refine((m) => m.Type !== "Rules" || m.RulesConfiguration !== undefined, {
    message: "RulesConfiguration is required when Type is Rules",
    path: ["RulesConfiguration"],
  });

export const identityPoolRolesSchema = z.object({
  IdentityPoolId: z.string().optional(),
  /** "authenticated" / "unauthenticated" → role ARN. */
  Roles: z.record(z.string(), z.string()).default({}),
  RoleMappings: z.record(z.string(), roleMappingSchema).default({}),
});

export type MatchType = (typeof MATCH_TYPES)[number];
export type MappingRule = z.infer<typeof mappingRuleSchema>;
export type RoleMapping = z.infer<typeof roleMappingSchema>;
export type IdentityPoolRoles = z.infer<typeof identityPoolRolesSchema>;

/** The RoleMappings key of a user pool app client. */
export const roleMappingKey = (region: string, userPoolId: string, clientId: string) =>
  `cognito-idp.${region}.amazonaws.com/${userPoolId}:${clientId}`;

/** Pasted `get-identity-pool-roles` output (JSON text), validated; a bad paste names the field. */
export function parseIdentityPoolRoles(text: string): IdentityPoolRoles {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("invalid:identity-pool:role-mapping", "Not JSON: paste the output of aws cognito-identity get-identity-pool-roles.");
  }
  const parsed = identityPoolRolesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid:identity-pool:role-mapping", `${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  return parsed.data;
}
