import {
  buildSchema,
  getNamedType,
  isObjectType,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import type { AuthMode } from "./auth-modes";

/**
 * An AppSync schema as graphql-js can build it. AppSync's SDL uses its directives and AWS
 * scalars without declaring them (AppSync declares them for you), so the same declarations are
 * added here unless the schema already has them.
 */

const DIRECTIVES: Record<string, string> = {
  aws_api_key: "directive @aws_api_key on OBJECT | FIELD_DEFINITION",
  aws_iam: "directive @aws_iam on OBJECT | FIELD_DEFINITION",
  aws_oidc: "directive @aws_oidc on OBJECT | FIELD_DEFINITION",
  aws_lambda: "directive @aws_lambda on OBJECT | FIELD_DEFINITION",
  aws_cognito_user_pools: "directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION",
  aws_auth: "directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION",
  aws_subscribe: "directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION",
};
const AWS_SCALARS = ["AWSDate", "AWSTime", "AWSDateTime", "AWSTimestamp", "AWSEmail", "AWSJSON", "AWSURL", "AWSPhone", "AWSIPAddress"];

export function buildAppSyncSchema(sdl: string): GraphQLSchema {
  const prelude = [
    ...Object.entries(DIRECTIVES).filter(([name]) => !new RegExp(`directive\\s+@${name}\\b`).test(sdl)).map(([, def]) => def),
    ...AWS_SCALARS.filter((name) => !new RegExp(`scalar\\s+${name}\\b`).test(sdl)).map((name) => `scalar ${name}`),
  ];
  return buildSchema(`${prelude.join("\n")}\n${sdl}`);
}

/** Which modes a type or field admits, from its directives; undefined when it has none. */
interface AuthRule {
  modes: Set<AuthMode | "AWS_LAMBDA">;
  /** cognito_groups of @aws_cognito_user_pools / @aws_auth, when the directive lists any. */
  groups?: string[];
}

const MODE_OF: Record<string, AuthMode | "AWS_LAMBDA"> = {
  aws_api_key: "API_KEY",
  aws_iam: "AWS_IAM",
  aws_oidc: "OPENID_CONNECT",
  aws_lambda: "AWS_LAMBDA",
  aws_cognito_user_pools: "AMAZON_COGNITO_USER_POOLS",
  aws_auth: "AMAZON_COGNITO_USER_POOLS",
};

function argument(directive: ConstDirectiveNode, name: string): string[] | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const value = valueFromASTUntyped(arg.value);
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

function ruleOf(directives: readonly ConstDirectiveNode[]): AuthRule | undefined {
  const rule: AuthRule = { modes: new Set() };
  for (const directive of directives) {
    const mode = MODE_OF[directive.name.value];
    if (!mode) continue;
    rule.modes.add(mode);
    const groups = mode === "AMAZON_COGNITO_USER_POOLS" ? argument(directive, "cognito_groups") : undefined;
    if (groups?.length) rule.groups = [...(rule.groups ?? []), ...groups];
  }
  return rule.modes.size > 0 ? rule : undefined;
}

/** The field's own directives win; else the type's (including `extend type`); else none. */
export function authRuleFor(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): AuthRule | undefined {
  const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
  return ruleOf(field.astNode?.directives ?? []) ?? ruleOf(typeDirectives);
}

/** The mutations an `@aws_subscribe(mutations: [...])` subscription field listens to. */
export function subscribedMutations(field: GraphQLField<unknown, unknown>): string[] {
  const directive = field.astNode?.directives?.find((d) => d.name.value === "aws_subscribe");
  return directive ? (argument(directive, "mutations") ?? []) : [];
}

/** The object type a field returns (through lists and non-null), if it returns one. */
export function objectTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType | undefined {
  const named = getNamedType(field.type);
  return isObjectType(named) ? named : undefined;
}
