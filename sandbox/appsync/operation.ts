import {
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { ApiConfig } from "./caller";
import { FAIL, type AppSyncFailure } from "./errors";
import { formatValidationError } from "./format";

/** A GraphQL request document, parsed and validated against the API's schema. */
type ParsedOperation =
  | { kind: "ok"; document: DocumentNode; operation: OperationDefinitionNode }
  | { kind: "invalid"; errors: ReturnType<typeof formatValidationError>[] }
  | { kind: "failure"; failure: AppSyncFailure };

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/** The JSON body AppSync takes; anything else is its 400 MalformedHttpRequestException. */
export function readRequest(body: Buffer | string): GraphqlRequest | AppSyncFailure {
  const text = typeof body === "string" ? body : body.toString("utf8");
  if (text.trim() === "") return FAIL.emptyBody;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return FAIL.unparsableQuery;
  }
  const { query, variables, operationName } = (json ?? {}) as Record<string, unknown>;
  if (typeof json !== "object" || Array.isArray(json) || typeof query !== "string") return FAIL.unparsableQuery;
  return {
    query,
    variables: typeof variables === "object" && variables !== null ? (variables as Record<string, unknown>) : {},
    ...(typeof operationName === "string" ? { operationName } : {}),
  };
}

export function parseOperation(api: ApiConfig, request: GraphqlRequest): ParsedOperation {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch {
    return { kind: "failure", failure: FAIL.unparsableQuery };
  }
  const errors = validate(api.graphqlSchema, document);
  if (errors.length > 0) return { kind: "invalid", errors: errors.map((e) => formatValidationError(document, e)) };
  const operation = getOperationAST(document, request.operationName);
  if (!operation) {
    const message = request.operationName ? `Unknown operation named '${request.operationName}'.` : "Must provide operation name if query contains multiple operations.";
    return { kind: "invalid", errors: [{ path: null, locations: null, message }] };
  }
  return { kind: "ok", document, operation };
}

interface RootField {
  type: string;
  field: string;
  /** The alias, or the field name: where the field's value sits in `data`. */
  responseKey: string;
}

/** The top-level fields an operation selects (through fragments), introspection excluded. */
export function rootFields(api: ApiConfig, document: DocumentNode, operation: OperationDefinitionNode): RootField[] {
  const schema = api.graphqlSchema;
  const rootType = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  const type = rootType?.name ?? "Query";
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d] as const] : [])));
  const out: RootField[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === "Field") {
        if (!selection.name.value.startsWith("__")) out.push({ type, field: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value });
      } else if (selection.kind === "InlineFragment") walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return out;
}

/**
 * What a Lambda authorizer's requestContext says about the request: the query text, the
 * operation name (the request's, else the document's own), the variables. An unreadable body
 * still reaches the authorizer, with an empty query (unconfirmed: what AppSync sends then).
 */
export function lambdaRequestOf(request: GraphqlRequest | AppSyncFailure, parsed?: ParsedOperation) {
  if (!("query" in request)) return { queryString: "", variables: {} };
  const operationName = request.operationName ?? (parsed?.kind === "ok" ? parsed.operation.name?.value : undefined);
  return { queryString: request.query, variables: request.variables, ...(operationName ? { operationName } : {}) };
}
