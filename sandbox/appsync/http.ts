import { execute } from "graphql";
import type { RawResult, RequestContext } from "../http/types";
import { authenticate, type AuthEnv } from "./authenticate";
import { flatHeaders, type ApiConfig } from "./caller";
import { FAIL, failureResult, jsonResult } from "./errors";
import { UNCONFIRMED_WORDING_HEADER } from "../../lib/http/unconfirmed-wording";
import { DENIED_FIELD, DENIED_FIELD_UNCONFIRMED } from "./field-auth";
import { formatExecutionError } from "./format";
import { lambdaRequestOf, parseOperation, readRequest, rootFields } from "./operation";
import type { PubSub } from "./pubsub";
import { fieldResolver, type DataStore } from "./resolvers";

/** One API while the sandbox runs: its configuration, its rows and its subscribers. */
export interface ApiRuntime {
  config: ApiConfig;
  store: DataStore;
  pubsub: PubSub;
}

/**
 * `POST /graphql` as AppSync answers it: authenticate (401 with UnauthorizedException), read the
 * body (400 MalformedHttpRequestException), validate (200 with graphql-java style messages),
 * then run every field through its authorization rules (200, `errorType: "Unauthorized"`).
 */
export async function handleGraphql(api: ApiRuntime, ctx: RequestContext, env: AuthEnv): Promise<RawResult> {
  const { config } = api;
  const request = readRequest(ctx.body);
  const parsed = "query" in request ? parseOperation(config, request) : undefined;
  // IAM authorizes per top-level field, so it needs the operation; the others don't wait for it.
  const fields = parsed?.kind === "ok" ? rootFields(config, parsed.document, parsed.operation) : [];
  const auth = await authenticate(config, flatHeaders(ctx.headers), env, () => ({ ctx, fields }), () => lambdaRequestOf(request, parsed));
  if (!auth.ok) return failureResult(auth.failure);
  if (!("query" in request)) return failureResult(request);
  if (!parsed || parsed.kind === "failure") return failureResult(parsed?.failure ?? FAIL.unparsableQuery);
  if (parsed.kind === "invalid") return jsonResult({ data: null, errors: parsed.errors });

  const result = await execute({
    schema: config.graphqlSchema,
    document: parsed.document,
    variableValues: request.variables,
    ...(request.operationName ? { operationName: request.operationName } : {}),
    contextValue: { api: config, caller: auth.caller, store: api.store },
    fieldResolver,
  });
  if (parsed.operation.operation === "mutation" && result.data) {
    for (const root of fields) {
      const payload = result.data[root.responseKey];
      if (payload && typeof payload === "object") api.pubsub.publish({ mutation: root.field, payload: payload as Record<string, unknown> });
    }
  }
  const errors = result.errors?.map(formatExecutionError);
  const answer = jsonResult({ data: result.data ?? null, ...(errors?.length ? { errors } : {}) });
  if (!result.errors?.some((e) => e.extensions[DENIED_FIELD])) return answer;
  return { ...answer, headers: { ...answer.headers, [UNCONFIRMED_WORDING_HEADER]: DENIED_FIELD_UNCONFIRMED } };
}
