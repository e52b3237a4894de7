import { getOperationAST, parse, type DocumentNode, type SelectionSetNode } from "graphql";

/**
 * The top-level fields a GraphQL operation selects: what AppSync authorises one by one in AWS_IAM
 * mode (appsync:GraphQL on `…/types/{Type}/fields/{field}`, AppSync developer guide,
 * "Configuring authorization and authentication", AWS_IAM authorization:
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html). Fragments are followed;
 * introspection fields (`__typename`, `__schema`) are left out.
 *
 * The type is the default root type name (Query, Mutation, Subscription). A schema that renames its
 * root types (`schema { query: MyQuery }`) needs the name edited by hand.
 */

export interface OperationFields {
  type: "Query" | "Mutation" | "Subscription";
  fields: string[];
}

const ROOT = { query: "Query", mutation: "Mutation", subscription: "Subscription" } as const;

export function operationFields(query: string, operationName?: string): OperationFields | { error: string } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { error: `the operation is not GraphQL: ${(error as Error).message}` };
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) return { error: "the document has several operations and none was named" };
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d] as const] : [])));
  const fields = new Set<string>();
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === "Field") {
        if (!selection.name.value.startsWith("__")) fields.add(selection.name.value);
      } else if (selection.kind === "InlineFragment") walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return { type: ROOT[operation.operation], fields: [...fields] };
}
