import type { DocumentNode } from "graphql";
import { authenticate, type AuthEnv, type IamTarget } from "./authenticate";
import { flatHeaders, type Caller } from "./caller";
import { fieldDeniedMessage } from "./errors";
import { deniedByAuthorizer, fieldAllowed } from "./field-auth";
import type { ApiRuntime } from "./http";
import { lambdaRequestOf, parseOperation, readRequest, rootFields } from "./operation";
import { subscribedMutations } from "./schema";

/**
 * A `start` message: `payload.data` is the JSON-encoded `{query, variables}` and
 * `payload.extensions.authorization` authorizes it on its own (any enabled mode; for IAM, the
 * SigV4 headers of `POST {graphql url}` with `data` as body). Refusals are `error` frames:
 * "Not Authorized to access onX on type Subscription" with errorType Unauthorized
 * (aws-amplify/amplify-js #12679), UnauthorizedException "Permission denied" for IAM policy
 * (graphql-python/gql #239), graphql-java validation messages without errorType (amplify-swift #1589).
 */

export interface Subscription {
  document: DocumentNode;
  variables: Record<string, unknown>;
  caller: Caller;
  fields: { field: string; responseKey: string; mutations: string[] }[];
}

type ErrorEntry = Record<string, unknown>;
type Registration = { ok: true; subscription: Subscription } | { ok: false; errors: ErrorEntry[] };

const refuse = (errorType: string, message: string): Registration => ({ ok: false, errors: [{ errorType, message }] });

export async function registerSubscription(
  connection: { virtualPost(suffix: string, headers: Record<string, string | undefined>, body: string): IamTarget["ctx"] },
  api: ApiRuntime,
  id: string | undefined,
  payload: unknown,
  env: AuthEnv,
): Promise<Registration> {
  const { data, extensions } = (typeof payload === "object" && payload !== null ? payload : {}) as { data?: unknown; extensions?: { authorization?: unknown } };
  if (!id || typeof data !== "string") return refuse("MalformedHttpRequestException", "Subscription id and payload.data are required.");
  const request = readRequest(data);
  if (!("query" in request)) return refuse(request.errorType, request.message);
  const parsed = parseOperation(api.config, request);
  if (parsed.kind === "failure") return refuse(parsed.failure.errorType, parsed.failure.message);
  if (parsed.kind === "invalid") return { ok: false, errors: parsed.errors.map(({ message }) => ({ message })) };
  if (parsed.operation.operation !== "subscription") {
    // Seen as "unknown not supported through the realtime channel" for a malformed start.
    return refuse("UnsupportedOperation", `${parsed.operation.operation} not supported through the realtime channel`);
  }

  const roots = rootFields(api.config, parsed.document, parsed.operation);
  const authorization = extensions?.authorization;
  const headers = flatHeaders(typeof authorization === "object" && authorization !== null ? (authorization as Record<string, unknown>) : {});
  const auth = await authenticate(api.config, headers, env, () => ({ ctx: connection.virtualPost("", headers, data), fields: roots }), () => lambdaRequestOf(request, parsed));
  if (!auth.ok) return refuse(auth.failure.errorType, auth.failure.message);

  const type = api.config.graphqlSchema.getSubscriptionType()!;
  const fields: Subscription["fields"] = [];
  for (const root of roots) {
    const field = type.getFields()[root.field]!;
    if (!fieldAllowed(api.config, type, field, auth.caller)) return refuse("Unauthorized", fieldDeniedMessage(root.field, type.name));
    // Unconfirmed: how AppSync answers a subscription to a field the authorizer denied (the same refusal here).
    if (deniedByAuthorizer(api.config, type, root.field, auth.caller)) return refuse("Unauthorized", fieldDeniedMessage(root.field, type.name));
    fields.push({ field: root.field, responseKey: root.responseKey, mutations: subscribedMutations(field) });
  }
  return { ok: true, subscription: { document: parsed.document, variables: request.variables, caller: auth.caller, fields } };
}
