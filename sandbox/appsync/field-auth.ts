import { GraphQLError, type GraphQLField, type GraphQLObjectType } from "graphql";
import type { ApiConfig, Caller } from "./caller";
import { fieldDeniedMessage } from "./errors";
import { authRuleFor } from "./schema";

/**
 * AppSync's per-field decision for a caller who is already authenticated (AWS AppSync devguide,
 * "Configuring authorization and authentication", multiple authorization types):
 *  - a field's @aws_* directives win over its type's; with neither, only the default mode;
 *  - a directive replaces the default mode, which must then be listed explicitly;
 *  - @aws_cognito_user_pools(cognito_groups: […]) admits only members of those groups;
 *  - a default user pool with defaultAction DENY admits its users only where groups are listed.
 */
export function fieldAllowed(api: ApiConfig, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, caller: Caller): boolean {
  const rule = authRuleFor(type, field) ?? { modes: new Set([api.defaultAuthMode]) };
  if (!rule.modes.has(caller.mode)) return false;
  if (caller.mode !== "AMAZON_COGNITO_USER_POOLS") return true;
  if (rule.groups) return caller.groups.some((group) => rule.groups!.includes(group));
  const denyByDefault = api.defaultAuthMode === "AMAZON_COGNITO_USER_POOLS" && api.userPoolConfig?.defaultAction === "DENY";
  return !denyByDefault;
}

/** Thrown from a resolver; becomes AppSync's 200 + `errorType: "Unauthorized"` entry. */
export function fieldDenied(type: GraphQLObjectType, fieldName: string): GraphQLError {
  return new GraphQLError(fieldDeniedMessage(fieldName, type.name), { extensions: { errorType: "Unauthorized" } });
}
