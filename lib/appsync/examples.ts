import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import type { GraphqlOperation } from "./http-request";

/**
 * Ready-to-run operations from an API's own schema (introspection), so a support engineer does
 * not have to know the customer's schema to make a first call.
 */

export const INTROSPECTION: GraphqlOperation = { query: getIntrospectionQuery({ descriptions: false }) };

export interface SchemaExamples {
  queries: { name: string; operation: GraphqlOperation }[];
  subscription?: GraphqlOperation;
  /** A mutation that fires `subscription`, with every required String argument filled in. */
  trigger?: GraphqlOperation;
}

export function examplesFromIntrospection(data: IntrospectionQuery): SchemaExamples {
  const schema = buildClientSchema(data);
  const queries = fieldsWithoutRequiredArgs(schema.getQueryType()?.getFields())
    .slice(0, 8)
    .map((field) => ({ name: field.name, operation: { query: `query ${capitalize(field.name)} {\n  ${field.name}${selection(field)}\n}` } }));
  const subscriptionField = fieldsWithoutRequiredArgs(schema.getSubscriptionType()?.getFields())[0];
  const subscription = subscriptionField
    ? { query: `subscription ${capitalize(subscriptionField.name)} {\n  ${subscriptionField.name}${selection(subscriptionField)}\n}` }
    : undefined;
  return { queries, subscription, trigger: subscriptionField ? triggerFor(schema, subscriptionField) : undefined };
}

function triggerFor(schema: GraphQLSchema, subscriptionField: GraphQLField<unknown, unknown>): GraphqlOperation | undefined {
  const returns = getNamedType(subscriptionField.type).name;
  const candidates = Object.values(schema.getMutationType()?.getFields() ?? {}).filter(
    (m) =>
      getNamedType(m.type).name === returns &&
      m.args.every((a) => !isNonNullType(a.type) || (isScalarType(getNamedType(a.type)) && getNamedType(a.type).name === "String")),
  );
  const mutation = candidates[0];
  if (!mutation) return undefined;
  const args = mutation.args.filter((a) => isNonNullType(a.type));
  const argText = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
  const varDefs = args.length ? `(${args.map((a) => `$${a.name}: String!`).join(", ")})` : "";
  return {
    query: `mutation ${capitalize(mutation.name)}${varDefs} {\n  ${mutation.name}${argText}${selection(mutation)}\n}`,
    variables: Object.fromEntries(args.map((a) => [a.name, "probe from Auth Flow Debugger"])),
  };
}

function fieldsWithoutRequiredArgs(fields: Record<string, GraphQLField<unknown, unknown>> | undefined) {
  return Object.values(fields ?? {}).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
}

/** The scalar fields of the returned type (one level): enough to see data come back. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type) || !isObjectType(type)) return "";
  const leaves = Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
  return leaves.length ? ` { ${leaves.map((f) => f.name).join(" ")} }` : " { __typename }";
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
