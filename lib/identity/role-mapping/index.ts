export { ambiguousDenied, chooseRole, customRoleRefused, tokenRoles } from "./choose";
export type { DenyReason, MappingRefusal, RoleChoice, RoleChoiceInput, RoleVia } from "./choose";
export { evaluateRule } from "./match";
export type { RuleEvaluation } from "./match";
export {
  AMBIGUOUS_ROLE_RESOLUTIONS,
  identityPoolRolesSchema,
  MATCH_TYPES,
  parseIdentityPoolRoles,
  ROLE_MAPPING_TYPES,
  roleMappingKey,
  roleMappingSchema,
} from "./schema";
export type { IdentityPoolRoles, MappingRule, MatchType, RoleMapping } from "./schema";
export { predictRole, providerOfIdToken } from "./from-token";
