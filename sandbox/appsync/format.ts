import { visit, type ASTNode, type DocumentNode, type GraphQLError } from "graphql";

/**
 * graphql-js errors in AppSync's shapes. AppSync runs graphql-java, so its validation messages
 * read "Validation error of type FieldUndefined: Field 'x' in type 'Query' is undefined @ 'x'"
 * and carry no errorType (AppSync team, graphql/graphql-over-http #81; aws-amplify/learn #417).
 * The common rules are reworded to that form; the rest keep graphql-js's text.
 */

type Location = { line: number; column: number; sourceName: null };
const locationsOf = (error: GraphQLError): Location[] | null =>
  error.locations?.map(({ line, column }) => ({ line, column, sourceName: null })) ?? null;

/** graphql-java's `@ 'a/b'`: the field path from the operation root to the offending node. */
function pathTo(document: DocumentNode, target: ASTNode | undefined): string {
  if (!target) return "";
  const stack: string[] = [];
  let found = "";
  visit(document, {
    enter(node) {
      if (node.kind === "Field") stack.push(node.name.value);
      if (node === target) found = stack.join("/");
    },
    leave(node) {
      if (node.kind === "Field") stack.pop();
    },
  });
  return found;
}

const RULES: { pattern: RegExp; type: string; text: (m: RegExpExecArray) => string; withPath: boolean }[] = [
  { pattern: /^Cannot query field "(\w+)" on type "(\w+)"/, type: "FieldUndefined", text: (m) => `Field '${m[1]}' in type '${m[2]}' is undefined`, withPath: true },
  { pattern: /^Unknown argument "(\w+)" on field/, type: "UnknownArgument", text: (m) => `Unknown field argument ${m[1]}`, withPath: true },
  { pattern: /^Field "(\w+)" of type "([^"]+)" must have a selection/, type: "SubSelectionRequired", text: (m) => `Sub selection required for type ${m[2]} of field ${m[1]}`, withPath: true },
  { pattern: /^Field "(\w+)" must not have a selection since type "([^"]+)"/, type: "SubSelectionNotAllowed", text: (m) => `Sub selection not allowed on leaf type ${m[2]} of field ${m[1]}`, withPath: true },
  { pattern: /^Field "\w+" argument "(\w+)" of type "[^"]+" is required/, type: "MissingFieldArgument", text: (m) => `Missing field argument ${m[1]}`, withPath: true },
  { pattern: /^Unknown type "(\w+)"/, type: "UnknownType", text: (m) => `Unknown type ${m[1]}`, withPath: false },
];

export function formatValidationError(document: DocumentNode, error: GraphQLError) {
  let message = `Validation error: ${error.message}`;
  for (const rule of RULES) {
    const match = rule.pattern.exec(error.message);
    if (!match) continue;
    const at = rule.withPath ? ` @ '${pathTo(document, error.nodes?.[0])}'` : "";
    message = `Validation error of type ${rule.type}: ${rule.text(match)}${at}`;
    break;
  }
  return { path: null, locations: locationsOf(error), message };
}

/** Field errors: an authorization denial is AppSync's `errorType: "Unauthorized"` entry. */
export function formatExecutionError(error: GraphQLError) {
  const errorType = typeof error.extensions["errorType"] === "string" ? error.extensions["errorType"] : null;
  if (errorType === null) return { path: error.path ?? null, locations: locationsOf(error), message: error.message };
  return { path: error.path ?? null, data: null, errorType, errorInfo: null, locations: locationsOf(error), message: error.message };
}
