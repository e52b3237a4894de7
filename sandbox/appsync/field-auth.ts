import { GraphQLError, type GraphQLField, type GraphQLObjectType } from "graphql";
import type { ApiConfig, Caller } from "./caller";
import { fieldDeniedMessage } from "./errors";
import { deniesField } from "./lambda-response";
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

/**
 * A Lambda authorizer's deniedFields: "forcibly changed to null, even if a value was returned from
 * a resolver" (devguide, AWS_LAMBDA authorization). Checked before the resolver runs, so a denied
 * mutation changes nothing.
 */
export function deniedByAuthorizer(api: ApiConfig, type: GraphQLObjectType, fieldName: string, caller: Caller): boolean {
  return caller.lambda?.deniedFields.some((entry) => deniesField(entry, type.name, fieldName, api)) ?? false;
}

/**
 * The null comes with AppSync's field-denial entry (unconfirmed: the devguide says only that the
 * field becomes null); the extension lets the answer carry the sandbox's not-confirmed header.
 */
export function fieldDeniedByAuthorizer(type: GraphQLObjectType, fieldName: string): GraphQLError {
  return new GraphQLError(fieldDeniedMessage(fieldName, type.name), { extensions: { errorType: "Unauthorized", [DENIED_FIELD]: true } });
}

/** Marks a GraphQLError that a deniedFields entry caused. */
export const DENIED_FIELD = "sandboxDeniedField";

/** What the answer's x-sandbox-unconfirmed header says when a deniedFields entry nulled a field. */
export const DENIED_FIELD_UNCONFIRMED = "the error entry beside a field nulled by deniedFields (documented: the field is changed to null)";
